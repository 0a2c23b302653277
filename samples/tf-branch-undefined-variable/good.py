"""tf-branch-undefined-variable, good: give the variable a tensor value on every path.

Set the variable before the `if` (or in both branches) with a tensor of the same dtype and
shape, and return a value on every path. tf.where avoids the branch altogether.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def scale_positive(x):
    scale = 1.0
    if tf.reduce_sum(x) > 0:
        scale = 2.0
    return x * scale


@tf.function
def negative_mask(x):
    mask = tf.zeros_like(x, dtype=tf.bool)
    if tf.reduce_any(x < 0):
        mask = x < 0
    return mask


@tf.function
def clipped(x):
    if tf.reduce_max(x) > 1.0:
        return tf.clip_by_value(x, 0.0, 1.0)
    return x


@tf.function
def clipped_without_branch(x):
    return tf.where(x > 1.0, tf.ones_like(x), x)


values = tf.constant([0.5, 2.0])
print("scale_positive =", scale_positive(values).numpy())
print("negative_mask =", negative_mask(values).numpy())
print("clipped =", clipped(values).numpy())
print("clipped_without_branch =", clipped_without_branch(values).numpy())
