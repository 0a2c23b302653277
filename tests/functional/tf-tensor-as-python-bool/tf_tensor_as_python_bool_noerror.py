"""tf-tensor-as-python-bool near misses: what AutoGraph converts, Python values, eager code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def converted_if_and_while(x, n):
    if x > 0:
        x = x * 2
    else:
        x = -x
    while n > 0:
        n -= 1
    return x if x > 1 else -x


@tf.function
def converted_boolean_operators(x, y):
    if x > 0 and y > 0 or not x < 5:
        return 0 < x < 5
    return x > 0


@tf.function
def python_conditions(x, flag=True):
    if x.shape[0] == 3:
        x = x * 2
    if x.shape.rank is not None and flag:
        x = x + 1
    if x is None:
        return x
    assert x.shape[0] > 0
    return x


@tf.function
def conversions_autograph_handles(x):
    return float(x), int(x), len(x), sorted(tf.unstack(x))


@tf.function
def functional_control_flow(x):
    y = tf.cond(x > 0, lambda: x, lambda: -x)
    return tf.while_loop(lambda i: i < 10, lambda i: (i + 1,), [y])


@tf.function
def checks_with_tf_debugging(x):
    tf.debugging.assert_greater(x, 0.0)
    return tf.debugging.Assert(tf.reduce_all(x > 0), [x])


@tf.function
def continue_in_python_loop(x):
    total = tf.constant(0.0)
    for threshold in [1.0, 2.0]:
        if x > threshold:
            continue
        total += threshold
    return total


@tf.function
def break_in_tensor_loop(t):
    total = tf.constant(0.0)
    for v in t:
        if v < 0:
            break
        total += v
    return total


@tf.function
def conditional_expression_in_comprehension(t):
    return tf.stack([v if v > 0 else -v for v in tf.unstack(t)])


@tf.function
def comprehension_on_python_values(x):
    sizes = [d for d in x.shape if d is not None]
    return tf.reshape(x, [-1]), sizes


@tf.function(autograph=False)
def python_control_flow_without_autograph(x, scale=2):
    if scale > 1:
        x = x * scale
    for _ in range(2):
        x = x + 1
    return x


def eager_code(x):
    if x > 0:
        return bool(x > 1)
    assert x < 10
    return max(x, 3)


@tf.function
def max_of_python_values(x):
    return tf.reshape(x, [max(x.shape[0], 1), -1])


def unknown_argument(x):
    return bool(x)


converted_if_and_while(tf.constant(1.0), tf.constant(3))
converted_boolean_operators(tf.constant(1.0), tf.constant(2.0))
conversions_autograph_handles(tf.constant([1.0, 2.0]))
eager_code(tf.constant(3.0))
