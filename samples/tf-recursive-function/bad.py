"""tf-recursive-function, bad: a tf.function that calls itself re-enters tracing.

Called with Python ints, the recursion is unrolled at trace time into one graph per value
(experimental_get_tracing_count() shows it). Called with a tensor, the Python base case
`if n <= 0` cannot decide on a symbolic tensor, so tracing recurses until Python gives up:
we catch the error and print its last line.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def triangle(n):
    if n <= 0:
        return tf.constant(0)
    return n + triangle(n - 1)  # [tf-recursive-function]


@tf.function
def triangle_t(n):
    if n <= 0:
        return tf.constant(0)
    return n + triangle_t(n - 1)  # [tf-recursive-function]


print(f"triangle(5) = {int(triangle(5))}, traced {triangle.experimental_get_tracing_count()} times for one call")
try:
    triangle_t(tf.constant(5))
except Exception as error:  # TensorFlow wraps the RecursionError in a StagingError
    last = [line.strip() for line in str(error).splitlines() if line.strip()][-1]
    print(f"triangle_t(tf.constant(5)) failed: {type(error).__name__}: {last}")
