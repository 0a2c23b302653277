"""tf-v1-session, bad: TF1 code that builds a graph and runs it through a Session.

This is what tf_upgrade_v2 leaves behind: the TF1 program, rewritten to tf.compat.v1. It
only runs because eager execution is switched off for the whole process; the graph is
built first, and a Session runs it with the input fed through feed_dict.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()  # [tf-disable-eager-execution]

weights = tf.constant([[1.0], [2.0], [3.0]])
features = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="features")  # [tf-v1-placeholder]
scores = tf.matmul(features, weights)

batches = [np.array([[1, 1, 1], [0, 1, 2]], np.float32), np.array([[2, 0, 0]], np.float32)]
with tf.compat.v1.Session() as sess:  # [tf-v1-session]
    for batch in batches:
        result = sess.run(scores, feed_dict={features: batch})  # [tf-v1-session]
        print(f"session: scores for {batch.tolist()} -> {result.ravel().tolist()}")

print(f"session: `scores` itself is a symbolic {type(scores).__name__} with no value: {scores}")
