"""tf-numpy-in-graph near miss: a module that switches tf.functions to eager on purpose."""
# pylint: disable=missing-function-docstring,missing-class-docstring
import numpy as np
import tensorflow as tf


class TorchBridge(tf.keras.Model):
    """xplique: a wrapper that switches every function to eager on purpose, so its `call`
    never runs traced and may use NumPy on its inputs."""

    def __init__(self, channel_first):
        super().__init__()
        self.channel_first = channel_first
        tf.config.run_functions_eagerly(True)  # pylint: disable=tf-eager-debug-leftover

    def call(self, inputs):
        if self.channel_first:
            inputs = np.moveaxis(inputs, [3, 1, 2], [1, 2, 3])
        return np.asarray(inputs)
