"""tf-loop-unrolled with tf-unroll-threshold=5: shorter loops are reported."""
# pylint: disable=missing-function-docstring
import tensorflow as tf


@tf.function
def five_steps(x):
    for _ in range(5):  # [tf-loop-unrolled]
        x = x * 0.5
    for _ in range(4):
        x = x + 1.0
    return x
