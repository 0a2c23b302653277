"""Small astroid helpers that every part of the analysis and every checker may use, written once
(in the manner of pylint's ``checkers/utils.py``). They know Python's syntax tree, nothing of
TensorFlow.
"""

from __future__ import annotations

from astroid import nodes


def call_argument(call: nodes.Call, index: int, keyword: str) -> nodes.NodeNG | None:
    """The argument at ``index`` or passed as ``keyword``, if present."""
    if 0 <= index < len(call.args) and not isinstance(call.args[index], nodes.Starred):
        return call.args[index]
    return keyword_value(call, keyword)


def keyword_value(call: nodes.Call, keyword: str) -> nodes.NodeNG | None:
    """The expression passed as ``keyword=`` in ``call``, or None."""
    for kw in call.keywords or ():
        if kw.arg == keyword:
            return kw.value
    return None


def has_keyword(call: nodes.Call, keyword: str) -> bool:
    """Is ``keyword=`` passed in ``call``?"""
    return any(kw.arg == keyword for kw in call.keywords or ())


def keyword_constant(call: nodes.Call, keyword: str):
    """The literal value of ``keyword=`` in ``call``, or None."""
    value = keyword_value(call, keyword)
    return value.value if isinstance(value, nodes.Const) else None


def is_inside(node: nodes.NodeNG, ancestor: nodes.NodeNG) -> bool:
    """Is ``node`` ``ancestor`` itself or somewhere below it?"""
    current: nodes.NodeNG | None = node
    while current is not None:
        if current is ancestor:
            return True
        current = current.parent
    return False


def source_text(expr: nodes.NodeNG, default: str) -> str:
    """How the source spells ``expr``; ``default`` for an expression nested too deeply to print
    (astroid's printer recurses once per level)."""
    try:
        return expr.as_string()
    except RecursionError:
        return default
