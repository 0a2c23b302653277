"""tf-python-list-in-tensor-loop near misses: TensorArray, Python loops, fresh lists, item writes."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def tensor_array(n):
    out = tf.TensorArray(tf.int32, size=0, dynamic_size=True)
    for i in tf.range(n):
        out = out.write(i, i * 2)
    return out.stack()


@tf.function
def python_loop(x):
    out = []
    for i in range(3):
        out.append(x * i)
    for row in tf.unstack(x):
        out.append(row)
    return tf.stack(out)


@tf.function
def fresh_list_per_iteration(n):
    total = tf.constant(0)
    for i in tf.range(n):
        parts = []
        parts.append(i)
        total += tf.add_n(parts)
    return total


@tf.function
def item_assignment(n):
    state = {"last": tf.constant(0)}
    for i in tf.range(n):
        state["last"] = i
    return state["last"]


def eager_loop(n):
    out = []
    for i in tf.range(n):
        out.append(i)
    return out


tensor_array(tf.constant(3))
python_loop(tf.constant([1.0, 2.0]))
fresh_list_per_iteration(tf.constant(3))
item_assignment(tf.constant(3))
