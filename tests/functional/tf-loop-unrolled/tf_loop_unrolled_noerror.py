"""tf-loop-unrolled near misses: graph loops, small Python loops, loops outside graph code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def graph_loops(x, n):
    for _ in tf.range(1000):
        x = x * 0.99
    for i in range(n):
        x = x + 1.0
    for row in x:
        x = x + row
    return x


@tf.function
def small_python_loops(x, layers=(1.0, 2.0)):
    for scale in [1.0, 2.0, 3.0]:
        x = x * scale
    for i in range(10):
        x = x + i
    for layer in layers:
        x = x * layer
    return x


@tf.function
def fixed_number_of_slices(t):
    parts = [p * 2 for p in tf.split(t, 2)]
    for row in tf.unstack(t, num=3):
        parts.append(row)
    return parts


@tf.function
def over_gradients(x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x
    grads = tape.gradient(y, [x])
    return [g * 2 for g in grads]


def eager_loop(x):
    for _ in range(1000):
        x = x * 0.99
    return x


graph_loops(tf.constant([1.0]), tf.constant(3))
