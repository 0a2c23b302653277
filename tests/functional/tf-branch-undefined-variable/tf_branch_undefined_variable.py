"""tf-branch-undefined-variable: branches of a tensor conditional that AutoGraph cannot join."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable,inconsistent-return-statements
import tensorflow as tf


@tf.function
def set_only_in_if(x):
    if x > 0:  # [tf-branch-undefined-variable]
        y = x * 2
    return y


@tf.function
def set_only_in_else(x):
    if tf.reduce_sum(x) > 0:  # [tf-branch-undefined-variable]
        pass
    else:
        y = -x
    return y


@tf.function
def elif_without_else(x):
    if x > 1:
        y = 1.0
    elif x > 0:  # [tf-branch-undefined-variable]
        y = 2.0
    return y


@tf.function
def none_before_tensor_in_branch(x):
    mask = None
    if tf.reduce_any(x < 0):  # [tf-branch-undefined-variable]
        mask = x < 0
    return mask


@tf.function
def none_in_one_branch(x):
    if x > 0:  # [tf-branch-undefined-variable]
        y = x
    else:
        y = None
    return y


@tf.function
def list_and_tensor(x):
    if x > 0:  # [tf-branch-undefined-variable]
        y = [x, x]
    else:
        y = x
    return y


@tf.function
def lists_of_different_lengths(x):
    if x > 0:  # [tf-branch-undefined-variable]
        y = (x, x)
    else:
        y = (x, x, x)
    return y


@tf.function
def ternary_with_none(x):
    return x if x > 0 else None  # [tf-branch-undefined-variable]


@tf.function
def return_in_one_branch(x):
    if x > 0:  # [tf-branch-undefined-variable]
        return x
    x = x + 1


@tf.function
def returns_none_and_tensor(x):
    if x > 0:  # [tf-branch-undefined-variable]
        return x
    return None


@tf.function
def none_first_set_in_tensor_loop(n):
    for i in tf.range(n):  # [tf-branch-undefined-variable]
        last = None
    return last


@tf.function
def first_set_in_dataset_loop(dataset):
    for element in dataset:  # [tf-branch-undefined-variable]
        last = element
    return last


set_only_in_if(tf.constant(1.0))
set_only_in_else(tf.constant([1.0]))
elif_without_else(tf.constant(1.0))
none_before_tensor_in_branch(tf.constant([1.0]))
none_in_one_branch(tf.constant(1.0))
list_and_tensor(tf.constant(1.0))
lists_of_different_lengths(tf.constant(1.0))
ternary_with_none(tf.constant(1.0))
return_in_one_branch(tf.constant(1.0))
returns_none_and_tensor(tf.constant(1.0))
none_first_set_in_tensor_loop(tf.constant(3))
first_set_in_dataset_loop(tf.data.Dataset.range(3))
