"""tf-v1-placeholder, bad: graph inputs declared as TF1 placeholders.

A placeholder has no value until a Session feeds one. This runs only with eager execution
disabled; in TF2's eager mode tf.compat.v1.placeholder raises RuntimeError, which we show
in a child process (eager execution is a process-wide switch).
"""

import os
import subprocess
import sys

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import numpy as np
import tensorflow as tf

EAGER_CHILD = "import tensorflow as tf\ntf.compat.v1.placeholder(tf.float32)\n"
child = subprocess.run([sys.executable, "-c", EAGER_CHILD], capture_output=True, text=True, check=False)
print(f"placeholder in eager TF2: {child.stderr.strip().splitlines()[-1]}")

tf.compat.v1.disable_eager_execution()  # [tf-disable-eager-execution]

images = tf.compat.v1.placeholder(tf.float32, shape=[None, 4], name="images")  # [tf-v1-placeholder]
scale = tf.compat.v1.placeholder_with_default(1.0, shape=[], name="scale")  # [tf-v1-placeholder]
normalized = images / tf.reduce_max(images, axis=1, keepdims=True) * scale

pixels = np.array([[1, 2, 3, 4], [10, 0, 5, 5]], np.float32)
with tf.compat.v1.Session() as sess:  # [tf-v1-session]
    default = sess.run(normalized, feed_dict={images: pixels})  # [tf-v1-session]
    doubled = sess.run(normalized, feed_dict={images: pixels, scale: 2.0})
print(f"placeholder: default scale -> {default.tolist()}")
print(f"placeholder: scale fed as 2.0 -> {doubled.tolist()}")
