"""tf-tensor-iteration, good: vectorise, index, or let AutoGraph convert a `for` loop.

Tensor ops work on the whole tensor at once; indexing takes the items you need; and a
plain `for v in t:` (or `for i in tf.range(n)`) is a loop AutoGraph turns into a graph loop.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def doubled(values):
    return values * 2.0


@tf.function
def blank_like(image):
    shape = tf.shape(image)
    return tf.zeros([shape[0], shape[1]])


@tf.function
def dot(a, b):
    total = tf.constant(0.0)
    for i in tf.range(tf.shape(a)[0]):
        total += a[i] * b[i]
    return total


@tf.function
def total(values):
    result = tf.constant(0.0)
    for v in values:  # AutoGraph turns this into a tf.while_loop
        result += v
    return result


print("doubled([1, 2, 3]) =", doubled(tf.constant([1.0, 2.0, 3.0])).numpy())
print("blank_like(4x5x3 image).shape =", blank_like(tf.zeros([4, 5, 3])).shape)
print("dot([1, 2], [3, 4]) =", dot(tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0])).numpy())
print("total([1, 2, 3]) =", total(tf.constant([1.0, 2.0, 3.0])).numpy())
