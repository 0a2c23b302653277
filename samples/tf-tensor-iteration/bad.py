"""tf-tensor-iteration, bad: iterating a symbolic tensor where AutoGraph does not convert it.

AutoGraph turns `for v in t:` into a graph loop, but not a comprehension, not unpacking
(`h, w = tf.shape(image)[:2]`) and not builtins that iterate, such as zip(). Each function
below fails while TensorFlow traces it.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def doubled(values):
    return tf.stack([v * 2.0 for v in values])  # [tf-tensor-iteration]


@tf.function
def blank_like(image):
    height, width = tf.shape(image)[0:2]  # [tf-tensor-iteration]
    return tf.zeros([height, width])


@tf.function
def dot(a, b):
    total = tf.constant(0.0)
    for x, y in zip(a, b):  # [tf-tensor-iteration]
        total += x * y
    return total


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


try:
    doubled(tf.constant([1.0, 2.0, 3.0]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"comprehension over a tensor: {type(exc).__name__}: {first_line(exc)}")

try:
    blank_like(tf.zeros([4, 5, 3]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"unpacking tf.shape(image)[0:2]: {type(exc).__name__}: {first_line(exc)}")

try:
    dot(tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0]))
except tf.errors.OperatorNotAllowedInGraphError as exc:
    print(f"zip over tensors: {type(exc).__name__}: {first_line(exc)}")
