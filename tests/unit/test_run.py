"""One run's state in one object (tflint.analysis.run), module facts by typed key, and scope
look-ups that answer "unknown" instead of raising."""

from __future__ import annotations

import astroid
from astroid import nodes

from tflint.analysis import context, run
from tflint.analysis.memo import NodeMemo
from tflint.analysis.names import scope_lookup
from tflint.analysis.project import ModuleFact
from tflint.settings import DEFAULTS, Settings


def test_a_new_run_replaces_the_whole_state():
    before = run.start(Settings(graph_decorators=("compiled",)), owner="linter 1")
    project = context.project()
    assert context.settings().graph_decorators == ("compiled",)
    after = run.start(owner="linter 2")
    assert run.current() is after is not before
    assert context.project() is not project
    assert context.settings() == DEFAULTS


def test_module_facts_are_computed_once_per_run_and_never_collide():
    module = astroid.parse("x = 1\n")
    calls: list[str] = []
    first = ModuleFact("first", lambda m: calls.append("first") or "one")
    second = ModuleFact("first", lambda m: calls.append("second") or "two")  # same name, other fact
    run.start()
    assert context.project().fact(module, first) == "one"
    assert context.project().fact(module, second) == "two"
    assert context.project().fact(module, first) == "one"
    assert calls == ["first", "second"]
    run.start()
    assert context.project().fact(module, first) == "one"
    assert calls == ["first", "second", "first"]


def test_node_memos_belong_to_the_run_that_filled_them():
    node = astroid.extract_node("f()")
    memo: NodeMemo[nodes.NodeNG, int] = NodeMemo()
    run.start()
    assert memo.get(node, lambda _: 1) == 1
    assert memo.get(node, lambda _: 2) == 1
    run.start()
    assert memo.get(node, lambda _: 3) == 3


def test_a_scope_lookup_astroid_cannot_answer_is_unknown_not_an_exception():
    orphan = nodes.Name(name="x", lineno=1, col_offset=0, parent=None, end_lineno=1, end_col_offset=1)
    assert scope_lookup(orphan, "x") == (None, [])
    bound = astroid.extract_node("x = 1\nx #@")
    scope, bindings = scope_lookup(bound, "x")
    assert isinstance(scope, nodes.Module) and [b.name for b in bindings] == ["x"]
