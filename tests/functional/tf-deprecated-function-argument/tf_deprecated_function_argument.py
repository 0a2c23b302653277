"""tf-deprecated-function-argument: renamed or ignored tf.function arguments."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf
from tensorflow import function


@tf.function(experimental_relax_shapes=True)  # [tf-deprecated-function-argument]
def relaxed(x):
    return x


@tf.function(experimental_compile=True)  # [tf-deprecated-function-argument]
def compiled(x):
    return x


@function(experimental_follow_type_hints=True)  # [tf-deprecated-function-argument]
def hinted(x: tf.Tensor):
    return x


def body(x):
    return x


wrapped = tf.function(body, experimental_relax_shapes=True)  # [tf-deprecated-function-argument]
both = tf.compat.v2.function(body, experimental_compile=True, experimental_relax_shapes=False)  # [tf-deprecated-function-argument, tf-deprecated-function-argument]


def my_function(*args, **kwargs):
    return tf.function(*args, **kwargs)


@my_function(experimental_relax_shapes=True)  # [tf-deprecated-function-argument]
def through_wrapper(x):
    return x


class FunctionIfEager:
    """A decorator class that keeps tf.function's options for later (TF Model Garden style)."""

    def __init__(self, **kwargs):
        self.func_kwargs = kwargs

    def __call__(self, func):
        def wrapped(*args):
            return tf.function(func=func, **self.func_kwargs)(*args)
        return wrapped


def function_if_eager(**kwargs):
    return FunctionIfEager(**kwargs)


@function_if_eager(experimental_compile=True)  # [tf-deprecated-function-argument]
def through_decorator_class(x):
    return x
