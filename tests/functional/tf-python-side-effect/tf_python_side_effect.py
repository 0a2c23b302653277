"""Positives: Python state changed from graph code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import logging
import os
import collections

import tensorflow as tf
from absl import logging as absl_logging

calls = []
cache = {}
seen = set()
history = collections.deque()
counter = 0
log = logging.getLogger(__name__)
numbers = iter([1, 2, 3])


@tf.function
def step(x):
    global counter
    calls.append(x)  # [tf-python-side-effect]
    cache["last"] = x  # [tf-python-side-effect]
    del cache["last"]  # [tf-python-side-effect]
    seen.add(1)  # [tf-python-side-effect]
    history.appendleft(x)  # [tf-python-side-effect]
    counter += 1  # [tf-python-side-effect]
    logging.info("step")  # [tf-python-side-effect]
    log.warning("step %s", x)  # [tf-python-side-effect]
    absl_logging.info("absl")  # [tf-python-side-effect]
    with open(os.devnull, "w", encoding="utf-8") as handle:  # [tf-python-side-effect]
        handle.write("x")
    tf.io.gfile.makedirs("/tmp/out")  # [tf-python-side-effect]
    first = next(numbers)  # [tf-python-side-effect]
    return x + first


def make_step():
    totals = []

    @tf.function
    def inner(x):
        totals.append(x)  # [tf-python-side-effect]
        return x

    return inner


class Accumulator(tf.Module):
    def __init__(self):
        super().__init__()
        self.count = 0
        self.outputs = []
        self.by_key = {}

    @tf.function
    def __call__(self, x):
        self.count += 1  # [tf-python-side-effect]
        self.outputs.append(x)  # [tf-python-side-effect]
        self.by_key.update(last=x)  # [tf-python-side-effect]
        self.flag = True  # [tf-python-side-effect]
        return x


@tf.function
def fill(values, x):
    values.append(x)  # [tf-python-side-effect]
    return x


def record(x):
    calls.append(x)  # [tf-python-side-effect]
    return x


@tf.function
def uses_helper(x):
    return record(x)


def make_counter():
    calls_seen = 0

    @tf.function
    def counted(x):
        nonlocal calls_seen
        calls_seen += 1  # [tf-python-side-effect]
        return x

    return counted
