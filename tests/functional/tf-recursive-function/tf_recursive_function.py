"""tf-recursive-function: tf.functions that call themselves."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf


@tf.function
def countdown(n):
    if n <= 0:
        return tf.constant(0)
    return countdown(n - 1) + 1  # [tf-recursive-function]


@tf.function
def ping(n):
    return pong(n)


def pong(n):
    return ping(n - 1)  # [tf-recursive-function]


@tf.function
def first(n):
    return second(n)


def second(n):
    return third(n)


def third(n):
    return first(n)  # [tf-recursive-function]


class Tree(tf.Module):
    @tf.function
    def depth(self, node):
        return self.depth(node) + 1  # [tf-recursive-function]

    def __init__(self):
        super().__init__()
        self.walk = tf.function(self._walk)

    def _walk(self, node):
        return self.walk(node)  # [tf-recursive-function]


@tf.function
def nested(n):
    def inner(m):
        return nested(m - 1)  # [tf-recursive-function]
    return inner(n)
