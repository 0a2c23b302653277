"""tf-autograph-unsupported: constructs that make AutoGraph run a traced function unconverted."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable,useless-else-on-loop
import tensorflow as tf


@tf.function
def for_else(x):
    for _ in range(3):  # [tf-autograph-unsupported]
        x = x + 1
    else:
        x = x * 2
    return x


@tf.function
def while_else(x):
    while x > 0:  # [tf-autograph-unsupported]
        x = x - 1
    else:
        x = x * 2
    return x


class Scaler(tf.Module):
    def __init__(self):
        super().__init__()
        self.__scale = 2.0

    @tf.function
    def __call__(self, x):
        return x * self.__scale  # [tf-autograph-unsupported]


@tf.function
def generator(x):
    yield x * 2  # [tf-autograph-unsupported]


def helper(x):
    for _ in range(2):  # [tf-autograph-unsupported]
        x = x + 1
    else:
        x = x * 2
    return x


@tf.function
def calls_helper(x):
    return helper(x)


def gen_map(element):
    yield element  # [tf-autograph-unsupported]


dataset = tf.data.Dataset.range(3).map(gen_map)
