"""tf-trace-time-value, good: read the clock and draw random numbers with TensorFlow ops.

The same three functions as bad.py. tf.timestamp() reads the clock each time the graph
runs; a tf.random.Generator (a stateful object whose state is a tf.Variable) and
tf.random.uniform draw new numbers on every call and for every dataset element.
"""

import os
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

noise_rng = tf.random.Generator.from_seed(42)


@tf.function
def timed_step(x):
    started = tf.timestamp()
    return tf.reduce_sum(x), started


@tf.function
def add_noise(x):
    return x + noise_rng.normal(shape=[3], stddev=0.1)


def random_scale():
    return tf.random.uniform([], 0.5, 1.5, seed=7)


def augment(image):
    return image * random_scale()


stamps = set()
for _ in range(3):
    _, started = timed_step(tf.ones(3))
    stamps.add(float(started))
    time.sleep(0.2)
print(f"tf.timestamp(): 3 calls 0.2 s apart returned {len(stamps)} distinct timestamp(s)")

noisy = {tuple(add_noise(tf.zeros(3)).numpy().round(6)) for _ in range(3)}
print(f"tf.random.Generator.normal(): 3 calls returned {len(noisy)} distinct noise vector(s)")

images = tf.data.Dataset.from_tensor_slices(tf.ones((5, 2))).map(augment)
scales = {round(float(image[0]), 6) for image in images}
print(f"tf.random.uniform() in a map helper: 5 elements got {len(scales)} distinct scale(s)")
