"""The per-module node index gives what astroid's own walk gives, in the same order."""

from __future__ import annotations

import astroid
import pytest
from astroid import nodes
from conftest import FUNCTIONAL, REPO

from tflint.analysis.index import module_nodes

ROOT = REPO
# the functional cases, not the test modules beside their folders
SOURCES = sorted((ROOT / "samples").rglob("*.py")) + sorted(
    p for p in FUNCTIONAL.rglob("*.py") if p.parent != FUNCTIONAL
)
QUERIES = [
    nodes.NodeNG,  # every node: the walk skips the children of leaf nodes, and must miss none
    nodes.Call,
    nodes.FunctionDef,  # includes AsyncFunctionDef, a subclass
    (nodes.Call, nodes.Name, nodes.Attribute),
    (nodes.Import, nodes.ImportFrom),
    (nodes.Global, nodes.Nonlocal),
    (nodes.For, nodes.While, nodes.Attribute, nodes.Yield, nodes.YieldFrom),
]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_nodes_in_the_same_order_as_nodes_of_class(path):
    module = astroid.parse(path.read_text(encoding="utf-8"), path=str(path))
    for classes in QUERIES:
        assert module_nodes(module, classes) == list(module.nodes_of_class(classes)), classes


def test_every_leaf_kind_in_order():
    source = (
        "import os\nfrom a import b as c\nx = {**d, 'k': 1}\n"
        "def f():\n    global g\n    y = 0\n    def h():\n        nonlocal y\n        del y\n"
        "    for i in []:\n        if i:\n            break\n        continue\n    pass\n"
    )
    module = astroid.parse(source)
    walked = module_nodes(module, nodes.NodeNG)
    assert walked == list(module.nodes_of_class(nodes.NodeNG))
    kinds = {type(node).__name__ for node in walked}
    assert {
        "Import",
        "ImportFrom",
        "DictUnpack",
        "Global",
        "Nonlocal",
        "DelName",
        "Break",
        "Continue",
        "Pass",
        "Const",
        "Name",
        "AssignName",
    } <= kinds


def test_async_functions_are_function_defs():
    module = astroid.parse("async def f():\n    pass\ndef g():\n    pass\n")
    assert [f.name for f in module_nodes(module, nodes.FunctionDef)] == ["f", "g"]


def test_deep_nesting_does_not_recurse():
    # The walk is iterative: deep chains cost no stack depth.
    source = "x = " + "(" * 150 + "1" + ")" * 150 + "\n" + "y = a" + ".b" * 400 + "\n"
    module = astroid.parse(source)
    assert len(module_nodes(module, nodes.Attribute)) == 400


def test_an_edited_module_gets_its_own_index():
    first = astroid.parse("f()\n")
    second = astroid.parse("f()\ng()\n")
    assert len(module_nodes(first, nodes.Call)) == 1
    assert len(module_nodes(second, nodes.Call)) == 2
