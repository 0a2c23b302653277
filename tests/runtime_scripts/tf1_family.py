"""TF1 leftovers, run with real TensorFlow 2 (eager execution disabled): each flagged use happens."""

import tensorflow as tf
import tensorflow.compat.v1 as v1
from tensorflow.compat.v1 import get_variable

tf.compat.v1.disable_eager_execution()  # [tf-disable-eager-execution]
x = tf.compat.v1.placeholder(tf.float32, shape=[None])  # [tf-v1-placeholder]
w = get_variable("w", shape=[], initializer=v1.zeros_initializer())  # [tf-v1-api, tf-v1-api]
y = v1.nn.relu(x) * 2.0 + w
init = v1.global_variables_initializer()  # [tf-v1-api]


class ForeignSession:
    """Not TensorFlow's: an ONNX-like runtime session with a run method."""

    def run(self, outputs, feed):
        return [len(feed)]


with tf.compat.v1.Session() as sess:  # [tf-v1-session]
    sess.run(init)  # [tf-v1-session]
    print(sess.run(y, feed_dict={x: [1.0, -2.0]}))

other = ForeignSession()
print(other.run(["out"], {"in": 1}))

try:
    import tensorflow.contrib.layers as layers
except ImportError as exc:
    print(type(exc).__name__, exc)

if tf.executing_eagerly():
    v1.Session()  # [tf-v1-session] not-exercised (eager execution is off)

try:
    layers = tf.contrib.layers  # [tf-v1-removed-module]
except AttributeError as exc:
    print(type(exc).__name__)
