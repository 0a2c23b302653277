"""tf-branch-undefined-variable near misses: both branches agree, Python conditions, unused variables."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable,inconsistent-return-statements
import tensorflow as tf


@tf.function
def both_branches(x):
    if x > 0:
        y = x * 2
    else:
        y = -x
    return y


@tf.function
def defined_before(x):
    y = tf.zeros_like(x)
    if x > 0:
        y = x * 2
    z = 0.0
    if x > 1:
        z = x
    return y + z


@tf.function
def local_to_the_branch(x):
    if x > 0:
        tmp = x * 2
        x = tmp + 1
    return x


@tf.function
def returns_on_every_path(x):
    if x > 0:
        return x
    return -x


@tf.function
def return_in_if_assign_in_else(x):
    if x > 0:
        return x
    else:
        y = -x
    return y


@tf.function
def python_condition(x, training=False):
    if training:
        y = x * 2
    if x.shape[0] == 2:
        z = x
    if x is None:
        return None
    return x


@tf.function
def python_elif_inside(x, mode="a"):
    if x > 0:
        y = x
    elif mode == "a":
        y = -x
    return y


@tf.function
def same_structures(x):
    if x > 0:
        pair = [x, 1.0]
    else:
        pair = [x, 2.0]
    return pair


@tf.function
def none_when_unused(x):
    mask = None
    if x > 0:
        mask = x
    return x


@tf.function
def early_python_return(x, y=None):
    if y is None:
        return None
    if x > 0:
        return x
    return -x


@tf.function
def defined_before_loop(n):
    last = tf.constant(0)
    for i in tf.range(n):
        last = i * 2
    return last


@tf.function
def first_set_in_tensor_loop(n):
    for i in tf.range(n):
        last = i * 2
    return last  # TF 2.21 carries it, with a run-time check that the loop ran


@tf.function
def loop_local(n):
    total = 0
    for i in tf.range(n):
        step = i * 2
        total += step
    return total


def eager_code(x):
    if x > 0:
        y = x
    return y


@tf.function
def ternary_of_tensors(x):
    return x if x > 0 else -x


@tf.function
def raise_in_other_branch(x):
    if x > 0:
        y = x
    else:
        raise ValueError("negative")
    return y


both_branches(tf.constant(1.0))
defined_before(tf.constant(1.0))
local_to_the_branch(tf.constant(1.0))
returns_on_every_path(tf.constant(1.0))
return_in_if_assign_in_else(tf.constant(1.0))
python_condition(tf.constant([1.0, 2.0]))
python_elif_inside(tf.constant(1.0))
same_structures(tf.constant(1.0))
none_when_unused(tf.constant(1.0))
early_python_return(tf.constant(1.0), tf.constant(1.0))
defined_before_loop(tf.constant(3))
loop_local(tf.constant(3))
first_set_in_tensor_loop(tf.constant(3))
ternary_of_tensors(tf.constant(1.0))
raise_in_other_branch(tf.constant(1.0))
