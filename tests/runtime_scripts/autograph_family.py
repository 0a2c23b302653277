"""AutoGraph limits: every flagged line raises (or warns) under real TensorFlow; the errors are caught."""

import numpy as np
import tensorflow as tf


@tf.function
def checks(x):
    assert x > 0  # [tf-tensor-as-python-bool]
    return x


@tf.function
def pairs(t):
    return [v * 2 for v in t]  # [tf-tensor-iteration]


@tf.function
def branch(x):
    if x > 0:  # [tf-branch-undefined-variable]
        y = x + 1
    return y


@tf.function
def collect(n):
    out = []
    for i in tf.range(n):
        out.append(i)  # [tf-python-list-in-tensor-loop]
    return tf.stack(out)


@tf.function
def to_numpy(x):
    return x.numpy()  # [tf-numpy-in-graph]


@tf.function
def square(x):
    return np.square(x)  # [tf-numpy-in-graph]


@tf.function
def mode(x):
    if tf.executing_eagerly():  # [tf-executing-eagerly-in-graph]
        return x
    return x * 2


@tf.function
def guarded(x):
    try:
        y = tf.math.log(x)
        tf.debugging.assert_all_finite(y, "not finite")
        return tf.identity(y)
    except tf.errors.InvalidArgumentError:  # [tf-exception-handling-in-graph]
        return x


@tf.function
def must_be_positive(x):
    if x < 0:
        raise ValueError("negative")  # [tf-exception-handling-in-graph]
    return x


@tf.function
def unrolled(x):
    for i in range(200):  # [tf-loop-unrolled]
        x = x + i
    return x


@tf.function
def searcher(x):
    for v in [1, 2]:  # [tf-autograph-unsupported]
        x = x + v
    else:
        x = x * 2
    return x



try:
    checks(tf.constant(1.0))
except Exception as exc:
    print(type(exc).__name__)
try:
    pairs(tf.constant([1.0, 2.0]))
except Exception as exc:
    print(type(exc).__name__)
try:
    branch(tf.constant(1.0))
except Exception as exc:
    print(type(exc).__name__)
try:
    collect(tf.constant(3))
except Exception as exc:
    print(type(exc).__name__)
try:
    to_numpy(tf.constant(1.0))
except Exception as exc:
    print(type(exc).__name__)
try:
    square(tf.constant(2.0))
except Exception as exc:
    print(type(exc).__name__)
print(mode(tf.constant(1.0)))
try:
    guarded(tf.constant(-1.0))
except Exception as exc:
    print(type(exc).__name__)
try:
    must_be_positive(tf.constant(1.0))
except Exception as exc:
    print(type(exc).__name__)
print(unrolled(tf.constant(0)))
try:
    searcher(tf.constant(1))
except Exception as exc:
    print(type(exc).__name__)
