"""The questions checkers ask: "is this node graph code, and why?", "what does this name mean?"

State lives in the run's state (:mod:`tflint.analysis.run`), which ``TFLintChecker.open()``
replaces at the start of each pylint run, so a long-lived editor process starts each run afresh.

The modules themselves come from astroid's module cache, which belongs to pylint and
outlives a run: a process that runs pylint repeatedly must pass ``--clear-cache-post-run=y``
(the VS Code Pylint extension does) or pylint and tflint alike keep seeing files as they
were first parsed. tflint leaves that cache alone: clearing it here would re-parse the
project for every file of a ``-j`` run, whose workers open the checkers once per file.
"""

from __future__ import annotations

import os
import re

from astroid import nodes

from tflint.analysis import guards, run
from tflint.analysis.graph import is_create_once
from tflint.analysis.memo import NodeMemo
from tflint.analysis.names import NameResolver
from tflint.analysis.project import Project, package_root
from tflint.analysis.trace import Trace
from tflint.settings import Settings

_callee_apis: NodeMemo[nodes.Call, str | None] = NodeMemo()
# After a statement that ends the graph path (`if not tf.executing_eagerly(): return`)?
_after_return: NodeMemo[nodes.NodeNG, bool] = NodeMemo()


def reset() -> None:
    """Forget everything and analyse with the default options: a new run (tests, embedders)."""
    run.start()


def project() -> Project:
    """The current run's project index and module-wide memos."""
    return run.state.project


def settings() -> Settings:
    """The current run's tflint options."""
    return run.state.settings


def names(node: nodes.NodeNG) -> NameResolver:
    """The name resolver of the module holding ``node``."""
    module = node.root()
    state = run.state
    last = state.last_names
    if last[0] is not module:
        last = state.last_names = (module, state.project.names(module))
    resolver = last[1]
    assert resolver is not None  # a module's resolver is kept with it: None only before the first module
    return resolver


def callee_api(call: nodes.Call) -> str | None:
    """The API name of what ``call`` calls (``tensorflow.print``), as :meth:`NameResolver.api`
    gives it; a dozen checkers ask it of every call, so it is kept per call for the run."""
    return _callee_apis.get(call, _resolve_callee)


def _resolve_callee(call: nodes.Call) -> str | None:
    return names(call).api(call.func)


def has_graph_code(module: nodes.Module) -> bool:
    """False when no function of ``module`` is ever traced: then :func:`graph_context` is None
    for all of its nodes, and the rules about graph code can skip their dearer analyses."""
    state = run.state
    last = state.last_graph_code
    if last[0] is not module:
        last = state.last_graph_code = (module, bool(state.project.traced(module)))
    return last[1]


def graph_context(node: nodes.NodeNG) -> Trace | None:
    """Why ``node`` runs as graph code (only while tracing), or None when it runs eagerly.

    A node is graph code when its innermost enclosing function is traced, or is nested
    in a traced function (and is not a ``tf.py_function`` callback), and it is not in
    the eager branch of ``if tf.executing_eagerly():``.
    """
    module = node.root()
    if not isinstance(module, nodes.Module):
        return None
    proj = project()
    graph = proj.graph(module)
    traced = proj.traced(module)
    child, current = node, node.parent
    if isinstance(node, (nodes.FunctionDef, nodes.Lambda)):
        current = node
    while current is not None:
        if isinstance(current, nodes.ClassDef) or _after_graph_return(child, graph.names):
            return None
        if isinstance(current, (nodes.FunctionDef, nodes.Lambda)) and _in_body(current, child):
            if current in graph.eager_callbacks:
                return None
            if current in traced:
                return traced[current]
        elif isinstance(current, nodes.If) and child in guards.dead_branch(current, graph.names):
            return None
        child, current = current, current.parent
    return None


def _after_graph_return(statement: nodes.NodeNG, resolver: NameResolver) -> bool:
    """True when an earlier sibling of ``statement`` ended the graph path (see
    :func:`guards.ends_graph_path`). Kept per statement for the run: every question about a node
    asks it of each enclosing statement, and each answer would rescan the siblings before it."""
    if not getattr(statement, "is_statement", False):
        return False
    pending = []
    current, answer = statement, False
    while current is not None:
        known = _after_return.find(current)
        if known is not None:  # what holds after a known sibling
            answer = known or guards.ends_graph_path(current, resolver)
            break
        pending.append(current)
        current = current.previous_sibling()
    for node in reversed(pending):  # from the first sibling not yet known onwards
        _after_return.set(node, answer)
        answer = answer or guards.ends_graph_path(node, resolver)
    found = _after_return.find(statement)
    assert found is not None  # known before the loop, or set by it (``pending`` starts with it)
    return found


def enclosing_function(node: nodes.NodeNG) -> nodes.FunctionDef | nodes.Lambda | None:
    """The innermost function whose body holds ``node``."""
    child, current = node, node.parent
    while current is not None:
        if isinstance(current, (nodes.FunctionDef, nodes.Lambda)) and _in_body(current, child):
            return current
        child, current = current, current.parent
    return None


def enclosing_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose method (or a function nested in it) holds ``node``."""
    frame = node.frame()
    while isinstance(frame, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(frame.parent, nodes.ClassDef):
            return frame.parent
        frame = frame.parent.frame() if frame.parent else None
    return None


def _in_body(func: nodes.FunctionDef | nodes.Lambda, child: nodes.NodeNG) -> bool:
    """Decorators and default values run where the function is defined, not in it."""
    if child is func:
        return True
    body = func.body if isinstance(func.body, list) else [func.body]
    return child in body


def in_run_once_code(node: nodes.NodeNG) -> bool:
    """In a ``build``-like method or under ``if not self.built:``: state made once by design."""
    func = enclosing_function(node)
    if func is None or is_create_once(func):
        return True
    child, current = node, node.parent
    while current is not None and current is not func:
        if isinstance(current, nodes.If) and child in current.body and guards.is_once_guard(current.test):
            return True
        child, current = current, current.parent
    return False


_TEST_FILE = re.compile(r"^test_|_tests?$|^tests?$|^conftest$|test_?util|testlib|^testing|_testing$", re.IGNORECASE)
_TEST_DIRS = frozenset({"test", "tests", "testing", "testdata"})
_TEST_CLASS = re.compile(r"Test(?:Case|s)?$|^Test")


def in_test_code(node: nodes.NodeNG) -> bool:
    """In a test file (``test_*.py``, ``*_test.py``, ``conftest.py``, under ``tests/``), a
    ``test*``/``setUp*`` function or a test class: where eager debugging switches belong."""
    path = node.root().file or ""
    stem = os.path.splitext(os.path.basename(path))[0]
    inside = os.path.relpath(os.path.dirname(os.path.abspath(path)), package_root(path)) if path else "."
    folders = [] if inside == "." else os.path.normpath(inside).split(os.sep)
    if _TEST_FILE.search(stem) or any(folder.lower() in _TEST_DIRS for folder in folders):
        return True
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.FunctionDef) and current.name.startswith(("test", "setUp", "_test")):
            return True
        if isinstance(current, nodes.ClassDef) and (
            _TEST_CLASS.search(current.name) or any("TestCase" in base.as_string() for base in current.bases)
        ):
            return True
        current = current.parent
    return False
