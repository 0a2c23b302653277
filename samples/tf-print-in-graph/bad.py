"""tf-print-in-graph, bad: Python's print() inside traced code runs once per trace.

Three places where TensorFlow traces a Python function: a @tf.function, a function given
to tf.data's Dataset.map, and the call() of a Keras layer trained with model.fit. Each of
them prints with Python's print(). We capture stdout and count how often each print ran:
it is once per trace, not once per call, training step or dataset element.
"""

import contextlib
import io
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


@tf.function
def train_step(x):
    print("train_step: x =", x)  # [tf-print-in-graph]
    return x * 2.0


def normalize(pixels):
    print("normalize: pixels =", pixels)  # [tf-print-in-graph]
    return tf.cast(pixels, tf.float32) / 255.0


class Halve(tf.keras.layers.Layer):
    def call(self, inputs):
        print("Halve.call: batch =", inputs.shape)  # [tf-print-in-graph]
        return inputs * 0.5


captured = io.StringIO()
with contextlib.redirect_stdout(captured):
    for value in (1.0, 2.0, 3.0):
        train_step(tf.constant([value]))

    pixels = np.arange(12, dtype=np.uint8).reshape(3, 4)
    for _ in tf.data.Dataset.from_tensor_slices(pixels).map(normalize):
        pass

    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), Halve(), tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = np.ones((16, 4), np.float32), np.zeros((16, 1), np.float32)
    model.fit(x, y, batch_size=4, epochs=2, verbose=0)  # 2 epochs x 4 steps

out = captured.getvalue()
print(f"@tf.function: print ran {out.count('train_step:')} time(s) for 3 calls")
print(f"Dataset.map: print ran {out.count('normalize:')} time(s) for 3 elements")
print(f"Keras call under fit: print ran {out.count('Halve.call:')} time(s) for 8 training steps")
