"""tf-autograph-unsupported near misses: eager code, autograph=False, dunder names, generator helpers."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable,useless-else-on-loop
import tensorflow as tf


def eager_code(x):
    for _ in range(3):
        x = x + 1
    else:
        x = x * 2
    return x


@tf.function(autograph=False)
def not_converted_anyway(x):
    for _ in range(3):
        x = x + 1
    else:
        x = x * 2
    return x


@tf.autograph.experimental.do_not_convert
def explicitly_unconverted(x):
    for _ in range(3):
        x = x + 1
    else:
        x = x * 2
    return x


@tf.function
def calls_unconverted(x):
    return explicitly_unconverted(x)


class Module(tf.Module):
    @tf.function
    def __call__(self, x):
        return x * self.__class__.__name__.count("M")


def rows(t):
    for row in tf.unstack(t):
        yield row


@tf.function
def uses_generator_helper(t):
    return tf.add_n(list(rows(t)))


def dataset_from_generator():
    return tf.data.Dataset.from_generator(lambda: (yield 1), output_types=tf.int32)
