"""Positives: print in every kind of graph code tflint knows."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import pprint
import sys

import tensorflow as tf
from tensorflow import function as compile_graph
from tensorflow import keras


@tf.function
def decorated(x):
    print("tracing", x)  # [tf-print-in-graph]
    return x + 1


@tf.function(jit_compile=True, reduce_retracing=True)
def decorated_with_arguments(x):
    pprint.pprint(x)  # [tf-print-in-graph]
    sys.stdout.write("x\n")  # [tf-print-in-graph]
    return x


@compile_graph
def imported_under_another_name(x):
    print(x)  # [tf-print-in-graph]
    return x


def wrapped_by_call(x):
    print(x)  # [tf-print-in-graph]
    return x


fast = tf.function(wrapped_by_call)


def helper(x):
    print("helper sees", x)  # [tf-print-in-graph]
    return x * 2


@tf.function
def calls_helper(x):
    return helper(x)


dataset = tf.data.Dataset.range(3).map(lambda x: print(x) or x)  # [tf-print-in-graph]


def parse(record):
    print(record)  # [tf-print-in-graph]
    return record


records = tf.data.Dataset.range(3)
records = records.map(parse, num_parallel_calls=tf.data.AUTOTUNE)


class Scale(keras.layers.Layer):
    def call(self, inputs):
        print("call", inputs)  # [tf-print-in-graph]
        return inputs * 2


class Trainer(tf.keras.Model):
    def train_step(self, data):
        print("step")  # [tf-print-in-graph]
        return super().train_step(data)


class Counter(tf.Module):
    def __init__(self):
        super().__init__()
        self.step = tf.function(self._step)

    def _step(self, x):
        print("step", x)  # [tf-print-in-graph]
        return x


@tf.function
def nested_function(x):
    def inner(y):
        print(y)  # [tf-print-in-graph]
        return y

    return tf.cond(x > 0, lambda: inner(x), lambda: x)


def branch(x):
    print("branch")  # [tf-print-in-graph]
    return x


@tf.function
def passes_branch(x):
    return tf.nest.map_structure(branch, x)


def tf_function(*args, **kwargs):
    """A project's own tf.function wrapper (as in TF-Agents' common.function)."""
    kwargs.setdefault("autograph", False)
    return tf.function(*args, **kwargs)


@tf_function
def through_wrapper(x):
    print(x)  # [tf-print-in-graph]
    return x


@tf_function(reduce_retracing=True)
def through_called_wrapper(x):
    print(x)  # [tf-print-in-graph]
    return x


def also_wrapped(x):
    print(x)  # [tf-print-in-graph]
    return x


wrapped_step = tf_function(also_wrapped)


class Describer:
    def describe(self, x):
        print("describe", x)  # [tf-print-in-graph]
        return x

    def summary(self, x):
        print("summary", x)  # [tf-print-in-graph]
        return x


describer = Describer()


@tf.function
def method_on_instance(x):
    return describer.describe(x)


class WithHelper(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.helper = Describer()

    def call(self, inputs):
        return self.helper.summary(inputs)


def make_pipeline():
    return tf.data.Dataset.range(3).batch(2)


def inspect(batch):
    print(batch)  # [tf-print-in-graph]
    return batch


train = make_pipeline()
train = train.map(inspect)


@tf.function
def eager_branch_in_init_scope(x):
    with tf.init_scope():
        if tf.executing_eagerly():
            print("init_scope runs eagerly, still only while tracing")  # [tf-print-in-graph]
    return x


def warn_default_mask(x):
    print("no mask given, using ones")  # [tf-print-in-graph]
    return tf.ones_like(x)


@tf.function
def optional_argument_branch(x, mask=None):
    if mask is None:
        mask = warn_default_mask(x)
    return x * mask
