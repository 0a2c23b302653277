"""The retracing and function-lifecycle family (issue 5): what real TensorFlow prints for each bad
sample (the retrace count, TensorFlow's warning or its error). The static side is in
tests/unit/test_retracing_rules.py."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLES
from runtime_support import run_sample

# What real TensorFlow shows for each bad sample: the number is the point of the sample.
OBSERVED = {
    "tf-retracing-argument": [
        r"Python int argument: 10 traces for 10 calls",
        r"new lambda argument: 10 traces for 10 calls",
        r"growing tensor shape: 10 traces for 10 calls",
        r"TensorFlow logged [1-9]\d* retracing warning\(s\)",
        r"calls to <function train_step at 0x[0-9a-f]+> triggered tf.function retracing",
    ],
    "tf-function-recreated": [
        r"tf.function built in the loop: 10 traces for 10 calls",
        r"@tf.function nested in predict\(\): 10 traces for 10 calls",
    ],
    "tf-variable-in-graph": [
        r"tf.Variable in scale\(\): +ValueError: tf.function only supports singleton tf.Variables",
        r"Generator in add_noise\(\): +ValueError: tf.function only supports singleton tf.Variables",
        r"Keras Dense in Head.__call__\(\): ValueError: tf.function only supports singleton tf.Variables",
    ],
    "tf-recursive-function": [
        r"triangle\(5\) = 15, traced 6 times for one call",
        r"triangle_t\(tf.constant\(5\)\) failed: \w+: RecursionError",
    ],
    "tf-deprecated-function-argument": [
        r"experimental_relax_shapes is deprecated, use reduce_retracing instead",
        r"experimental_compile is deprecated, use jit_compile instead",
        r"shift traced 4 times for 4 ints",
    ],
    "tf-eager-debug-leftover": [r"under run_functions_eagerly\(True\): traced 0 times"],
    "tf-eager-training-loop": [r"its Python body ran 201 times for 201 calls"],
}

FAMILY = tuple(OBSERVED)  # the family of tests/unit/test_retracing_rules.py, in its order


@pytest.mark.parametrize("rule", FAMILY)
def test_bad_sample_shows_the_hazard_under_real_tensorflow(rule, tmp_path_factory):
    sample = SAMPLES / rule / "bad.py"
    result = run_sample(tmp_path_factory, sample)
    assert result.returncode == 0, result.stderr[-3000:]
    missing = [pattern for pattern in OBSERVED[rule] if not re.search(pattern, result.stdout)]
    assert missing == [], result.stdout
