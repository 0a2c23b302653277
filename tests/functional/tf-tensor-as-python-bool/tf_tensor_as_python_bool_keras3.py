"""tf-tensor-as-python-bool in Keras 3: Keras 3 runs `call` without AutoGraph, tf_keras converts it."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import keras
import tensorflow as tf


class SignFlip(keras.layers.Layer):
    def call(self, inputs):
        if tf.reduce_sum(inputs) > 0:  # [tf-tensor-as-python-bool]
            return inputs
        return -inputs


class Base(keras.layers.Layer):
    pass


class Clipped(Base):
    def call(self, inputs):
        return inputs if tf.reduce_max(inputs) < 1.0 else inputs / 2  # [tf-tensor-as-python-bool]


class PythonCondition(keras.layers.Layer):
    def call(self, inputs, training=None):
        if training:
            return inputs * 2
        if inputs.shape[-1] == 3:
            return inputs
        return tf.where(inputs > 0, inputs, -inputs)
