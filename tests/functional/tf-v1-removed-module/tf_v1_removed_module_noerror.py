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
