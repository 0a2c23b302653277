"""tf-exception-handling-in-graph: except tf.errors.* around graph ops, raise under a tensor if."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def handler_never_runs(x):
    try:
        y = tf.debugging.check_numerics(x, "bad input")
    except tf.errors.InvalidArgumentError:  # [tf-exception-handling-in-graph]
        y = tf.zeros_like(x)
    return y


@tf.function
def out_of_range(values, i):
    try:
        return tf.gather(values, i)
    except (IndexError, tf.errors.OpError):  # [tf-exception-handling-in-graph]
        return tf.constant(0.0)


@tf.function
def raise_in_tensor_branch(x):
    if x < 0:
        raise ValueError("x must be non-negative")  # [tf-exception-handling-in-graph]
    return tf.sqrt(x)


@tf.function
def raise_in_else_branch(x):
    if tf.reduce_sum(x) > 0:
        y = x
    else:
        raise ValueError("the sum must be positive")  # [tf-exception-handling-in-graph]
    return y


handler_never_runs(tf.constant(1.0))
out_of_range(tf.constant([1.0]), tf.constant(0))
raise_in_tensor_branch(tf.constant(1.0))
raise_in_else_branch(tf.constant([1.0]))
