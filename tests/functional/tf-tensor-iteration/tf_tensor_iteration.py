"""tf-tensor-iteration: iterating a symbolic tensor where AutoGraph does not convert the loop."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf
from tensorflow import keras


@tf.function
def comprehension_over_tensor(t):
    return tf.stack([v * 2 for v in t])  # [tf-tensor-iteration]


@tf.function
def builtins_that_iterate(t, u):
    first = list(t)  # [tf-tensor-iteration]
    total = sum(t)  # [tf-tensor-iteration]
    biggest = max(t)  # [tf-tensor-iteration]
    for a, b in zip(t, u):  # [tf-tensor-iteration]
        total += a * b
    for i, v in enumerate(t):  # [tf-tensor-iteration]
        total += v
    return first, total, biggest


@tf.function
def unpacking(image):
    height, width = tf.shape(image)[0:2]  # [tf-tensor-iteration]
    return tf.zeros([height, width])


@tf.function
def star_unpacking(t):
    return tf.stack([*t])  # [tf-tensor-iteration]


@tf.function
def membership(t):
    return 2.0 in t  # [tf-tensor-iteration]


@tf.function(autograph=False)
def loop_without_autograph(t):
    total = tf.constant(0.0)
    for v in t:  # [tf-tensor-iteration]
        total += v
    return total


class Pairwise(keras.layers.Layer):
    def call(self, inputs):
        scaled = inputs * 2.0
        return tf.stack([tf.reduce_sum(row) for row in scaled])  # [tf-tensor-iteration]


class GaussianRBF(keras.layers.Layer):
    """alibi-detect's GaussianRBF kernel: one matrix per bandwidth, built by iterating a tensor."""

    def __init__(self):
        super().__init__()
        self.log_sigma = tf.Variable([0.0, 1.0])

    def call(self, x, y):
        dist = tf.reduce_sum(tf.square(x[:, None, :] - y[None, :, :]), axis=-1)
        gamma = 1.0 / (2.0 * tf.exp(self.log_sigma) ** 2)
        return tf.reduce_mean(tf.exp(-tf.stack([g * dist for g in gamma])), axis=0)  # [tf-tensor-iteration]


def parse(record):
    return [int(c) for c in tf.strings.bytes_split(record)], list(tf.strings.to_number(record))  # [tf-tensor-iteration]


comprehension_over_tensor(tf.constant([1.0, 2.0]))
builtins_that_iterate(tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0]))
unpacking(tf.zeros([2, 3, 1]))
star_unpacking(tf.constant([1.0, 2.0]))
membership(tf.constant([1.0, 2.0]))
loop_without_autograph(tf.constant([1.0, 2.0]))
dataset = tf.data.Dataset.from_tensor_slices(["12", "34"]).map(parse)
