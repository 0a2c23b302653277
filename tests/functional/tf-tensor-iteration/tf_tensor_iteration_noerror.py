"""tf-tensor-iteration near misses: loops AutoGraph converts, Python lists of tensors, structures."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import numpy as np
import tensorflow as tf
from tensorflow import keras


@tf.function
def converted_loops(t, n):
    total = tf.constant(0.0)
    for v in t:
        total += v
    for i in tf.range(n):
        total += tf.cast(i, tf.float32)
    for i in range(tf.shape(t)[0]):
        total += t[i]
    return total, sorted(t)


@tf.function
def python_lists_of_tensors(t):
    rows = tf.unstack(t)
    first, *rest = rows
    mean, variance = tf.nn.moments(t, axes=[0])
    values, indices = tf.math.top_k(t, k=1)
    pieces = [p * 2 for p in tf.split(t, 2)]
    return first, rest, mean, variance, values, indices, list(rows), zip(rows, pieces)


@tf.function
def static_shape_is_python(t):
    height, width = t.shape[0:2]
    dims = [d for d in t.shape]
    return height, width, dims, list(t.shape)


class MultiInput(keras.layers.Layer):
    def call(self, inputs):
        query, value = inputs
        return query + value


class Concat(keras.layers.Layer):
    def call(self, inputs):
        return tf.concat([x * 2 for x in inputs], axis=-1)


class DecoderCell(keras.layers.Layer):
    """TensorFlowTTS's Tacotron-2 decoder: RNN cells return (output, new_states)."""

    def __init__(self):
        super().__init__()
        self.attention_lstm = keras.layers.LSTMCell(4)
        self.decoder_lstms = keras.layers.StackedRNNCells([keras.layers.LSTMCell(4)])

    def call(self, inputs, states):
        attention_output, attention_state = self.attention_lstm(inputs, states[0])
        decoder_output, decoder_state = self.decoder_lstms(attention_output, states[1])
        return decoder_output, (attention_state, decoder_state)


class EncoderLSTM(keras.layers.Layer):
    """alibi-detect's EncoderLSTM: a Bidirectional LSTM asked for its states returns five tensors."""

    def __init__(self, units):
        super().__init__()
        self.encoder_net = keras.layers.Bidirectional(keras.layers.LSTM(units, return_state=True))

    def call(self, x):
        outputs, forward_h, forward_c, backward_h, backward_c = self.encoder_net(x)
        return outputs, [forward_h + backward_h, forward_c + backward_c]


class GraphConv(keras.Model):
    """deepchem's GraphConvModel: `inputs` is a list, its tail a list of adjacency tensors."""

    def call(self, inputs):
        atoms = inputs[0]
        adjacency = [tf.cast(a, tf.int32) for a in inputs[4:]]
        return atoms, adjacency


def parse_pair(features, label):
    keys = [k for k in features]
    return features["a"], label


def eager_code(t):
    return [v for v in t], list(t)


def values_of(t):
    doubled = tf.abs(t) * 2
    if not tf.is_tensor(t):
        return [v for v in doubled]
    return list(doubled.numpy()) if isinstance(t, np.ndarray) else doubled


@tf.function
def calls_values_of(t):
    return values_of(tf.abs(t))


@tf.function
def unknown_arguments(items):
    return [v for v in items]


converted_loops(tf.constant([1.0, 2.0]), tf.constant(2))
python_lists_of_tensors(tf.constant([1.0, 2.0]))
static_shape_is_python(tf.zeros([2, 3]))
dataset = tf.data.Dataset.from_tensor_slices(({"a": [1]}, [0])).map(parse_pair)
