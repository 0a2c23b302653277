"""tf-disable-eager-execution, bad: one call turns TensorFlow 2 into TF1 for the whole process.

After disable_eager_execution() every op builds a graph node instead of computing a value,
tf.function code and Keras lose their eager behaviour, and only a Session can produce the
numbers. The switch is process-wide: a library imported here would be affected too.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

print(f"before: executing eagerly: {tf.executing_eagerly()}, 2 * 3 = {(tf.constant(2.0) * 3.0).numpy()}")

tf.compat.v1.disable_eager_execution()  # [tf-disable-eager-execution]

product = tf.constant(2.0) * 3.0
print(f"after: executing eagerly: {tf.executing_eagerly()}")
print(f"after: 2 * 3 is a symbolic {type(product).__name__} without .numpy(): {hasattr(product, 'numpy')}")
with tf.compat.v1.Session() as sess:  # [tf-v1-session]
    print(f"after: only a Session computes it: {sess.run(product)}")  # [tf-v1-session]
