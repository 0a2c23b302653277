"""tf-function-recreated, bad: a tf.function built again and again never reuses a graph.

A tf.function keeps its traced graphs on the object. Here one is built inside a loop, and
another is a @tf.function def nested in a helper that runs on every call. Each new object
traces from scratch on its first call: we add up experimental_get_tracing_count() of every
object that was built.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


def affine(x):
    return 3.0 * x + 1.0


x = tf.constant([1.0, 2.0])
traces = 0
for _ in range(10):
    step = tf.function(affine)  # [tf-function-recreated]
    step(x)
    traces += step.experimental_get_tracing_count()
print(f"tf.function built in the loop: {traces} traces for 10 calls")

built = []


def predict(x):
    @tf.function  # [tf-function-recreated]
    def double(y):
        return y * 2.0

    built.append(double.experimental_get_tracing_count)
    return double(x)


for _ in range(10):
    predict(x)
print(f"@tf.function nested in predict(): {sum(count() for count in built)} traces for 10 calls")
