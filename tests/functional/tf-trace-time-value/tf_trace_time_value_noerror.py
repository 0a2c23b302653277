"""Near misses: TensorFlow randomness and clocks, and Python ones in eager code."""
# pylint: disable=missing-function-docstring
import random
import time

import numpy as np
import tensorflow as tf

random.seed(0)
np.random.seed(0)
generator = tf.random.Generator.from_seed(1)


@tf.function
def graph_random(x, seed):
    noise = tf.random.stateless_normal(tf.shape(x), seed=seed)
    more = generator.normal(tf.shape(x))
    started = tf.timestamp()
    return x + noise + more + tf.cast(started, x.dtype)


def eager_timing(fn, x):
    start = time.perf_counter()
    fn(x)
    return time.perf_counter() - start + random.random()


def py_noise(x):
    return x + np.random.normal()


@tf.function
def with_numpy_function(x):
    return tf.numpy_function(py_noise, [x], tf.float64)

rng = np.random.default_rng(0)


@tf.function
def seeds_only(x):
    rng.bit_generator  # pylint: disable=pointless-statement
    return x
