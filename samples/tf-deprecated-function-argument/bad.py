"""tf-deprecated-function-argument, bad: tf.function arguments that TensorFlow has renamed.

experimental_relax_shapes (now reduce_retracing) and experimental_compile (now jit_compile)
still work, but TensorFlow logs a deprecation warning for each (captured from its logger
here). experimental_follow_type_hints is ignored: the Python ints annotated as tf.Tensor
still retrace by value, as experimental_get_tracing_count() shows.
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


@tf.function(experimental_relax_shapes=True)  # [tf-deprecated-function-argument]
def total(batch):
    return tf.reduce_sum(batch)


@tf.function(experimental_compile=True)  # [tf-deprecated-function-argument]
def affine(x):
    return 3.0 * x + 1.0


@tf.function(experimental_follow_type_hints=True)  # [tf-deprecated-function-argument]
def shift(x: tf.Tensor, by: tf.Tensor):
    return x + tf.cast(by, tf.float32)


for n in (1, 2, 3):
    total(tf.ones((n,)))
affine(tf.constant(1.0))
for by in (1, 2, 3, 4):
    shift(tf.constant(1.0), by)

for message in captured.records:
    if "deprecated" in message:
        print("TensorFlow:", message.splitlines()[-1])
print(f"experimental_follow_type_hints ignored: shift traced {shift.experimental_get_tracing_count()} times for 4 ints")
