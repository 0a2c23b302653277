"""tf-autograph-unsupported, bad: constructs that AutoGraph refuses to convert.

A `for ... else` makes AutoGraph give up on the whole function: TensorFlow logs "AutoGraph
could not transform ..." and traces it as plain Python, so the tensor `if` in it fails.
A generator cannot be a tf.function at all.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def first_negative_or_zero(values):
    found = tf.constant(0.0)
    for v in tf.unstack(values, num=3):  # [tf-autograph-unsupported]
        found = tf.minimum(found, v)
    else:
        found = found * 1.0
    if found < 0:  # [tf-tensor-as-python-bool]
        found = -found
    return found


@tf.function
def doubled(values):
    yield values * 2.0  # [tf-autograph-unsupported]


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


try:
    first_negative_or_zero(tf.constant([1.0, -2.0, 3.0]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"for/else in @tf.function: {type(exc).__name__}: {first_line(exc)}")
try:
    doubled(tf.constant([1.0]))
except TypeError as exc:
    print(f"generator @tf.function: {type(exc).__name__}: {first_line(exc)}")
