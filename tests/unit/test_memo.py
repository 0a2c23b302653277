"""The memos shaped for the garbage collector: strings by string, answers by node."""

from __future__ import annotations

import gc

import astroid

from tflint.analysis import context, names, run
from tflint.analysis.memo import NodeMemo, text_memo
from tflint.facts import pyapi


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


def test_node_memo_computes_once_per_node_and_tells_nodes_apart():
    first, second = astroid.extract_node("f(1)"), astroid.extract_node("f(1)")
    computed = []
    memo = NodeMemo()

    def compute(node):
        computed.append(node)
        return len(computed)

    assert [memo.get(first, compute), memo.get(second, compute), memo.get(first, compute)] == [1, 2, 1]
    assert computed == [first, second]
    assert memo.find(astroid.extract_node("g()"), "none") == "none"
    memo.set(first, 7)
    assert memo.find(first) == 7


def test_a_new_run_forgets_every_node_memo():
    call = astroid.extract_node("import tensorflow as tf\ntf.print(1) #@")
    memo = NodeMemo()
    memo.set(call, "kept")
    assert context.callee_api(call) == "tensorflow.print"
    assert memo.find(call, "forgotten") == "kept"
    run.start()  # what TFLintChecker.open() does at the start of a pylint run
    assert memo.find(call, "forgotten") == "forgotten"
    memo.set(call, "kept")
    context.reset()  # the same, for tests and embedders
    assert memo.find(call, "forgotten") == "forgotten"
