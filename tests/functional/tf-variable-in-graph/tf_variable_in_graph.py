"""tf-variable-in-graph: variables created on every trace."""
# pylint: disable=missing-docstring,invalid-name,unused-argument,unused-variable
import keras
import tensorflow as tf
import tf_keras
from tensorflow.keras import layers, optimizers


@tf.function
def scale(x):
    w = tf.Variable(2.0)  # [tf-variable-in-graph]
    return x * w


@tf.function
def noisy(x):
    gen = tf.random.Generator.from_seed(1)  # [tf-variable-in-graph]
    other = tf.random.Generator(state=[1, 2, 3], alg="philox")  # [tf-variable-in-graph]
    return x + gen.normal(tf.shape(x))


@tf.function
def train(x, var):
    opt = optimizers.Adam(0.1)  # [tf-variable-in-graph]
    opt.apply_gradients([(x, var)])
    metric = tf.keras.metrics.Mean()  # [tf-variable-in-graph]
    metric.update_state(x)
    return metric.result()


def helper(x):
    return tf.Variable(x)  # [tf-variable-in-graph]


@tf.function
def calls_helper(x):
    return helper(x)


class Block(tf.keras.layers.Layer):
    def call(self, inputs):
        hidden = layers.Dense(4)(inputs)  # [tf-variable-in-graph]
        dropout = keras.layers.Dropout(0.5)  # [tf-variable-in-graph]
        self.head = tf.keras.layers.Dense(1)  # [tf-variable-in-graph]
        return self.head(dropout(hidden))


class Counter(tf.Module):
    def __init__(self):
        super().__init__()
        self.count = None

    @tf.function
    def __call__(self, x, reset=None):
        if reset is None:
            self.count = tf.Variable(0)  # [tf-variable-in-graph]
        with tf.init_scope():
            unguarded = tf.Variable(1.0)  # [tf-variable-in-graph]
        return x


ds = tf.data.Dataset.range(3).map(lambda e: tf.Variable(e))  # [tf-variable-in-graph]


class Keras2Block(tf_keras.layers.Layer):
    def call(self, inputs):
        return tf_keras.layers.RandomFlip()(inputs)  # [tf-variable-in-graph]
