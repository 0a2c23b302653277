"""tf-variable-in-graph, good: create variables once, outside the trace or behind a guard.

The weight is created once behind the `if self.weight is None:` guard (tf.function's
documented pattern: the guard is False on every later trace), the random generator is
created once at module level, and the Keras layer once in __init__. Every call works.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.weight = None

    @tf.function
    def __call__(self, x):
        if self.weight is None:
            self.weight = tf.Variable(2.0)
        return x * self.weight


generator = tf.random.Generator.from_seed(42)


@tf.function
def add_noise(x):
    return x + generator.normal(tf.shape(x))


class Head(tf.Module):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    @tf.function
    def __call__(self, features):
        return self.dense(features)


x = tf.ones((2, 3))
scale, head = Scale(), Head()
for _ in range(3):
    scale(x), add_noise(x), head(x)
print(f"Scale: 3 calls, result {scale(x).numpy()[0, 0]}, {len(scale.trainable_variables)} variable")
print(f"add_noise: 3 calls, generator state has {generator.state.shape[0]} elements")
print(f"Head: 3 calls, {len(head.dense.weights)} weights (kernel and bias), created once")
