"""tf-retracing-argument, bad: values that change the trace key make a tf.function retrace.

A tf.function reuses a graph only for calls with the same trace key: tensors count by dtype
and shape, Python numbers by value, other Python objects (a lambda) by identity. Here a loop
counter, a new lambda on each iteration and tensors of growing shapes each make TensorFlow
trace the function again on every call. experimental_get_tracing_count() shows how often it
traced, and TensorFlow's own warning (captured from its logger) shows what it says about it.
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


@tf.function
def train_step(x, step):
    return x * tf.cast(step, tf.float32)


@tf.function
def apply(x, fn):
    return fn(x)


@tf.function
def total(batch):
    return tf.reduce_sum(batch)


x = tf.constant(2.0)
for step in range(10):
    train_step(x, step)  # [tf-retracing-argument]
print(f"Python int argument: {train_step.experimental_get_tracing_count()} traces for 10 calls")

for _ in range(10):
    apply(x, lambda t: t + 1.0)  # [tf-retracing-argument]
print(f"new lambda argument: {apply.experimental_get_tracing_count()} traces for 10 calls")

for n in range(1, 11):
    total(tf.ones((n, 3)))  # [tf-retracing-argument]
print(f"growing tensor shape: {total.experimental_get_tracing_count()} traces for 10 calls")

retracing = [m for m in captured.records if "triggered tf.function retracing" in m]
print(f"TensorFlow logged {len(retracing)} retracing warning(s); the first says:")
print("  " + retracing[0].split(". Tracing is expensive")[0] if retracing else "  (none)")
