"""tf-python-list-in-tensor-loop, good: collect loop results in a tf.TensorArray.

A TensorArray is a loop variable of the graph loop: `ta = ta.write(i, value)` adds an item
on every iteration, and `ta.stack()` turns it into one tensor after the loop.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def squares(n):
    out = tf.TensorArray(tf.int32, size=n)
    for i in tf.range(n):
        out = out.write(i, i * i)
    return out.stack()


@tf.function
def squares_vectorised(n):
    i = tf.range(n)
    return i * i


print("squares(4) =", squares(tf.constant(4)).numpy())
print("squares_vectorised(4) =", squares_vectorised(tf.constant(4)).numpy())
