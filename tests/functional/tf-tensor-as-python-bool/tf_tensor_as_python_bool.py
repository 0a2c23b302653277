"""tf-tensor-as-python-bool: a symbolic tensor where Python needs a bool and AutoGraph does not convert."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def bool_of_tensor(x):
    return bool(x > 0)  # [tf-tensor-as-python-bool]


@tf.function
def assert_on_tensor(x):
    assert tf.reduce_all(x > 0), "x must be positive"  # [tf-tensor-as-python-bool]
    return x


@tf.function
def comprehension_condition(t):
    return tf.stack([v for v in tf.unstack(t) if v > 0])  # [tf-tensor-as-python-bool]


@tf.function
def generator_condition(t):
    return tf.add_n(list(v for v in tf.unstack(t) if tf.abs(v) > 1.0))  # [tf-tensor-as-python-bool]


@tf.function(autograph=False)
def if_without_autograph(x):
    if x > 0:  # [tf-tensor-as-python-bool]
        return x
    return -x


@tf.function(autograph=False)
def while_without_autograph(x):
    while x > 0:  # [tf-tensor-as-python-bool]
        x = x - 1
    return x


@tf.function(autograph=False)
def ternary_and_boolop_without_autograph(x, y):
    z = x if x > y else y  # [tf-tensor-as-python-bool]
    return x > 0 and y > 0  # [tf-tensor-as-python-bool]


@tf.function
def builtin_max_of_tensors(x, y):
    return max(x, y)  # [tf-tensor-as-python-bool]


@tf.function
def any_of_tensors(t):
    return any([v > 0 for v in tf.unstack(t)])  # [tf-tensor-as-python-bool]


@tf.function
def for_else_makes_function_unconverted(x):
    for _ in range(2):
        x = x + 1
    else:
        x = x * 2
    if x > 0:  # [tf-tensor-as-python-bool]
        x = -x
    return x


@tf.function
def break_in_python_loop(x):
    total = tf.constant(0.0)
    for threshold in [1.0, 2.0, 3.0]:  # [tf-tensor-as-python-bool]
        if x > threshold:
            break
        total += threshold
    return total


@tf.function
def return_in_python_loop(x):
    for threshold in range(3):
        if x > threshold:  # [tf-tensor-as-python-bool]
            return tf.constant(1.0)
    return tf.constant(0.0)


@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def through_local_names(values):
    total = tf.reduce_sum(values)
    positive = total > 0
    return bool(positive)  # [tf-tensor-as-python-bool]


def helper(x):
    assert x > 0  # [tf-tensor-as-python-bool]
    return x


@tf.function
def calls_helper(x):
    return helper(tf.abs(x) + 1.0)


def sign_helper(x):
    if x > 0:  # [tf-tensor-as-python-bool]
        return x
    return -x


@tf.function(autograph=False)
def unconverted_caller(x):
    return sign_helper(tf.abs(x) - 1.0)


bool_of_tensor(tf.constant(1.0))
assert_on_tensor(tf.constant([1.0]))
if_without_autograph(tf.constant(1.0))
while_without_autograph(tf.constant(1.0))
ternary_and_boolop_without_autograph(tf.constant(1.0), tf.constant(2.0))
builtin_max_of_tensors(tf.constant(1.0), tf.constant(2.0))
for_else_makes_function_unconverted(tf.constant(1.0))
break_in_python_loop(tf.constant(1.0))
return_in_python_loop(tf.constant(1.0))
