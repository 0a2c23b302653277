"""tf-trace-time-value, bad: clocks and Python/NumPy random numbers are frozen at trace time.

A @tf.function that stamps each step with time.time(), a @tf.function that adds NumPy
noise, and a tf.data augmentation whose helper draws a random scale with Python's random
module. Python computes each value once, while tracing, and the graph keeps it as a
constant: every call and every dataset element sees the same "random" number or time.
"""

import os
import random
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


@tf.function
def timed_step(x):
    started = time.time()  # [tf-trace-time-value]
    return tf.reduce_sum(x), started


@tf.function
def add_noise(x):
    return x + np.random.normal(scale=0.1, size=3)  # [tf-trace-time-value]


def random_scale():
    return random.uniform(0.5, 1.5)  # [tf-trace-time-value]


def augment(image):
    return image * random_scale()


stamps = set()
for _ in range(3):
    _, started = timed_step(tf.ones(3))
    stamps.add(float(started))
    time.sleep(0.2)
print(f"time.time(): 3 calls 0.2 s apart returned {len(stamps)} distinct timestamp(s)")

noisy = {tuple(add_noise(tf.zeros(3)).numpy().round(6)) for _ in range(3)}
print(f"np.random.normal(): 3 calls returned {len(noisy)} distinct noise vector(s)")

images = tf.data.Dataset.from_tensor_slices(tf.ones((5, 2))).map(augment)
scales = {round(float(image[0]), 6) for image in images}
print(f"random.uniform() in a map helper: 5 elements got {len(scales)} distinct scale(s)")
