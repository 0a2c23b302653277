"""Near misses: print that runs eagerly, or tf.print."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf


@tf.function
def uses_tf_print(x):
    tf.print("value", x)
    return x


def eager_function(x):
    print("eager", x)
    return x


print("module level")


def py_callback(x):
    print("runs eagerly on every call", x.numpy())
    return x


@tf.function
def with_py_function(x):
    return tf.py_function(py_callback, [x], tf.float32)


@tf.function
def with_numpy_function(x):
    return tf.numpy_function(lambda v: print(v) or v, [x], tf.float32)


@tf.function
def eager_branch(x):
    if tf.executing_eagerly():
        print("only when run eagerly")
    else:
        tf.print("graph branch")
    return x


@tf.function
def early_return_when_traced(x):
    if not tf.executing_eagerly():
        return x
    print("only reached when the function runs eagerly")
    return x


def cond_branch(x):
    print("tf.cond in eager code calls its branch on every call")
    return x


def eager_cond(x):
    return tf.cond(x > 0, lambda: cond_branch(x), lambda: x)


class NotKeras:
    def call(self, x):
        print(x)
        return x


class Model(tf.keras.Model):
    def helper_not_traced(self):
        print("only called eagerly")


def generator():
    for i in range(3):
        print("generators of from_generator run in Python", i)
        yield i


gen_ds = tf.data.Dataset.from_generator(generator, output_signature=tf.TensorSpec((), tf.int32))
values = list(map(lambda v: print(v), [1, 2]))


def make_config(*args, **kwargs):
    """Returns something else: not a tf.function wrapper."""
    return dict(*args, **kwargs)


@make_config
def not_traced(x):
    print(x)
    return x


import threading  # pylint: disable=wrong-import-position,wrong-import-order


def background():
    print("runs in a thread, not in the trace")


@tf.function
def starts_thread(x):
    threading.Thread(target=background).start()
    return x


class Lazy(tf.Module):
    def __init__(self):
        super().__init__()
        self.built = False

    def _make(self):
        print("runs once by design")

    @tf.function
    def __call__(self, x):
        if not self.built:
            self._make()
        return x
