"""tf-executing-eagerly-in-graph: tf.executing_eagerly() in code that always runs traced."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def dead_eager_branch(x):
    if tf.executing_eagerly():  # [tf-executing-eagerly-in-graph]
        tf.print("value:", x)
    return x * 2


@tf.function
def stored_in_a_variable(x):
    eager = tf.executing_eagerly()  # [tf-executing-eagerly-in-graph]
    return x, eager


@tf.function
def refuses_graph_mode(x):
    if not tf.executing_eagerly():  # [tf-executing-eagerly-in-graph]
        raise RuntimeError("call me eagerly")
    return x


@tf.function
def flag_with_dead_branch(x):
    eager = tf.executing_eagerly()  # [tf-executing-eagerly-in-graph]
    if eager:
        tf.print("value:", x)
    return x


def scale(element):
    if tf.executing_eagerly():  # [tf-executing-eagerly-in-graph]
        print(element)
    return element * 2


dataset = tf.data.Dataset.range(3).map(scale)
