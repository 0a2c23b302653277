"""tf-tensor-as-python-bool near misses: tf_keras (Keras 2) converts `call`; tf.keras may be either."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf
import tf_keras


class SignFlip(tf_keras.layers.Layer):
    def call(self, inputs):
        if tf.reduce_sum(inputs) > 0:
            return inputs
        return -inputs


class TfKerasSignFlip(tf.keras.layers.Layer):
    def call(self, inputs):
        if tf.reduce_sum(inputs) > 0:
            return inputs
        return -inputs
