"""tf-tensor-as-python-bool, good: keep tensor conditions in the graph.

tf.debugging.assert_* checks the value every time the graph runs, tf.boolean_mask filters
a tensor without a Python loop, and a tensor `if` is fine where AutoGraph converts it
(the default `autograph=True`); tf.where needs no conversion at all.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def safe_sqrt(x):
    tf.debugging.assert_non_negative(x, message="x must be non-negative")
    return tf.sqrt(x)


@tf.function
def positives(values):
    return tf.boolean_mask(values, values > 0.0)


@tf.function
def relu(x):
    if x > 0.0:  # AutoGraph turns this into tf.cond
        return x
    return tf.zeros_like(x)


@tf.function(autograph=False)
def relu_without_autograph(x):
    return tf.where(x > 0.0, x, tf.zeros_like(x))


print("safe_sqrt([4, 9]) =", safe_sqrt(tf.constant([4.0, 9.0])).numpy())
try:
    safe_sqrt(tf.constant([-1.0]))
except tf.errors.InvalidArgumentError:
    print("safe_sqrt([-1]) fails when the graph runs, on the bad value: InvalidArgumentError")
print("positives([1, -2, 3]) =", positives(tf.constant([1.0, -2.0, 3.0])).numpy())
print("relu(2), relu(-2) =", relu(tf.constant(2.0)).numpy(), relu(tf.constant(-2.0)).numpy())
print("relu_without_autograph(-2) =", relu_without_autograph(tf.constant(-2.0)).numpy())
