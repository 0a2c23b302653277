"""tf-python-side-effect, bad: Python state changed by traced code changes once per trace.

Bookkeeping kept in Python: a global list of losses, a step counter on a tf.Module, and a
helper (called from the traced step) that counts calls in a global and logs. Each traced
function is called 3 times with one input shape: traced once, side effects happen once.
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

losses = []
total_calls = 0


def note_progress(loss):
    global total_calls
    total_calls += 1  # [tf-python-side-effect]
    logger.info("loss is %s", loss)  # [tf-python-side-effect]


@tf.function
def train_step(x):
    loss = tf.reduce_mean(tf.square(x))
    losses.append(loss)  # [tf-python-side-effect]
    note_progress(loss)
    return loss


class Trainer(tf.Module):
    def __init__(self):
        super().__init__()
        self.steps = 0

    @tf.function
    def step(self, x):
        self.steps += 1  # [tf-python-side-effect]
        return x - 0.1


for value in (1.0, 2.0, 3.0):
    train_step(tf.constant([value, value]))
print(f"global list: {len(losses)} item(s) after 3 calls: {losses[0]!r}")
print(f"global counter in a helper: total_calls = {total_calls} after 3 calls")
print(f"logger.info in a helper: {len(log_records.buffer)} record(s) after 3 calls")

trainer = Trainer()
for value in (1.0, 2.0, 3.0):
    trainer.step(tf.constant(value))
print(f"counter on self: trainer.steps = {trainer.steps} after 3 calls")
