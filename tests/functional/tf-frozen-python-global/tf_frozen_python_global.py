"""Positives: graph code reads module globals that change later."""
# pylint: disable=missing-function-docstring,global-statement
import tensorflow as tf

LEARNING_RATE = 0.1
LABELS = ["cat", "dog"]
THRESHOLD = 0.5
for THRESHOLD in (0.6, 0.7):
    pass


def set_learning_rate(value):
    global LEARNING_RATE
    LEARNING_RATE = value


def add_label(name):
    LABELS.append(name)


@tf.function
def scaled(x):
    return x * LEARNING_RATE + LEARNING_RATE  # [tf-frozen-python-global]


@tf.function
def classes(x):
    return x + len(LABELS)  # [tf-frozen-python-global]


@tf.function
def above(x):
    return x > THRESHOLD  # [tf-frozen-python-global]

SCALE = float("2.0")


def load_scale(value):
    global SCALE
    SCALE = value


@tf.function
def uses_scale(x):
    return x * SCALE  # [tf-frozen-python-global]


@tf.function
def declares_but_reads(x):
    global LEARNING_RATE
    return x * LEARNING_RATE  # [tf-frozen-python-global]

SETTINGS = {"scale": 1.0}


def set_scale(value):
    SETTINGS["scale"] = value


@tf.function
def scaled_by_setting(x):
    return x * SETTINGS["scale"]  # [tf-frozen-python-global]
