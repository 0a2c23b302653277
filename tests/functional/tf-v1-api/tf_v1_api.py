"""Positives: TF1-only API through every import form, grouped per function."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf
import tensorflow as t
import tensorflow.compat.v1 as tf1
import tensorflow.compat.v2 as tf2
from tensorflow.compat import v1
from tensorflow.compat.v1 import get_variable, logging
from tensorflow.compat.v1.train import AdamOptimizer


def compat_v1_attribute(loss):
    step = tf.compat.v1.train.get_or_create_global_step()  # [tf-v1-api]
    return tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=step)  # [tf-v1-api]


def grouped_per_function():
    with tf1.variable_scope("dense"):  # [tf-v1-api]
        kernel = tf1.get_variable("kernel", [3, 2])  # [tf-v1-api]
        bias = tf1.get_variable("bias", [2])
        scale = tf1.get_variable("scale", [2])
    return kernel, bias, scale


def imported_names(loss):
    weights = get_variable("weights", [3])  # [tf-v1-api]
    logging.info("loss %s", loss)  # [tf-v1-api]
    logging.warning("twice")
    return AdamOptimizer(0.01).minimize(loss), weights  # [tf-v1-api]


def v1_module(x):
    return v1.log(x), v1.to_float(x)  # [tf-v1-api, tf-v1-api]


def renamed_and_changed(x, condition, y):
    tf.compat.v1.summary.scalar("x", x)  # [tf-v1-api]
    return tf.compat.v1.where(condition, x, y), tf.compat.v1.nn.dropout(x, 0.9)  # [tf-v1-api, tf-v1-api]


def collections_and_graph():
    updates = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)  # [tf-v1-api, tf-v1-api]
    graph = tf.compat.v1.get_default_graph()  # [tf-v1-api]
    return updates, graph, tf.compat.v1.global_variables_initializer()  # [tf-v1-api]


def unmigrated_tf1(x):
    t.logging.info("not migrated")  # [tf-v1-api]
    return t.get_variable("w", [1]) * t.log(x)  # [tf-v1-api, tf-v1-api]


def compat_v2_spelling(x):
    return tf2.Print(x, [x])  # [tf-v1-api]


class Model:
    def build(self):
        self.layer = tf.compat.v1.layers.Dense(3)  # [tf-v1-api]
        self.other = tf.compat.v1.layers.Dense(1)


tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)  # [tf-v1-api]
