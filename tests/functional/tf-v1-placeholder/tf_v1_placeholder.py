"""Positives: TF1 placeholders through every import form."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf
import tensorflow as t
import tensorflow.compat.v1 as tf1
from tensorflow.compat import v1
from tensorflow.compat.v1 import placeholder, placeholder_with_default

images = tf.compat.v1.placeholder(tf.float32, [None, 28, 28], name="images")  # [tf-v1-placeholder]
labels = tf1.placeholder(tf.int64, shape=[None])  # [tf-v1-placeholder]
mask = v1.placeholder(dtype=tf.bool)  # [tf-v1-placeholder]
rate = placeholder_with_default(0.5, shape=[])  # [tf-v1-placeholder]
untyped = placeholder(tf.string)  # [tf-v1-placeholder]
ids = tf.compat.v1.sparse_placeholder(tf.int64)  # [tf-v1-placeholder]
more_ids = tf.compat.v1.sparse.placeholder(tf.int64, shape=[None, 10])  # [tf-v1-placeholder]
tokens = tf.compat.v1.ragged.placeholder(tf.int32, ragged_rank=1)  # [tf-v1-placeholder]
legacy = t.placeholder(t.float32)  # [tf-v1-placeholder]


class Model:
    def __init__(self):
        self.inputs = tf.compat.v1.placeholder(tf.float32, [None, 3])  # [tf-v1-placeholder]


def build_inputs():
    return [tf.compat.v1.placeholder(tf.float32) for _ in range(2)]  # [tf-v1-placeholder]


def eager_mode_only(values):
    if tf.executing_eagerly():

        def same_shape(t):
            return tf.compat.v1.placeholder_with_default(t, shape=[None])  # [tf-v1-placeholder]

        values = tf.nest.map_structure(same_shape, values)
    return values
