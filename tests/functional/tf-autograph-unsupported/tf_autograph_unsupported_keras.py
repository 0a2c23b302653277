"""tf-autograph-unsupported in Keras code: tf_keras converts `call`, so a refusal matters there."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import keras
import tensorflow as tf
import tf_keras


class Scaled(tf_keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.__scale = 2.0

    def call(self, inputs):
        return inputs * self.__scale  # [tf-autograph-unsupported]


class Keras3Scaled(keras.layers.Layer):
    """Keras 3 never converts `call`: nothing for AutoGraph to refuse."""

    def __init__(self):
        super().__init__()
        self.__scale = 2.0

    def call(self, inputs):
        return inputs * self.__scale


class TfKerasScaled(tf.keras.layers.Layer):
    """tf.keras may be either Keras: silent."""

    def __init__(self):
        super().__init__()
        self.__scale = 2.0

    def call(self, inputs):
        return inputs * self.__scale
