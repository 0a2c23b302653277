"""tf-exception-handling-in-graph, bad: Python error handling around graph execution.

TF ops in a tf.function fail when the graph runs, after tracing, so an `except` around them
inside the function never runs. And a `raise` under a tensor `if` runs while tracing,
because AutoGraph traces both branches: it raises for every input, good or bad.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def safe_log(x):
    try:
        checked = tf.debugging.check_numerics(tf.math.log(x), "log of a non-positive value")
    except tf.errors.InvalidArgumentError:  # [tf-exception-handling-in-graph]
        checked = tf.zeros_like(x)
    return checked


@tf.function
def checked_sqrt(x):
    if tf.reduce_any(x < 0):
        raise ValueError("x must be non-negative")  # [tf-exception-handling-in-graph]
    return tf.sqrt(x)


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


try:
    print("safe_log([-1]) =", safe_log(tf.constant([-1.0])).numpy())
except tf.errors.InvalidArgumentError as exc:
    print(f"safe_log([-1]): the handler never ran, the call raised {type(exc).__name__}")
try:
    print("checked_sqrt([4]) =", checked_sqrt(tf.constant([4.0])).numpy())
except ValueError as exc:
    print(f"checked_sqrt([4]), a valid input: {type(exc).__name__}: {first_line(exc)}")
