"""tf-numpy-in-graph, good: TensorFlow ops and dynamic shapes instead of NumPy values.

tf.math has the NumPy functions as graph ops, tf.shape(x) gives the size the tensor has
when the graph runs, and tf.py_function runs Python code that really needs NumPy values.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


@tf.function
def twice(x):
    return x * 2.0


@tf.function
def log_softmax(x):
    return x - tf.math.log(tf.reduce_sum(tf.exp(x)))


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def row_sums(batch):
    sums = tf.TensorArray(tf.float32, size=tf.shape(batch)[0])
    for i in tf.range(tf.shape(batch)[0]):
        sums = sums.write(i, tf.reduce_sum(batch[i]))
    return sums.stack()


def numpy_median(x):
    return np.median(x.numpy()).astype(np.float32)


@tf.function
def median(x):
    return tf.py_function(numpy_median, [x], tf.float32)


print("twice([1, 2]) =", twice(tf.constant([1.0, 2.0])).numpy())
print("log_softmax([1, 2]) =", log_softmax(tf.constant([1.0, 2.0])).numpy())
print("row_sums(2x3 ones) =", row_sums(tf.ones([2, 3])).numpy())
print("median([3, 1, 2]) =", median(tf.constant([3.0, 1.0, 2.0])).numpy())
