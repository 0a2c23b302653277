"""Near misses: constants, modules, functions, classes, and configuration set once."""
# pylint: disable=missing-function-docstring,too-few-public-methods
import math

import tensorflow as tf

EPSILON = 1e-6
SIZES = (1, 2, 3)
BATCH = 32
BATCH = 64  # straight-line configuration before anything is traced
RATE = tf.Variable(0.1)


def set_rate(value):
    RATE.assign(value)


def activation(x):
    return tf.nn.relu(x)


class Config:
    depth = 2


@tf.function
def reads_constants(x):
    y = activation(x) * math.pi + EPSILON + len(SIZES) + BATCH + Config.depth
    return y * RATE


def eager_reader():
    return BATCH + EPSILON


@tf.function
def shadows_global(x):
    BATCH = 3  # pylint: disable=invalid-name,redefined-outer-name
    return x * BATCH

_DEVICES = None


def available_devices():
    global _DEVICES
    if _DEVICES is None:
        _DEVICES = ["cpu"]
    return _DEVICES


@tf.function
def lazily_initialised(x):
    return x * len(_DEVICES or [])

_REGISTRY = {}


def register(cls):
    _REGISTRY[cls.__name__] = cls
    return cls


@tf.function
def build(x, kind="Dense"):
    # A registry lookup by a computed key: later registrations add other keys.
    if kind not in _REGISTRY:
        return x
    return _REGISTRY[kind](x) if _REGISTRY.get(kind) else x
