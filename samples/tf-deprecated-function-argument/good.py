"""tf-deprecated-function-argument, good: the current names, and an input_signature.

reduce_retracing and jit_compile are the current names: no deprecation warning. shift
declares an input_signature, which turns the Python ints into tensors: one trace.
"""

import logging
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


class CaptureWarnings(logging.Handler):
    """Collects TensorFlow's log records."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


captured = CaptureWarnings()
tf.get_logger().addHandler(captured)
tf.get_logger().propagate = False


@tf.function(reduce_retracing=True)
def total(batch):
    return tf.reduce_sum(batch)


@tf.function(jit_compile=True)
def affine(x):
    return 3.0 * x + 1.0


@tf.function(input_signature=[tf.TensorSpec([], tf.float32), tf.TensorSpec([], tf.int32)])
def shift(x, by):
    return x + tf.cast(by, tf.float32)


for n in (1, 2, 3):
    total(tf.ones((n,)))
affine(tf.constant(1.0))
for by in (1, 2, 3, 4):
    shift(tf.constant(1.0), by)

deprecations = [m for m in captured.records if "deprecated" in m]
print(f"deprecation warnings: {len(deprecations)}")
print(f"input_signature: shift traced {shift.experimental_get_tracing_count()} time for 4 ints")
