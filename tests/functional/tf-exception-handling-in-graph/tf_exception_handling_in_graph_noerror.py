"""tf-exception-handling-in-graph near misses: trace-time errors, Python checks, eager code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def trace_time_errors(x, path):
    try:
        y = tf.reshape(x, [2, -1])
    except ValueError:
        y = x
    try:
        exists = tf.io.gfile.exists(path)
    except tf.errors.NotFoundError:
        exists = False
    return y, exists


class DotInteraction(tf.keras.layers.Layer):
    """tensorflow-recommenders: one handler for the trace-time ValueError and the eager error."""

    def call(self, inputs):
        try:
            features = tf.concat(inputs, axis=-1)
        except (ValueError, tf.errors.InvalidArgumentError) as error:
            raise ValueError(f"Input tensors' dimensions must be equal: {error}") from error
        return tf.matmul(features, features, transpose_b=True)


@tf.function
def python_check(x):
    if x.shape.rank != 1:
        raise ValueError("expected a vector")
    if x is None:
        raise ValueError("missing")
    return x


@tf.function
def python_condition_inside_tensor_branch(x):
    if tf.reduce_sum(x) > 0:
        if x.shape[0] == 2:
            raise ValueError("pairs are not supported")
    return x


@tf.function
def graph_assertions(x):
    tf.debugging.assert_non_negative(x)
    return tf.sqrt(x)


def eager_code(x):
    try:
        return tf.debugging.check_numerics(x, "bad")
    except tf.errors.InvalidArgumentError:
        return tf.zeros_like(x)


def checked(x):
    if x < 0:
        raise ValueError("negative")
    return x


python_check(tf.constant([1.0]))
python_condition_inside_tensor_branch(tf.constant([1.0]))
