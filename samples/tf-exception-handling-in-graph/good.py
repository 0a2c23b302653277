"""tf-exception-handling-in-graph, good: checks in the graph, errors handled around the call.

tf.debugging.Assert / tf.debugging.assert_* run as graph ops and fail only for bad values;
catch the resulting InvalidArgumentError where the traced function is called.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def safe_log(x):
    logs = tf.math.log(x)
    return tf.where(tf.math.is_finite(logs), logs, tf.zeros_like(x))


@tf.function
def checked_sqrt(x):
    tf.debugging.assert_non_negative(x, message="x must be non-negative")
    return tf.sqrt(x)


print("safe_log([-1, e]) =", safe_log(tf.constant([-1.0, 2.7182817])).numpy())
print("checked_sqrt([4]) =", checked_sqrt(tf.constant([4.0])).numpy())
try:
    checked_sqrt(tf.constant([-4.0]))
except tf.errors.InvalidArgumentError:
    print("checked_sqrt([-4]) fails when the graph runs: InvalidArgumentError, caught around the call")
