"""A static finding, located precisely enough to be joined with what ran.

Observations are per line, but a finding points at a node inside a statement, and AutoGraph's
generated code reports the statement's first line. So each finding carries the line span of its
statement (the header only, for ``if``/``for``/``def``...) and is joined with every line of it.
"""

from __future__ import annotations

import ast
import functools
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One tflint message, as pylint reported it, plus its statement span and source text."""

    path: str  # absolute
    line: int
    column: int
    end_line: int | None
    end_column: int | None
    symbol: str
    msgid: str
    message: str
    confidence: str
    span: tuple[int, int]
    subject: str  # the source text of the reported node (first line only)
    statement: str  # the source text of the statement's first line
    body: tuple[int, int] | None = None  # the first statement of a compound statement's body
    function: tuple[int, int] | None = None  # the innermost enclosing def, decorators to last line

    def display_path(self, cwd: str | None = None) -> str:
        return display_path(self.path, cwd)


def display_path(path: str, cwd: str | None = None) -> str:
    """``path`` relative to ``cwd`` when it is below it, else absolute."""
    cwd = cwd or os.getcwd()
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith(os.pardir) else relative


@functools.lru_cache(maxsize=256)
def _source(path: str) -> tuple[list[str], ast.Module | None]:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return [], None
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError):
        tree = None
    return text.splitlines(), tree


# What a finding can sit on: a statement, or an `except` clause (which is not one in `ast`).
_Statement = ast.stmt | ast.ExceptHandler


def _header_end(stmt: _Statement) -> int:
    """Last line of a compound statement's header (the line before its body)."""
    body = getattr(stmt, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
        return max(stmt.lineno, body[0].lineno - 1)
    return stmt.end_lineno or stmt.lineno


def _first_line(stmt: _Statement) -> int:
    decorators = getattr(stmt, "decorator_list", None) or []
    return min([stmt.lineno, *(d.lineno for d in decorators)])


def statement_span(path: str, line: int) -> tuple[int, int]:
    """The lines of the innermost statement (its header, for compound ones) containing ``line``;
    ``(line, line)`` when the file cannot be parsed."""
    _, tree = _source(path)
    statement = _innermost_statement(tree, line) if tree is not None else None
    return (_first_line(statement), _header_end(statement)) if statement is not None else (line, line)


def _innermost_statement(tree: ast.Module, line: int) -> _Statement | None:
    """The innermost statement (or ``except`` clause) whose header holds ``line``."""
    best: _Statement | None = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.stmt, ast.ExceptHandler)) and _first_line(node) <= line <= _header_end(node):
            if best is None or _header_end(node) - _first_line(node) <= _header_end(best) - _first_line(best):
                best = node
    return best


def body_span(path: str, line: int) -> tuple[int, int] | None:
    """The lines of the first statement in the body of the compound statement at ``line``."""
    _, tree = _source(path)
    statement = _innermost_statement(tree, line) if tree is not None else None
    body = [stmt for stmt in getattr(statement, "body", None) or [] if isinstance(stmt, ast.stmt)]
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and len(body) > 1:
        body = body[1:]  # a docstring never runs
    # A `with` header reports a line on entry and on exit: count the first statement inside it.
    while body and isinstance(body[0], (ast.With, ast.AsyncWith, ast.Try)) and body[0].body:
        body = body[0].body
    if body:
        return (_first_line(body[0]), _header_end(body[0]))
    return None


def function_span(path: str, line: int) -> tuple[int, int] | None:
    """Decorators-to-end lines of the innermost function whose body or header holds ``line``."""
    _, tree = _source(path)
    if tree is None:
        return None
    best: tuple[int, int] | None = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            first = _first_line(node) if isinstance(node, ast.stmt) else node.lineno
            last = node.end_lineno or node.lineno
            if first <= line <= last and (best is None or last - first <= best[1] - best[0]):
                best = (first, last)
    return best


def source_text(path: str, line: int, column: int, end_line: int | None, end_column: int | None) -> str:
    """The reported node's source (its first line when it spans several)."""
    lines, _ = _source(path)
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    stop = end_column if end_line == line and end_column is not None else len(text)
    return text[column:stop].strip()


def statement_text(path: str, first: int) -> str:
    lines, _ = _source(path)
    if not 1 <= first <= len(lines):
        return ""
    text = lines[first - 1].strip()
    code, _, _ = text.partition("  #")
    return code.strip()


def make_finding(
    path: str,
    line: int,
    column: int,
    end_line: int | None,
    end_column: int | None,
    symbol: str,
    msgid: str,
    message: str,
    confidence: str,
) -> Finding:
    span = statement_span(path, line)
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        symbol=symbol,
        msgid=msgid,
        message=message,
        confidence=confidence,
        span=span,
        subject=source_text(path, line, column, end_line, end_column),
        statement=statement_text(path, span[0]),
        body=body_span(path, span[0]),
        function=function_span(path, line),
    )
