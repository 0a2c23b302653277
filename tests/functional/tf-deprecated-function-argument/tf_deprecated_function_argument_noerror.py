"""tf-deprecated-function-argument: current argument names stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf


@tf.function(reduce_retracing=True, jit_compile=True)
def current(x):
    return x


@tf.function(experimental_implements="embedded_matmul", experimental_autograph_options=None)
def still_current(x):
    return x


def not_tf_function(func=None, experimental_relax_shapes=False):
    return func


@not_tf_function(experimental_relax_shapes=True)  # not tf.function
def other(x):
    return x


settings = dict(experimental_relax_shapes=True)  # not a call of tf.function


class Options:
    """Keeps keyword arguments but never hands them to tf.function."""

    def __init__(self, **kwargs):
        self.kwargs = kwargs

    def __call__(self, func):
        return func


def keeps_options(**kwargs):
    return Options(**kwargs)


@keeps_options(experimental_relax_shapes=True)  # the options never reach tf.function
def plain(x):
    return x
