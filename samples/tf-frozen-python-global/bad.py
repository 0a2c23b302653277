"""tf-frozen-python-global, bad: graph code keeps the value a global had when it was traced.

Three module-level settings that the program changes while it runs: a learning rate
changed by a setter function, a clipping config dict updated in place, and a temperature
rebound in a loop between model.predict calls. The traced functions captured the first
values as constants, so the later changes have no effect.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

LEARNING_RATE = 0.1
CLIP = {"max_norm": 10.0}
TEMPERATURE = 1.0


def set_learning_rate(value):
    global LEARNING_RATE
    LEARNING_RATE = value


def configure_clipping(**settings):
    CLIP.update(settings)


@tf.function
def sgd_step(weight, grad):
    grad = tf.clip_by_norm(grad, CLIP["max_norm"])  # [tf-frozen-python-global]
    return weight - LEARNING_RATE * grad  # [tf-frozen-python-global]


class SoftmaxWithTemperature(tf.keras.layers.Layer):
    def call(self, logits):
        return tf.nn.softmax(logits / TEMPERATURE)  # [tf-frozen-python-global]


weight, grad = tf.constant([1.0]), tf.constant([4.0])
print(f"lr 0.1, max_norm 10: step gives {float(sgd_step(weight, grad)[0]):.2f} (expected 0.60)")
configure_clipping(max_norm=1.0)
print(f"max_norm=1.0 set: step gives {float(sgd_step(weight, grad)[0]):.2f} (expected 0.90)")
set_learning_rate(0.0)
print(f"lr 0.0 set: step gives {float(sgd_step(weight, grad)[0]):.2f} (expected 1.00)")

model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), SoftmaxWithTemperature()])
logits = np.array([[2.0, 0.0]], np.float32)
for temperature in (1.0, 100.0):
    TEMPERATURE = temperature
    probs = model.predict(logits, verbose=0)[0].round(3)
    expected = tf.nn.softmax(logits[0] / TEMPERATURE).numpy().round(3)
    print(f"TEMPERATURE = {TEMPERATURE}: predict gives {probs} (expected {expected})")
