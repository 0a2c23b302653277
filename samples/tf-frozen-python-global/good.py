"""tf-frozen-python-global, good: values that change at run time reach the graph as tensors.

The same program as bad.py. The learning rate is a tf.Variable that the setter assigns,
the clipping norm is passed to the step as a tensor argument, and the temperature is a
non-trainable weight of the layer. The traced functions read the current values on every
call, without retracing.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

learning_rate = tf.Variable(0.1, trainable=False)


def set_learning_rate(value):
    learning_rate.assign(value)


@tf.function
def sgd_step(weight, grad, max_norm):
    grad = tf.clip_by_norm(grad, max_norm)
    return weight - learning_rate * grad


class SoftmaxWithTemperature(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.temperature = self.add_weight(shape=(), initializer="ones", trainable=False)

    def call(self, logits):
        return tf.nn.softmax(logits / self.temperature)


weight, grad = tf.constant([1.0]), tf.constant([4.0])
step = float(sgd_step(weight, grad, tf.constant(10.0))[0])
print(f"lr 0.1, max_norm 10: step gives {step:.2f} (expected 0.60)")
step = float(sgd_step(weight, grad, tf.constant(1.0))[0])
print(f"max_norm=1.0 passed in: step gives {step:.2f} (expected 0.90)")
set_learning_rate(0.0)
step = float(sgd_step(weight, grad, tf.constant(1.0))[0])
print(f"lr 0.0 set: step gives {step:.2f} (expected 1.00)")
print(f"sgd_step was traced {sgd_step.experimental_get_tracing_count()} time(s)")

softmax = SoftmaxWithTemperature()
model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), softmax])
logits = np.array([[2.0, 0.0]], np.float32)
for temperature in (1.0, 100.0):
    softmax.temperature.assign(temperature)
    probs = model.predict(logits, verbose=0)[0].round(3)
    expected = tf.nn.softmax(logits[0] / temperature).numpy().round(3)
    print(f"temperature = {temperature}: predict gives {probs} (expected {expected})")
