"""Near misses: guarded imports, TF2 homes of contrib code, other packages named contrib."""
# pylint: disable=missing-function-docstring
import tensorflow as tf

try:
    import tensorflow.contrib.slim as slim
except ImportError:
    slim = None

try:
    from tensorflow import estimator
except (ImportError, AttributeError):
    estimator = None

INITIALIZER = tf.keras.initializers.GlorotUniform()
FLAT = tf.nest.flatten([[1], [2]])


def optional_contrib():
    try:
        from tensorflow.contrib import layers
    except ModuleNotFoundError:
        return None
    return layers


def contrib_cell_if_present():
    # The hasattr check already handles TensorFlow 2, where tf.contrib is gone.
    if hasattr(tf, "contrib") and tf.contrib.rnn is not None:
        return tf.contrib.rnn.LayerRNNCell
    return None
