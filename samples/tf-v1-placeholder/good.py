"""tf-v1-placeholder, good: the inputs are function arguments, the default is a Python default.

The same normalisation as bad.py. The placeholder became an argument with a tf.TensorSpec
in the input signature, the placeholder_with_default an argument with a default value.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


@tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32), tf.TensorSpec([], tf.float32)])
def normalize_with(images, scale):
    return images / tf.reduce_max(images, axis=1, keepdims=True) * scale


def normalize(images, scale=1.0):
    return normalize_with(images, tf.constant(scale, tf.float32))


pixels = np.array([[1, 2, 3, 4], [10, 0, 5, 5]], np.float32)
print(f"argument: default scale -> {normalize(pixels).numpy().tolist()}")
print(f"argument: scale passed as 2.0 -> {normalize(pixels, 2.0).numpy().tolist()}")
