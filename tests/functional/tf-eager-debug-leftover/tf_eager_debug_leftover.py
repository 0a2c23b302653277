"""tf-eager-debug-leftover: eager-debugging switches left on."""
# pylint: disable=missing-docstring,invalid-name
import tensorflow as tf
from tensorflow import config

tf.config.run_functions_eagerly(True)  # [tf-eager-debug-leftover]
tf.config.experimental_run_functions_eagerly(True)  # [tf-eager-debug-leftover]
config.run_functions_eagerly(run_eagerly=True)  # [tf-eager-debug-leftover]
tf.data.experimental.enable_debug_mode()  # [tf-eager-debug-leftover]

model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", run_eagerly=True)  # [tf-eager-debug-leftover]
model.run_eagerly = True  # [tf-eager-debug-leftover]


def train(net):
    net.compile("adam", "mse", run_eagerly=True)  # [tf-eager-debug-leftover]


if __name__ == "__main__":
    tf.config.run_functions_eagerly(True)  # [tf-eager-debug-leftover]
