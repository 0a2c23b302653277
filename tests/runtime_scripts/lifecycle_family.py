"""Retracing and function lifecycle: every flagged pitfall happens under real TensorFlow."""

import tensorflow as tf


@tf.function
def step(x, n):
    return x + n


for n in range(6):
    step(tf.constant(1.0), n)  # [tf-retracing-argument]


def apply(x):
    double = tf.function(lambda v: v * 2)  # [tf-function-recreated]
    return double(x)


for value in range(3):
    apply(tf.constant(value))


@tf.function
def scaled(x):
    scale = tf.Variable(2.0)  # [tf-variable-in-graph]
    return x * scale


try:
    scaled(tf.constant(1.0))
except ValueError as exc:
    print("ValueError")


@tf.function
def countdown(n):
    if n <= 0:
        return 0
    return countdown(n - 1) + 1  # [tf-recursive-function]


print(countdown(3))


@tf.function(experimental_relax_shapes=True)  # [tf-deprecated-function-argument]
def relaxed(x):
    return x * 2


print(relaxed(tf.constant([1.0])))

tf.config.run_functions_eagerly(True)  # [tf-eager-debug-leftover]
print(relaxed(tf.constant([1.0, 2.0])))
tf.config.run_functions_eagerly(False)

weights = tf.Variable(1.0)
optimizer = tf.keras.optimizers.SGD(0.1)


def train_step(x):  # [tf-eager-training-loop]
    with tf.GradientTape() as tape:
        loss = (weights * x - 1.0) ** 2
    grads = tape.gradient(loss, [weights])
    optimizer.apply_gradients(zip(grads, [weights]))
    return loss


for _ in range(4):
    train_step(tf.constant(1.0))
