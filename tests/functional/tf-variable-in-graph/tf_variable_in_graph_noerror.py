"""tf-variable-in-graph: variables created once stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument,unused-variable
import tensorflow as tf
import tf_keras

v = tf.Variable(1.0)  # module level: eager, once
generator = tf.random.Generator.from_seed(1)
_cache = [None]
_GLOBAL = None


def make_variable():
    return tf.Variable(0.0)  # eager code


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(2.0)  # __init__
        self.v = None
        self.opt = None
        self.dense = tf.keras.layers.Dense(3)
        self.slots = {}

    @tf.function
    def __call__(self, x, name="a"):
        if self.v is None:
            self.v = tf.Variable(1.0)  # the documented create-once guard
        if not hasattr(self, "extra"):
            self.extra = tf.Variable(0.0)
        if name not in self.slots:
            self.slots[name] = tf.Variable(0.0)
        if self.opt is None:
            self.opt = tf.keras.optimizers.SGD(0.1)
        with tf.init_scope():
            if self.v is None:
                self.v = tf.Variable(1.0)
        tf.keras.layers.Flatten()(x)  # no weights
        tf.keras.layers.Activation("relu")(x)
        tf.keras.layers.Dense(2)  # never called: creates no weights
        return self.dense(x) * self.w * self.v


class Block(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.kernel = tf.Variable(tf.zeros((input_shape[-1], 2)))  # build() runs once
        self.inner = tf.keras.layers.Dense(2)

    def call(self, inputs):
        if not self.built:
            self.late = tf.Variable(0.0)
        return tf.matmul(inputs, self.kernel)

    def _create_state(self):
        self.state = tf.Variable(0.0)  # create-once by name


@tf.function
def lazily(x):
    global _GLOBAL
    if _GLOBAL is None:
        _GLOBAL = tf.Variable(0.0)
    if _cache[0] is None:
        _cache[0] = tf.Variable(1.0)
    return x * _GLOBAL


@tf.function
def uses_existing(x):
    v.assign_add(1.0)
    return x + generator.normal([])


@tf.function
def py_callback(x):
    def eager(value):
        return tf.Variable(value).numpy()  # runs eagerly in tf.py_function
    return tf.py_function(eager, [x], tf.float32)


@tf.function
def rnn_without_weights(x, cell):
    return tf.keras.layers.RNN(cell)(x)  # the wrapper has no weights of its own


class Keras2Block(tf_keras.layers.Layer):
    def call(self, inputs):
        return tf_keras.layers.Dropout(0.5)(inputs)  # Keras 2 dropout draws stateless numbers


class Stats(tf.Module):
    def __init__(self):
        super().__init__()
        self._counters = {}

    @tf.function
    def update(self, name, length):
        counter = self._counters.get(name)  # read from state kept between traces
        if counter is None:
            counter = tf.Variable(tf.constant(0, dtype=tf.int64), trainable=False)
            self._counters[name] = counter
        counter.assign_add(tf.cast(length, tf.int64))

