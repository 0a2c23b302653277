"""tf-disable-eager-execution, good: leave TensorFlow 2 eager and ask for a graph where it pays.

The same product as bad.py, computed eagerly, and once more inside a tf.function, which
TensorFlow traces into a graph: graph speed without switching the process to TF1.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def product(a, b):
    return a * b


print(f"eager: executing eagerly: {tf.executing_eagerly()}, 2 * 3 = {(tf.constant(2.0) * 3.0).numpy()}")
print(f"tf.function: 2 * 3 = {product(tf.constant(2.0), tf.constant(3.0)).numpy()}")
