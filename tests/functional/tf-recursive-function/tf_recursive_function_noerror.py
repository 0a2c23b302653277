"""tf-recursive-function: plain recursion and non-recursive calls stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import abc

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


class Integrator(abc.ABC):
    def compile(self):
        def batch_events():
            return self._run_event()

        self.event = tf.function(batch_events)

    @abc.abstractmethod
    def _run_event(self):
        return self.event()  # a placeholder body: every subclass overrides it


class PlainIntegrator(Integrator):
    def _run_event(self):
        return tf.constant(1.0)


def minimize(loss, steps, jit_compile=False):
    if jit_compile:
        options = dict(loss=loss, steps=steps, jit_compile=False)

        @tf.function(jit_compile=True)
        def run_jitted():
            return minimize(**options)  # called back with the flag off: one level

        return run_jitted()
    return loss * steps
