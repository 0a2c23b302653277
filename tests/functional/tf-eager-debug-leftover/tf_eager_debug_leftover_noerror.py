"""tf-eager-debug-leftover: switches off, behind flags, or in tests stay silent."""
# pylint: disable=missing-docstring,invalid-name
import argparse
import warnings

import tensorflow as tf

FLAGS = argparse.Namespace(debug=False, run_eagerly=False)

tf.config.run_functions_eagerly(False)  # switching it off
tf.config.run_functions_eagerly(FLAGS.debug)  # driven by a flag
if FLAGS.debug:
    tf.config.run_functions_eagerly(True)  # behind a flag
    tf.data.experimental.enable_debug_mode()

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", run_eagerly=FLAGS.run_eagerly)
model.compile(optimizer="sgd", loss="mse", run_eagerly=False)
model.run_eagerly = False


def enable_debugging():
    tf.config.run_functions_eagerly(True)  # a function whose purpose is debugging


class TrainingTest(tf.test.TestCase):
    def setUp(self):
        super().setUp()
        tf.config.run_functions_eagerly(True)  # tests debug eagerly on purpose

    def test_fit(self):
        model.compile("sgd", "mse", run_eagerly=True)


def test_eager_mode():
    tf.config.run_functions_eagerly(True)


class TorchWrapper:
    def __init__(self, model):
        self.model = model
        tf.config.run_functions_eagerly(True)  # deliberate, and the user is told
        warnings.warn("TF is set to run eagerly to avoid conflicts with PyTorch")
