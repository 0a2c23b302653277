"""tf-autograph-unsupported, good: the same logic without for/else or generators.

Without the `else` AutoGraph converts the function and the tensor `if` becomes tf.cond;
a traced function returns tensors (or builds a tf.data.Dataset) instead of yielding.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def first_negative_or_zero(values):
    found = tf.reduce_min(tf.minimum(values, 0.0))
    if found < 0:
        found = -found
    return found


@tf.function
def doubled(values):
    return values * 2.0


print("first_negative_or_zero([1, -2, 3]) =", float(first_negative_or_zero(tf.constant([1.0, -2.0, 3.0]))))
print("doubled([1]) =", doubled(tf.constant([1.0])).numpy())
