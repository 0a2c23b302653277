"""Positives: Python clocks and random numbers in graph code."""
# pylint: disable=missing-function-docstring
import datetime
import random
import time
import uuid
from time import perf_counter

import numpy as np
import tensorflow as tf


@tf.function
def noisy(x):
    started = time.time()  # [tf-trace-time-value]
    tick = perf_counter()  # [tf-trace-time-value]
    now = datetime.datetime.now()  # [tf-trace-time-value]
    jitter = random.random()  # [tf-trace-time-value]
    scale = random.uniform(0.5, 1.5)  # [tf-trace-time-value]
    noise = np.random.normal(size=3)  # [tf-trace-time-value]
    token = uuid.uuid4()  # [tf-trace-time-value]
    del started, tick, now, token
    return x * scale + jitter + noise


augment = tf.data.Dataset.range(4).map(lambda v: v + random.randint(0, 9))  # [tf-trace-time-value]

rng = np.random.default_rng(0)
stream = random.Random(0)


@tf.function
def generator_objects(x):
    return x + rng.normal() + stream.random()  # [tf-trace-time-value, tf-trace-time-value]
