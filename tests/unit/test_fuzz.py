"""Fuzzing: no exception ever escapes tflint, on generated programs and mutated samples."""

from __future__ import annotations

import os
import random

import astroid
import hypothesmith
import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from pylint.testutils import UnittestLinter
from pylint.utils import ASTWalker

import tflint
from tflint.analysis import context
from tflint.checkers.base import TFLintChecker

EXAMPLES = int(os.environ.get("TFLINT_FUZZ_EXAMPLES", "60"))
TF_PRELUDE = "import tensorflow as tf\n@tf.function\ndef traced(x):\n    return helper(x)\n"


def _messages_for(source: str) -> list[str]:
    """Run every tflint checker over ``source`` in process; return the emitted symbols."""
    try:
        module = astroid.parse(source, module_name="fuzzed")
    except Exception:  # astroid cannot build it: pylint reports that itself, tflint never sees it
        return []
    linter = UnittestLinter()
    tflint.register(linter)
    walker = ASTWalker(linter)
    for checker in linter.get_checkers():
        if isinstance(checker, TFLintChecker):  # the opt-in checkers too, under their own name
            checker.open()
            walker.add_checker(checker)
    context.reset()
    walker.walk(module)
    return [m.msg_id for m in linter.release_messages()]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_generated_programs_never_raise(source):
    assert "tf-internal-error" not in _messages_for(source)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_generated_programs_in_graph_code_never_raise(source):
    body = "\n".join("    " + line for line in source.splitlines()) or "    pass"
    program = TF_PRELUDE + "def helper(x):\n" + body + "\n"
    assert "tf-internal-error" not in _messages_for(program)


def _mutations(text: str, rng: random.Random, count: int):
    lines = text.splitlines()
    for _ in range(count):
        mutated = list(lines)
        for _ in range(3):
            i, j = rng.randrange(len(mutated)), rng.randrange(len(mutated))
            choice = rng.random()
            if choice < 0.4:
                mutated[i], mutated[j] = mutated[j], mutated[i]
            elif choice < 0.7:
                del mutated[i]
            else:
                mutated.insert(i, mutated[j])
        yield "\n".join(mutated) + "\n"


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*/*.py")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_mutated_samples_never_raise(sample):
    rng = random.Random(sample.name + sample.parent.name)
    for mutated in _mutations(sample.read_text(encoding="utf-8"), rng, 15):
        assert "tf-internal-error" not in _messages_for(mutated)
