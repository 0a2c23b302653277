"""tf-v1-removed-module, bad: tf.contrib, which TensorFlow 2.0 removed.

TF1 code reached tf.contrib through the tf module and by importing its packages. Neither
works in TensorFlow 2: the attribute is gone (AttributeError) and the package does not
exist (ModuleNotFoundError). We call both and print what happens.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


def xavier_initializer():
    return tf.contrib.layers.xavier_initializer(seed=0)  # [tf-v1-removed-module]


def slim_fully_connected(inputs):
    import tensorflow.contrib.slim as slim  # [tf-v1-removed-module]

    return slim.fully_connected(inputs, 2)


for label, build in (
    ("tf.contrib.layers.xavier_initializer()", xavier_initializer),
    ("import tensorflow.contrib.slim", lambda: slim_fully_connected(tf.ones([1, 3]))),
):
    try:
        build()
        print(f"{label}: worked")
    except (AttributeError, ImportError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
