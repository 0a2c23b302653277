"""tf-numpy-in-graph in Keras 3 code: `call` runs unconverted, so len() of a tensor fails."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import keras
import tensorflow as tf


class RowCount(keras.layers.Layer):
    def call(self, inputs):
        positive = tf.nn.relu(inputs)
        return tf.fill([2], len(positive))  # [tf-numpy-in-graph]


class YOLOEvaluation(keras.layers.Layer):
    """tf2onnx's keras2onnx YOLOv3 test: `inputs` is a list (feature maps, then the image shape)."""

    def call(self, inputs):
        feature_maps = inputs[0:-1]
        image_shape = tf.squeeze(inputs[-1], axis=0)
        return [tf.shape(m)[0] for m in feature_maps[: len(feature_maps)]], image_shape
