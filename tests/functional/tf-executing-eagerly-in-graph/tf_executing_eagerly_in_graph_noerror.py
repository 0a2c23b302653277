"""tf-executing-eagerly-in-graph near misses: code for both modes, helpers, eager code, init_scope."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf
from tensorflow import keras


@tf.function
def both_modes(x):
    if tf.executing_eagerly():
        tf.print("eager")
    else:
        tf.print("graph")
    return x


@tf.function
def graph_path_returns(x):
    if not tf.executing_eagerly():
        return x
    return x * 2


@tf.function
def in_init_scope(x):
    with tf.init_scope():
        eager = tf.executing_eagerly()
    return x


@tf.function
def flag_for_both_modes(x):
    eager = tf.executing_eagerly()
    if eager:
        tf.print("eager")
    else:
        tf.print("graph")
    return x


def helper(x):
    if tf.executing_eagerly():
        return x
    return x * 2


@tf.function
def calls_helper(x):
    return helper(x)


class Layer(keras.layers.Layer):
    def call(self, inputs):
        if tf.executing_eagerly():
            tf.print(inputs)
        return inputs


def eager_code():
    return tf.executing_eagerly()
