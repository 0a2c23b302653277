"""tf-retracing-argument: values that change the trace key on every call."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import functools
import itertools

import numpy as np
import tensorflow as tf


@tf.function
def train_step(x, step, training=False):
    return x


@tf.function
def apply(x, fn):
    return fn(x)


@tf.function
def total(batch):
    return tf.reduce_sum(batch)


class Config:
    def __init__(self, rate):
        self.rate = rate


x = tf.constant(1.0)
data = tf.range(100)

for step in range(100):
    train_step(x, step)  # [tf-retracing-argument]
    train_step(x, step=step)  # [tf-retracing-argument]
    train_step(x, f"step {step}")  # [tf-retracing-argument]
    train_step(x, "step %d" % step)  # [tf-retracing-argument]
    train_step(x, [step, 2])  # [tf-retracing-argument]
    train_step(x, {"step": step})  # [tf-retracing-argument]
    train_step(x, step * 0.5)  # [tf-retracing-argument]
    apply(x, lambda t: t + 1)  # [tf-retracing-argument]
    apply(x, functools.partial(tf.add, 1))  # [tf-retracing-argument]
    train_step(x, Config(0.1))  # [tf-retracing-argument]
    total(tf.zeros((step, 3)))  # [tf-retracing-argument]
    total(np.ones((step + 1,)))  # [tf-retracing-argument]
    total(data[:step])  # [tf-retracing-argument]
    total(tf.range(step))  # [tf-retracing-argument]

for index, batch in enumerate([x, x, x]):
    train_step(batch, index)  # [tf-retracing-argument]

for epoch in itertools.count():
    train_step(x, epoch)  # [tf-retracing-argument]
    if epoch > 3:
        break

rate = 0.1
for _ in range(10):
    train_step(x, rate)  # [tf-retracing-argument]
    rate *= 0.9

decay = 1.0
for _ in range(10):
    train_step(x, decay)  # [tf-retracing-argument]
    decay = decay * 0.5

counter = 0
while counter < 10:
    train_step(x, counter)  # [tf-retracing-argument]
    counter += 1

for _ in range(10):
    loss = float(total(x))
    train_step(x, loss)  # [tf-retracing-argument]
    scale = total(x).numpy().item()
    train_step(x, scale)  # [tf-retracing-argument]

for _ in range(3):
    def inner(t):
        return t

    apply(x, inner)  # [tf-retracing-argument]

calls = [train_step(x, i) for i in range(10)]  # [tf-retracing-argument]


class Trainer(tf.Module):
    def __init__(self):
        super().__init__()
        self.step_fn = tf.function(self._step)

    def _step(self, x, rate):
        return x * rate

    @tf.function
    def method_step(self, x, n):
        return x

    def fit(self, x, epochs):
        for epoch in range(epochs):
            self.step_fn(x, epoch / 10)  # [tf-retracing-argument]
            self.method_step(x, epoch)  # [tf-retracing-argument]


trainer = Trainer()
for step in range(10):
    trainer.method_step(x, step)  # [tf-retracing-argument]


def run_one(position):
    return train_step(x, position)  # [tf-retracing-argument]


for position in range(5):
    run_one(position)


class Logger(tf.keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        train_step(x, epoch)  # [tf-retracing-argument]


total(tf.constant([1.0, 2.0]))  # [tf-retracing-argument]
total(tf.constant([1.0, 2.0, 3.0]))  # [tf-retracing-argument]
total(tf.zeros((4, 2)))  # [tf-retracing-argument]

for step in range(100):
    train_step(x, {step})  # [tf-retracing-argument]
    train_step(x, (step, 2))  # [tf-retracing-argument]

for step in range(100):
    train_step(x, min(step, 50))  # [tf-retracing-argument]
