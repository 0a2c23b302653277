"""tf-executing-eagerly-in-graph, bad: tf.executing_eagerly() inside a tf.function.

Inside a traced function tf.executing_eagerly() is False on every trace, so the code that
was meant to run eagerly never runs: here the NaN check is silently skipped.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def normalize(x):
    if tf.executing_eagerly():  # [tf-executing-eagerly-in-graph]
        tf.debugging.check_numerics(x, "normalize got NaN or Inf")
    return x / tf.reduce_sum(x)


result = normalize(tf.constant([1.0, float("nan")]))
print("tf.executing_eagerly() inside @tf.function:", tf.function(tf.executing_eagerly)().numpy())
print("normalize([1, nan]) =", result.numpy(), "- the NaN check never ran")
