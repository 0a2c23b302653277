"""tf-numpy-in-graph: eager-only calls on symbolic tensors and unknown dimensions."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import numpy as np
import tensorflow as tf
from tensorflow import keras

weights = tf.Variable([1.0, 2.0])


@tf.function
def numpy_method(x):
    return x.numpy() * 2  # [tf-numpy-in-graph]


@tf.function
def variable_numpy(x):
    return weights.numpy() * x  # [tf-numpy-in-graph]


@tf.function
def numpy_functions(x):
    squared = np.square(x)  # [tf-numpy-in-graph]
    stacked = np.stack([x, x])  # [tf-numpy-in-graph]
    return np.mean(tf.abs(x))  # [tf-numpy-in-graph]


@tf.function(autograph=False)
def len_without_autograph(x):
    return len(x)  # [tf-numpy-in-graph]


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def unknown_batch_dimension(batch):
    total = tf.constant(0.0)
    for i in range(batch.shape[0]):  # [tf-numpy-in-graph]
        total += tf.reduce_sum(batch[i])
    return tf.zeros([batch.shape[0] * 2, 3]) + total  # [tf-numpy-in-graph]


class Doubler(keras.layers.Layer):
    def call(self, inputs):
        return tf.reshape(inputs, [inputs.shape[0] * 2, -1])  # [tf-numpy-in-graph]


class MinkowskiProduct(keras.layers.Layer):
    """spektral's MinkowskiProduct: a NumPy matrix sized by a dynamic dimension."""

    def call(self, inputs):
        size = tf.shape(inputs)[-1]
        product = np.eye(size)  # [tf-numpy-in-graph]
        return tf.matmul(inputs, tf.constant(product, tf.float32))


def loudness(audio, use_tf=True):
    return audio if use_tf else np.array(audio)  # [tf-numpy-in-graph]


@tf.function
def numpy_mode_asked_for(x):
    return loudness(tf.abs(x), use_tf=False)


def to_numpy(record):
    return np.asarray(tf.strings.length(record))  # [tf-numpy-in-graph]


numpy_method(tf.constant(1.0))
variable_numpy(tf.constant(1.0))
numpy_functions(tf.constant([1.0, 2.0]))
len_without_autograph(tf.constant([1.0, 2.0]))
dataset = tf.data.Dataset.from_tensor_slices(["a", "bc"]).map(to_numpy)
