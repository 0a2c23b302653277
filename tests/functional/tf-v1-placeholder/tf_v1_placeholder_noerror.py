"""Near misses: TF2 inputs, and things merely called placeholder."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf


def placeholder(text):
    return f"<{text}>"


LABEL = placeholder("name")


class Widget:
    def placeholder(self, text):
        return text


FIELD = Widget().placeholder("email")
INPUTS = tf.keras.Input(shape=(28, 28))
SPEC = tf.TensorSpec([None, 3], tf.float32)


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def model(inputs):
    return inputs * 2


PlaceholderType = tf.compat.v1.placeholder


def annotated(value: tf.compat.v1.placeholder) -> None:
    return value


@tf.function
def hide_static_shape(x):
    # In traced code placeholder_with_default is the TF2 way to loosen a static shape.
    return tf.compat.v1.placeholder_with_default(x, shape=[None, None])


def graph_mode_only(values):
    if not tf.executing_eagerly():

        def unknown_shape(t):
            return tf.compat.v1.placeholder_with_default(t, shape=[None])

        values = tf.nest.map_structure(unknown_shape, values)
    return values
