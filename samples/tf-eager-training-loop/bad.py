"""tf-eager-training-loop (opt-in), bad: a custom training step run eagerly in a loop.

The step records a tf.GradientTape and applies the gradients with the optimizer, and the
training loop calls it as a plain Python function: every operation is dispatched from
Python, one at a time, on every step: the Python body of the step runs on every call (a
traced step would run it once, while tracing). We count those runs and time 200 steps.
"""

import os
import time

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

tf.random.set_seed(0)
w1 = tf.Variable(tf.random.normal((32, 64)))
w2 = tf.Variable(tf.random.normal((64, 1)))
optimizer = tf.keras.optimizers.SGD(0.001)
python_runs = [0]  # how often the Python body of the step runs


def train_step(x, y):  # [tf-eager-training-loop]
    with tf.GradientTape() as tape:
        hidden = tf.nn.relu(tf.matmul(x, w1))
        loss = tf.reduce_mean((tf.matmul(hidden, w2) - y) ** 2)
    gradients = tape.gradient(loss, [w1, w2])
    optimizer.apply_gradients(zip(gradients, [w1, w2]))
    python_runs[0] += 1
    return loss


x, y = tf.random.normal((16, 32)), tf.random.normal((16, 1))
train_step(x, y)  # warm-up
start = time.perf_counter()
for _ in range(200):
    loss = train_step(x, y)
per_step = (time.perf_counter() - start) / 200 * 1e3
print(f"eager training step: its Python body ran {python_runs[0]} times for 201 calls, {per_step:.2f} ms per step "
      f"(loss {float(loss):.4g})")
