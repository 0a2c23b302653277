"""Memoising pure functions of one string whose answers are strings (or None).

``functools.lru_cache`` keeps a linked-list cell (a tracked list) per entry, and a long
pylint run's full garbage collections walk all of them. A plain dict that only ever holds
strings and None is not tracked by the collector at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Optional

_Text = Optional[str]


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
