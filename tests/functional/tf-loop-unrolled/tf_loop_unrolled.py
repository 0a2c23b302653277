"""tf-loop-unrolled: Python loops in traced code that the graph gets once per iteration."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf

STEPS = 1000


@tf.function
def large_range(x):
    for _ in range(1000):  # [tf-loop-unrolled]
        x = x * 0.99
    return x


@tf.function
def range_of_a_constant(x):
    for i in range(2, STEPS):  # [tf-loop-unrolled]
        x = x + i
    return x


@tf.function
def comprehension(x):
    return tf.add_n([x * i for i in range(10 * 50)])  # [tf-loop-unrolled]


@tf.function
def over_slices(t):
    total = tf.constant(0.0)
    for row in tf.unstack(t):  # [tf-loop-unrolled]
        total += tf.reduce_sum(row)
    return total


large_range(tf.constant(1.0))
