"""tf-recursive-function, good: the recursion written as a loop over a tensor range.

AutoGraph turns `for i in tf.range(n)` into a tf.while_loop: one graph serves every n, for
Python ints turned into tensors and for tensors alike.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def triangle(n):
    total = tf.constant(0)
    for i in tf.range(1, n + 1):
        total += i
    return total


results = [int(triangle(tf.constant(n))) for n in (5, 10, 100)]
print(f"triangle(5), (10), (100) = {results}, traced {triangle.experimental_get_tracing_count()} time")
