"""tf-keras-traced=n: Keras layers run eagerly, so a tf.function built on each call of a
helper the layer calls is rebuilt (and traced anew) on every call of the layer."""
import tensorflow as tf


def body(v):
    return v * 2


def decode(v):
    fn = tf.function(body)  # [tf-function-recreated]
    return fn(v)


class Decoder(tf.keras.layers.Layer):
    def call(self, inputs):
        return decode(inputs)
