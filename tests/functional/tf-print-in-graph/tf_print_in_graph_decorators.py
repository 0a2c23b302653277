"""tf-graph-decorators=compiled,mylib.jit_step: project wrappers around tf.function trace too."""
# pylint: disable=missing-function-docstring,import-error
import mylib
import mylib as ml
import other
import utils
from mylib import jit_step
from utils import compiled


@compiled
def bare_decorator(x):
    print(x)  # [tf-print-in-graph]
    return x


@utils.compiled
def bare_entry_matches_any_module(x):
    print(x)  # [tf-print-in-graph]
    return x


@compiled(jit_compile=True)
def decorator_with_options(x):
    print(x)  # [tf-print-in-graph]
    return x


def wrapped_by_a_call(x):
    print(x)  # [tf-print-in-graph]
    return x


FAST = compiled(wrapped_by_a_call)


@jit_step
def dotted_entry_through_from_import(x):
    print(x)  # [tf-print-in-graph]
    return x


@ml.jit_step
def dotted_entry_through_an_alias(x):
    print(x)  # [tf-print-in-graph]
    return x


@mylib.jit_step
def dotted_entry_as_spelled(x):
    print(x)  # [tf-print-in-graph]
    return x


@other.jit_step
def same_name_from_another_module(x):
    print(x)
    return x


@compiled_later
def a_longer_name(x):
    print(x)
    return x


def compiled_later(func):
    return func


def never_wrapped(x):
    print(x)
    return x
