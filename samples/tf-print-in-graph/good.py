"""tf-print-in-graph, good: tf.print() is a graph op and prints on every call.

The same three traced functions as bad.py (a @tf.function, a Dataset.map function and a
Keras layer's call() under model.fit), now printing with tf.print(). tf.print writes from
TensorFlow's C++ runtime, so to count its lines we send it to a log file
(output_stream="file://...") and read the file back after each run.
"""

import os
import tempfile

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

LOG_FILE = os.path.join(tempfile.mkdtemp(), "tf_print.log")
LOG_STREAM = "file://" + LOG_FILE


@tf.function
def train_step(x):
    tf.print("train_step: x =", x, output_stream=LOG_STREAM)
    return x * 2.0


def normalize(pixels):
    tf.print("normalize: pixels =", pixels, output_stream=LOG_STREAM)
    return tf.cast(pixels, tf.float32) / 255.0


class Halve(tf.keras.layers.Layer):
    def call(self, inputs):
        tf.print("Halve.call: batch =", tf.shape(inputs), output_stream=LOG_STREAM)
        return inputs * 0.5


def count_prints(marker):
    """How many lines of the log contain ``marker``."""
    with open(LOG_FILE, encoding="utf-8") as log:
        return log.read().count(marker)


for value in (1.0, 2.0, 3.0):
    train_step(tf.constant([value]))
print(f"@tf.function: tf.print ran {count_prints('train_step:')} time(s) for 3 calls")

pixels = np.arange(12, dtype=np.uint8).reshape(3, 4)
for _ in tf.data.Dataset.from_tensor_slices(pixels).map(normalize):
    pass
print(f"Dataset.map: tf.print ran {count_prints('normalize:')} time(s) for 3 elements")

model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), Halve(), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x, y = np.ones((16, 4), np.float32), np.zeros((16, 1), np.float32)
model.fit(x, y, batch_size=4, epochs=2, verbose=0)  # 2 epochs x 4 steps
steps = count_prints("Halve.call:")
print(f"Keras call under fit: tf.print ran {steps} time(s) for 8 training steps")
