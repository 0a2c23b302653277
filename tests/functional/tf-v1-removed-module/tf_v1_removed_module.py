"""Positives: modules TensorFlow 2 removed, imported or reached as attributes."""
# pylint: disable=missing-function-docstring
import tensorflow as tf
import tensorflow.compat.v1 as tf1
import tensorflow.contrib.slim as slim  # [tf-v1-removed-module]
from tensorflow import contrib  # [tf-v1-removed-module]
from tensorflow.contrib import layers  # [tf-v1-removed-module]
from tensorflow import estimator as tf_estimator  # [tf-v1-removed-module]

NET = slim.fully_connected(layers.flatten(contrib.framework.nest.flatten([1])), 10)
ESTIMATOR = tf_estimator.Estimator


def initializer():
    return tf.contrib.layers.xavier_initializer()  # [tf-v1-removed-module]


def regularizer():
    return tf.contrib.layers.l2_regularizer(0.1), tf.contrib.framework.nest.flatten([])


def estimator(model_fn):
    return tf.estimator.Estimator(model_fn), tf1.estimator.RunConfig()  # [tf-v1-removed-module]
