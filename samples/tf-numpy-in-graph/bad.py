"""tf-numpy-in-graph, bad: eager-only operations on symbolic tensors.

While TensorFlow traces a function its tensors have no values: `.numpy()` does not exist,
NumPy cannot convert them, and a dimension that is unknown (None) while tracing breaks
Python's range().
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


@tf.function
def as_numpy(x):
    return x.numpy() * 2.0  # [tf-numpy-in-graph]


@tf.function
def log_softmax(x):
    return x - np.log(np.sum(np.exp(x)))  # [tf-numpy-in-graph]


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def row_sums(batch):
    sums = []
    for i in range(batch.shape[0]):  # [tf-numpy-in-graph]
        sums.append(tf.reduce_sum(batch[i]))
    return tf.stack(sums)


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


try:
    as_numpy(tf.constant([1.0, 2.0]))
except AttributeError as exc:
    print(f"x.numpy(): {type(exc).__name__}: {first_line(exc)}")
try:
    log_softmax(tf.constant([1.0, 2.0]))
except NotImplementedError as exc:
    print(f"np.exp(x): {type(exc).__name__}: {first_line(exc)}")
try:
    row_sums(tf.ones([2, 3]))
except TypeError as exc:
    print(f"range(batch.shape[0]): {type(exc).__name__}: {first_line(exc)}")
