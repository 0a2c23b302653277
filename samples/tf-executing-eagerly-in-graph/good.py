"""tf-executing-eagerly-in-graph, good: checks that run in the graph, or outside it.

tf.debugging ops run every time the graph runs, so the check needs no eager switch;
checks that need eager values belong in the code that calls the traced function.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def normalize(x):
    x = tf.debugging.check_numerics(x, "normalize got NaN or Inf")
    return x / tf.reduce_sum(x)


print("normalize([1, 3]) =", normalize(tf.constant([1.0, 3.0])).numpy())
try:
    normalize(tf.constant([1.0, float("nan")]))
except tf.errors.InvalidArgumentError:
    print("normalize([1, nan]) fails in the graph: InvalidArgumentError (the check ran)")
