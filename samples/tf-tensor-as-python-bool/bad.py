"""tf-tensor-as-python-bool, bad: a symbolic tensor where Python needs a bool.

AutoGraph rewrites `if`/`while` on tensors inside a tf.function, but not `assert`, not the
`if` of a comprehension, and nothing at all in a function traced with autograph=False.
Each of the three functions below fails while TensorFlow traces it, on the first call.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def safe_sqrt(x):
    assert tf.reduce_all(x >= 0.0), "x must be non-negative"  # [tf-tensor-as-python-bool]
    return tf.sqrt(x)


@tf.function
def positives(values):
    return tf.stack([v for v in tf.unstack(values) if v > 0.0])  # [tf-tensor-as-python-bool]


@tf.function(autograph=False)
def relu(x):
    if x > 0.0:  # [tf-tensor-as-python-bool]
        return x
    return tf.zeros_like(x)


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0] + "."


try:
    safe_sqrt(tf.constant([4.0, 9.0]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"assert in @tf.function: {type(exc).__name__}: {first_line(exc)}")

try:
    positives(tf.constant([1.0, -2.0, 3.0]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"comprehension condition: {type(exc).__name__}: {first_line(exc)}")

try:
    relu(tf.constant(2.0))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"if with autograph=False: {type(exc).__name__}: {first_line(exc)}")
