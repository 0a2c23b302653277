"""tf-recursive-function: plain recursion and non-recursive calls stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf


def flatten(structure):
    if isinstance(structure, (list, tuple)):
        return [leaf for item in structure for leaf in flatten(item)]  # Python recursion at trace time
    return [structure]


@tf.function
def total(structure):
    return tf.add_n(flatten(structure))


@tf.function
def leaf(x):
    return x + 1


@tf.function
def caller(x):
    return leaf(x)  # another tf.function, no cycle


def eager_recursion(n):
    return countdown_eager(n)


def countdown_eager(n):
    if n <= 0:
        return 0
    return eager_recursion(n - 1)  # eager code: no tf.function involved


class Model(tf.keras.Model):
    def call(self, inputs):
        return super().call(inputs)  # the parent's method, not itself


@tf.function
def loop(n):
    total_ = tf.constant(0)
    for i in tf.range(n):
        total_ += i
    return total_
