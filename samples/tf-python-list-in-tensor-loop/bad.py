"""tf-python-list-in-tensor-loop, bad: a Python list grown inside a graph loop.

`for i in tf.range(n)` is a tf.while_loop under AutoGraph: its body is traced once. The
list gets one item, a tensor that belongs to the loop's own graph, so its length is wrong
and using its items after the loop fails with InaccessibleTensorError.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def squares(n):
    out = []
    for i in tf.range(n):
        out.append(i * i)  # [tf-python-list-in-tensor-loop]
    return tf.stack(out)


@tf.function
def count_squares(n):
    out = []
    for i in tf.range(n):
        out.append(i * i)  # [tf-python-list-in-tensor-loop]
    return len(out)


def first_line(exc):
    """The error's own first sentence, without TensorFlow's traceback decoration."""
    text = str(exc)
    start = text.find(type(exc).__name__ + ": ")
    text = text[start + len(type(exc).__name__) + 2:] if start >= 0 else text
    return text.strip().split(". ")[0].splitlines()[0].rstrip(".") + "."


try:
    squares(tf.constant(4))
except ValueError as exc:  # InaccessibleTensorError is a ValueError
    print(f"squares(4): {type(exc).__name__}: {first_line(exc)}")
print(f"count_squares(4) = {int(count_squares(tf.constant(4)))} (the loop ran 4 times)")
