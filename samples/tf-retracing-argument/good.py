"""tf-retracing-argument, good: tensors, one function object, and a shape-relaxed signature.

The same three functions as bad.py. The step counter is passed as a tensor
(tf.constant(step)): tensors count by dtype and shape, not by value. The lambda is
created once, before the loop. The function taking batches of varying length declares
an input_signature with None for that dimension. Each function traces once.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def train_step(x, step):
    return x * tf.cast(step, tf.float32)


@tf.function
def apply(x, fn):
    return fn(x)


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32)])
def total(batch):
    return tf.reduce_sum(batch)


x = tf.constant(2.0)
for step in range(10):
    train_step(x, tf.constant(step))
print(f"tensor argument: {train_step.experimental_get_tracing_count()} trace for 10 calls")


def add_one(t):
    return t + 1.0


for _ in range(10):
    apply(x, add_one)
print(f"one function object: {apply.experimental_get_tracing_count()} trace for 10 calls")

for n in range(1, 11):
    total(tf.ones((n, 3)))
print(f"input_signature with None: {total.experimental_get_tracing_count()} trace for 10 calls")
