"""tf-v1-removed-module, good: the TF2 homes of what tf.contrib provided.

tf.contrib.layers.xavier_initializer is tf.keras.initializers.GlorotUniform, and
slim.fully_connected is a Keras Dense layer (or the separate tf_slim package).
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

initializer = tf.keras.initializers.GlorotUniform(seed=0)
dense = tf.keras.layers.Dense(2, kernel_initializer=initializer)
outputs = dense(tf.ones([1, 3]))
print(f"GlorotUniform + Dense: output shape {outputs.shape}, kernel shape {dense.kernel.shape}")
