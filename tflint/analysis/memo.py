"""Memos shaped for the garbage collector of a long pylint run.

``functools.lru_cache`` keeps a linked-list cell (a tracked list) per entry, and a long
pylint run's full garbage collections walk all of them. A plain dict that only ever holds
strings and None is not tracked by the collector at all (:func:`text_memo`); answers about
nodes are kept in one dict keyed by the node, with no object per entry (:class:`NodeMemo`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar, overload

from tflint.analysis import run

_Text = str | None


def text_memo(maxsize: int) -> Callable[[Callable[[_Text], _Text]], Callable[[_Text], _Text]]:
    """Decorate ``f(text) -> text``: answers are kept until ``maxsize`` of them, then forgotten
    all at once (the names of one project repeat; a bound only guards against odd input)."""

    def decorate(func: Callable[[_Text], _Text]) -> Callable[[_Text], _Text]:
        answers: dict[_Text, _Text] = {}
        missing = object()

        @functools.wraps(func)
        def memoised(text: _Text) -> _Text:
            found = answers.get(text, missing)
            if found is missing:
                if len(answers) >= maxsize:
                    answers.clear()
                found = answers[text] = func(text)
            return found  # type: ignore[return-value]

        memoised.cache_clear = answers.clear  # type: ignore[attr-defined]
        return memoised

    return decorate


_Node = TypeVar("_Node")
_Answer = TypeVar("_Answer")
_Missing = TypeVar("_Missing")
_MISSING = object()


class NodeMemo(Generic[_Node, _Answer]):
    """One answer per node for the current run: ``memo.get(node, compute)``.

    One dict keyed by the node itself (astroid nodes hash by identity): an entry costs no
    object of its own, where ``(node, answer)`` tuples or ``id`` keys would add one per
    entry, tens of thousands in a run, for memory and for every full garbage collection to
    walk. The dict belongs to one run (:mod:`tflint.analysis.run`): when a new run has
    started, the memo starts empty.
    """

    def __init__(self) -> None:
        self._answers: dict[_Node, _Answer] = {}
        self._run: object = None

    def _current(self) -> dict[_Node, _Answer]:
        if self._run is not run.state:  # a new run: the old answers are about other trees
            self._run = run.state
            self._answers = {}
        return self._answers

    def get(self, node: _Node, compute: Callable[[_Node], _Answer]) -> _Answer:
        """The answer for ``node``, computed by ``compute(node)`` the first time it is asked."""
        answers = self._current()
        answer = answers.get(node, _MISSING)
        if answer is _MISSING:
            answer = answers[node] = compute(node)
        return answer  # type: ignore[return-value]

    @overload
    def find(self, node: _Node) -> _Answer | None: ...

    @overload
    def find(self, node: _Node, missing: _Missing) -> _Answer | _Missing: ...

    def find(self, node: _Node, missing: object = None) -> object:
        """The answer for ``node``, or ``missing`` when it has none yet."""
        return self._current().get(node, missing)

    def set(self, node: _Node, answer: _Answer) -> None:
        """Record ``answer`` for ``node``."""
        self._current()[node] = answer
