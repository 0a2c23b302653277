"""tf-v1-session, good: the same computation in TF2 style, a function called with its input.

The placeholder became the function's argument, sess.run(scores, feed_dict=...) became a
call, and @tf.function (with an input signature matching the old placeholder) keeps the
graph speed. Nothing switches eager execution off.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

weights = tf.constant([[1.0], [2.0], [3.0]])


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def scores(features):
    return tf.matmul(features, weights)


batches = [np.array([[1, 1, 1], [0, 1, 2]], np.float32), np.array([[2, 0, 0]], np.float32)]
for batch in batches:
    result = scores(batch)
    print(f"function: scores for {batch.tolist()} -> {result.numpy().ravel().tolist()}")

session = "a plain variable named session is just a name"
print(f"function: eager execution on: {tf.executing_eagerly()}; {session}")
