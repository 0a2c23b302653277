"""tf-numpy-in-graph near misses: static shapes, known dimensions, Python values, eager code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import numpy as np
import tensorflow as tf
from tensorflow import keras


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def static_shape_helpers(batch):
    features = batch.shape[1] * 2
    rows = [batch[:, j] for j in range(batch.shape[-1])]
    size = np.prod(batch.shape[1:])
    rank = np.ndim(batch)
    return tf.reshape(batch, [-1, features // 2]), rows, size, rank


@tf.function
def converted_builtins(x):
    return len(x), float(x[0]), int(x[0])


@tf.function
def numpy_on_python_values(x):
    scale = np.sqrt(2.0)
    table = np.arange(3)
    return x * scale + tf.constant(table, tf.float32)


@tf.function
def dynamic_size(x):
    total = tf.constant(0.0)
    for i in tf.range(tf.shape(x)[0]):
        total += x[i]
    return total


def resize(image):
    resized = tf.image.resize(image, [2, 2])
    if isinstance(image, np.ndarray):
        return resized.numpy()
    if not tf.is_tensor(image):
        return np.asarray(resized)
    return resized


@tf.function
def calls_resize(x):
    return resize(tf.abs(x))


weights = tf.Variable([1.0, 2.0])


@tf.function
def eager_inside_init_scope(x):
    with tf.init_scope():
        initial = weights.numpy()
    return x * initial


def eager_code(x):
    return x.numpy(), np.square(x)


def loudness(audio, use_tf=True, weights=None):
    """ddsp's compute_loudness: a NumPy mode behind a flag the traced caller leaves at True."""
    lib = tf if use_tf else np
    audio = audio if use_tf else np.array(audio)
    if not use_tf:
        audio = np.square(audio)
    if weights is not None:
        audio = audio * np.asarray(weights)
    return lib.abs(audio)


def to_features(record, as_numpy=False):
    """Traced by Dataset.map, which never passes `as_numpy`: the default decides."""
    values = tf.strings.to_number(record)
    if as_numpy:
        return np.asarray(values)
    return values


features = tf.data.Dataset.from_tensor_slices(["1", "2"]).map(to_features)


class Loudness(keras.layers.Layer):
    def call(self, inputs):
        return loudness(tf.abs(inputs))


def variables_made_eagerly(created):
    """dm-sonnet's replicator_test: init_scope nested in a run-once branch."""

    def make():
        if created[0] is None:
            v = tf.Variable(tf.ones([]))
            with tf.init_scope():
                value = v.numpy()
            created[0] = v

    tf.function(make, autograph=False)()


def eager_flag_and_hasattr(image):
    resized = tf.image.resize(image, [2, 2])
    eager = tf.executing_eagerly()
    if eager:
        return resized.numpy()
    if hasattr(image, "numpy"):
        return np.asarray(resized)
    if tf.executing_eagerly() and image.shape[0] > 1:
        return resized.numpy()
    return resized


@tf.function
def calls_eager_flag_and_hasattr(x):
    return eager_flag_and_hasattr(tf.abs(x))


def callback(x):
    return np.square(x.numpy())


@tf.function
def through_py_function(x):
    return tf.py_function(callback, [x], tf.float32)


converted_builtins(tf.constant([1.0, 2.0]))
numpy_on_python_values(tf.constant([1.0, 2.0, 3.0]))
dynamic_size(tf.constant([1.0, 2.0]))
through_py_function(tf.constant(1.0))


class ModeSum(tf.keras.Model):
    """poisson-cnn: a count computed eagerly in __init__ with int(tensor) is a Python int."""

    def __init__(self, nmodes=(32, 32)):
        super().__init__()
        self.nmodes = nmodes
        self.total_mode_number = int(tf.reduce_prod(nmodes))

    def call(self, inputs):
        indices = []
        for m in range(self.total_mode_number):
            for k in range(len(self.nmodes) - 1):
                indices.append(int(np.floor(m / np.prod(self.nmodes[k + 1:]))))
        return inputs

