"""tf-eager-debug-leftover, bad: eager-debugging switches left on throw graph speed away.

tf.config.run_functions_eagerly(True) makes every tf.function run as plain Python: it is
never traced (experimental_get_tracing_count() stays 0) and each op is dispatched from
Python. model.compile(run_eagerly=True) does the same to Keras training. We time both.
"""

import os
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

tf.config.run_functions_eagerly(True)  # [tf-eager-debug-leftover]


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
print(f"tf.function under run_functions_eagerly(True): traced {mlp.experimental_get_tracing_count()} times, "
      f"{per_call:.0f} us per call")

model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(16), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", run_eagerly=True)  # [tf-eager-debug-leftover]
data, labels = np.ones((512, 16), np.float32), np.zeros((512, 1), np.float32)
model.fit(data, labels, batch_size=8, epochs=1, verbose=0)
start = time.perf_counter()
model.fit(data, labels, batch_size=8, epochs=1, verbose=0)
print(f"model.fit with run_eagerly=True: {(time.perf_counter() - start) / 64 * 1e3:.2f} ms per step")
