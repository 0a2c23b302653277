"""Near misses: state that is local, TensorFlow-managed, or changed eagerly."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import logging

import numpy as np
import tensorflow as tf

results = []
total = tf.Variable(0.0)
metric = tf.keras.metrics.Mean()
step_var = None


@tf.function
def local_containers(x):
    local = []
    local.append(x)
    table = {}
    table["x"] = x
    parts = [x, x]
    parts.extend([x])
    ta = tf.TensorArray(tf.float32, size=2)
    ta = ta.write(0, x)
    return tf.add_n(local + parts) + ta.read(0) + table["x"]


@tf.function
def tensorflow_state(x):
    total.assign_add(tf.reduce_sum(x))
    metric.update_state(x)
    tf.summary.scalar("x", tf.reduce_sum(x), step=0)
    counter = 0
    counter += 1
    return np.append  # a module attribute, not a mutation


def eager_only(x):
    results.append(x)
    logging.info("eager code may log")
    return x


def py_callback(x):
    results.append(x)
    logging.info("runs eagerly inside tf.py_function")
    return x


@tf.function
def with_py_function(x):
    return tf.py_function(py_callback, [x], tf.float32)


@tf.function
def create_once(x):
    global step_var
    if step_var is None:
        step_var = tf.Variable(0.0)
    return x + step_var


class Layer(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = 2.0
        self.seen_shapes = []

    def build(self, input_shape):
        self.seen_shapes.append(input_shape)
        self.units = 3

    def call(self, inputs):
        self.add_loss(tf.reduce_sum(inputs))
        if self.scale is None:
            self.scale = 1.0
        return inputs * self.scale


class Stateful(tf.Module):
    def __init__(self):
        super().__init__()
        self.steps = tf.Variable(0)

    @tf.function
    def __call__(self, x):
        self.steps.assign_add(1)
        return x


def helper(items, x):
    items.append(x)
    return items


@tf.function
def helper_gets_local_list(x):
    values = []
    return helper(values, x)


@tf.function
def reads_dataset_iterator(iterator):
    return next(iterator)


@tf.function
def counts_within_one_trace(structure):
    index = 0

    def number(leaf):
        nonlocal index
        index += 1
        return leaf * index

    return tf.nest.map_structure(number, structure)


class Deque:
    """A TensorFlow-backed buffer with list-like method names."""

    def __init__(self):
        self.data = tf.Variable(tf.zeros([4]))

    def extend(self, values):
        return self.data.assign(values)


class Histogram(tf.Module):
    def __init__(self):
        super().__init__()
        self.buffer = Deque()
        self.lookup = {}
        self.built = False

    @tf.function
    def __call__(self, x, **kwargs):
        kwargs["training"] = False
        self.buffer.extend(x)
        if not self.built:
            self.lookup["x"] = 1
            self.setup_tables()
        return x

    def setup_tables(self):
        self.lookup["y"] = 2


@tf.function
def rebinds_its_argument(states, x):
    states = dict(states)
    states["x"] = x
    return states


def parse(record, extras):
    extras.append(record)
    return record


def dataset_with_extras(ds):
    return ds.map(lambda r: parse(r, []))


def pipeline(ds):
    return ds.map(lambda features: features.update(extra=1) or features)


@tf.function
def steps_through_dataset(dataset):
    iterator = iter(dataset)
    return next(iterator)


def make_train_step(dataset):
    iterator = iter(dataset)

    @tf.function
    def train_step():
        return next(iterator)

    return train_step
