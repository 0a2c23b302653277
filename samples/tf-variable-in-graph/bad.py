"""tf-variable-in-graph, bad: variables created on every trace make tf.function fail.

tf.function lets a function create tf.Variables only on its first trace, and checks it by
tracing again. A tf.Variable, a tf.random.Generator or a Keras layer created unguarded in
traced code is created anew on every trace, so the very first call raises ValueError. We
catch and print the error for each of the three.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def scale(x):
    weight = tf.Variable(2.0)  # [tf-variable-in-graph]
    return x * weight


@tf.function
def add_noise(x):
    generator = tf.random.Generator.from_seed(42)  # [tf-variable-in-graph]
    return x + generator.normal(tf.shape(x))


class Head(tf.Module):
    @tf.function
    def __call__(self, features):
        return tf.keras.layers.Dense(1)(features)  # [tf-variable-in-graph]


def first_line_of_error(fn, *args):
    try:
        fn(*args)
    except ValueError as error:
        message = str(error)
        start = message.index("ValueError: ") if "ValueError: " in message else 0
        return "ValueError: " + message[start:].removeprefix("ValueError: ").split(". ")[0]
    return "no error"


x = tf.ones((2, 3))
print("tf.Variable in scale():        ", first_line_of_error(scale, x))
print("Generator in add_noise():      ", first_line_of_error(add_noise, x))
print("Keras Dense in Head.__call__():", first_line_of_error(Head(), x))
