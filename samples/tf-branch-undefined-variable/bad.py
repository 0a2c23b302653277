"""tf-branch-undefined-variable, bad: branches of a tensor `if` that AutoGraph cannot join.

AutoGraph turns an `if` on a tensor into tf.cond and traces both branches. Every variable
the code after the `if` reads must then exist, with the same kind of value, at the end of
both branches, and a `return` in one branch needs a `return` on the other path.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def scale_positive(x):
    if tf.reduce_sum(x) > 0:  # [tf-branch-undefined-variable]
        scale = 2.0
    return x * scale


@tf.function
def negative_mask(x):
    mask = None
    if tf.reduce_any(x < 0):  # [tf-branch-undefined-variable]
        mask = x < 0
    return mask


@tf.function
def clipped(x):
    if tf.reduce_max(x) > 1.0:  # [tf-branch-undefined-variable]
        return tf.clip_by_value(x, 0.0, 1.0)
    tf.debugging.assert_non_negative(x)


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


values = tf.constant([0.5, 2.0])
try:
    scale_positive(values)
except ValueError as exc:
    print(f"scale_positive: {type(exc).__name__}: {first_line(exc)}")
try:
    negative_mask(values)
except ValueError as exc:
    print(f"negative_mask: {type(exc).__name__}: {first_line(exc)}")
try:
    clipped(values)
except ValueError as exc:
    print(f"clipped: {type(exc).__name__}: {first_line(exc)}")
