"""tf-keras-traced=no: what Keras traces counts as eager code; tf.function still traces."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def call(self, inputs):
        print("Layer.call", inputs)
        return inputs


class Trainer(tf.keras.Model):
    def train_step(self, data):
        print("train_step", data)
        return {}

    def test_step(self, data):
        print("test_step", data)
        return {}

    def predict_step(self, data):
        print("predict_step", data)
        return data


class Counter(tf.keras.metrics.Metric):
    def update_state(self, y_true, y_pred, sample_weight=None):
        print("update_state", y_true, y_pred, sample_weight)


def my_loss(y_true, y_pred):
    print("loss", y_true)
    return tf.reduce_mean(y_pred - y_true)


def build(model):
    model.compile(loss=my_loss)
    return tf.keras.layers.Lambda(lambda t: print(t) or t)


@tf.function
def still_a_tf_function(x):
    print(x)  # [tf-print-in-graph]
    return x


class Wrapped(tf.keras.layers.Layer):
    @tf.function
    def call(self, inputs):
        print(inputs)  # [tf-print-in-graph]
        return inputs
