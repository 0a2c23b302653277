"""tf-eager-debug-leftover, good: no debugging switch, so tf.function and fit run graphs.

The same function and model as bad.py without the switches: the function is traced once
and then runs its graph, and model.fit runs its traced training step.
"""

import os
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf


def block(h, w):
    return tf.nn.relu(tf.matmul(h, w) + 0.1) * 0.5


@tf.function
def mlp(x, w):
    h = block(x, w)
    h = block(h, w)
    h = block(h, w)
    h = block(h, w)
    h = block(h, w)
    h = block(h, w)
    return tf.reduce_mean(h)


w = tf.random.normal((16, 16))
x = tf.random.normal((8, 16))
mlp(x, w)
start = time.perf_counter()
for _ in range(300):
    mlp(x, w)
per_call = (time.perf_counter() - start) / 300 * 1e6
print(f"tf.function: traced {mlp.experimental_get_tracing_count()} time, {per_call:.0f} us per call")

model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(16), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
data, labels = np.ones((512, 16), np.float32), np.zeros((512, 1), np.float32)
model.fit(data, labels, batch_size=8, epochs=1, verbose=0)
start = time.perf_counter()
model.fit(data, labels, batch_size=8, epochs=1, verbose=0)
print(f"model.fit (graph): {(time.perf_counter() - start) / 64 * 1e3:.2f} ms per step")
