"""tf-python-side-effect, good: state that must change on every call lives in TensorFlow.

The same training loop as bad.py. The step returns its loss and the eager loop collects
and logs it; the call counter and the step counter are tf.Variables, updated with
assign_add() inside the graph, so they change on every call, not only while tracing.
"""

import logging
import logging.handlers
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

log_records = logging.handlers.BufferingHandler(capacity=100)
logger = logging.getLogger("trainer")
logger.addHandler(log_records)
logger.setLevel(logging.INFO)

total_calls = tf.Variable(0)


def note_progress():
    total_calls.assign_add(1)


@tf.function
def train_step(x):
    loss = tf.reduce_mean(tf.square(x))
    note_progress()
    return loss


class Trainer(tf.Module):
    def __init__(self):
        super().__init__()
        self.steps = tf.Variable(0)

    @tf.function
    def step(self, x):
        self.steps.assign_add(1)
        return x - 0.1


losses = []
for value in (1.0, 2.0, 3.0):
    loss = train_step(tf.constant([value, value]))
    losses.append(float(loss))
    logger.info("loss is %s", float(loss))
print(f"returned losses: {len(losses)} item(s) after 3 calls: {losses}")
print(f"tf.Variable counter in a helper: total_calls = {int(total_calls.numpy())} after 3 calls")
print(f"logging outside the traced step: {len(log_records.buffer)} record(s) after 3 calls")

trainer = Trainer()
for value in (1.0, 2.0, 3.0):
    trainer.step(tf.constant(value))
print(f"tf.Variable on self: trainer.steps = {int(trainer.steps.numpy())} after 3 calls")
