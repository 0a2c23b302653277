"""tf-python-list-in-tensor-loop: Python containers grown inside loops AutoGraph makes graph loops."""
# pylint: disable=missing-function-docstring,missing-class-docstring,invalid-name,unused-variable
import tensorflow as tf


@tf.function
def append_in_tf_range(n):
    out = []
    for i in tf.range(n):
        out.append(i * 2)  # [tf-python-list-in-tensor-loop]
    return tf.stack(out)


@tf.function
def extend_in_tensor_while(x):
    out = list()
    while x > 0:
        out.extend([x])  # [tf-python-list-in-tensor-loop]
        x -= 1
    return out


@tf.function
def update_in_dataset_loop(dataset):
    seen = {}
    for element in dataset:
        seen.update(last=element)  # [tf-python-list-in-tensor-loop]
    return seen


@tf.function
def rebuilt_list(n):
    out = []
    for i in range(tf.shape(n)[0]):
        out = out + [i]  # [tf-python-list-in-tensor-loop]
    return out


@tf.function
def augmented_list(t):
    rows = []
    for row in t:
        rows += [row * 2]  # [tf-python-list-in-tensor-loop]
    return rows


append_in_tf_range(tf.constant(3))
extend_in_tensor_while(tf.constant(3.0))
update_in_dataset_loop(tf.data.Dataset.range(3))
rebuilt_list(tf.constant([1, 2]))
augmented_list(tf.constant([1.0, 2.0]))
