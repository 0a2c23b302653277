"""tf-function-recreated, good: build each tf.function once and call the same object.

The same two functions as bad.py, created once at module level. The loop and predict()
call the same tf.function objects, which trace once and then reuse their graph.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def affine(x):
    return 3.0 * x + 1.0


@tf.function
def double(y):
    return y * 2.0


def predict(x):
    return double(x)


x = tf.constant([1.0, 2.0])
for _ in range(10):
    affine(x)
print(f"tf.function built once: {affine.experimental_get_tracing_count()} trace for 10 calls")

for _ in range(10):
    predict(x)
print(f"@tf.function at module level: {double.experimental_get_tracing_count()} trace for 10 calls")
