"""The string memo that replaces ``functools.lru_cache`` for name normalisation."""

from __future__ import annotations

import gc

from tflint import names, pyapi
from tflint.memo import text_memo


def test_answers_like_the_function_and_computes_each_input_once():
    seen = []

    @text_memo(maxsize=10)
    def shout(text):
        seen.append(text)
        return None if text is None else text.upper()

    assert [shout("a"), shout("b"), shout("a"), shout(None), shout(None)] == ["A", "B", "A", None, None]
    assert seen == ["a", "b", None]


def test_forgets_everything_once_full_and_still_answers():
    seen = []

    @text_memo(maxsize=2)
    def same(text):
        seen.append(text)
        return text

    for text in ["a", "b", "c", "a"]:
        assert same(text) == text
    # "c" found the memo full and emptied it, so "a" is computed again.
    assert seen == ["a", "b", "c", "a"]
    same.cache_clear()
    assert same("c") == "c" and seen[-1] == "c"


def test_the_kept_answers_are_invisible_to_the_garbage_collector():
    @text_memo(maxsize=100)
    def tag(text):
        return f"tag:{text}"

    for number in range(50):
        tag(str(number))
    # The closure's dict holds only strings: the collector never tracks it, whereas
    # functools.lru_cache keeps a tracked cell per entry.
    (kept,) = [cell.cell_contents for cell in tag.__closure__ if isinstance(cell.cell_contents, dict)]
    assert len(kept) == 50
    gc.collect()
    assert not gc.is_tracked(kept)


def test_the_memoised_name_functions_keep_their_answers():
    assert names.api_name("tensorflow.compat.v1.keras.layers.Dense") == "keras.layers.Dense"
    assert names.api_name("tensorflow.compat.v1.keras.layers.Dense") == "keras.layers.Dense"
    assert names.api_name(None) is None
    assert pyapi.trace_time_fix("numpy.random.rand") is not None
    assert pyapi.trace_time_fix("builtins.len") is None
