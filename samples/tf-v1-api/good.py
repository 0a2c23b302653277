"""tf-v1-api, good: the same fit in TF2 style.

A tf.Module owns its variables (no scopes, no get_variable, no initializer op), a Keras
optimizer applies the gradients that a GradientTape records, tf.math.log replaces tf.log,
and the training step is a tf.function instead of a graph run by a Session.
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf

tf.random.set_seed(0)


class Linear(tf.Module):
    def __init__(self):
        super().__init__(name="linear")
        self.weight = tf.Variable([0.0], name="weight")
        self.bias = tf.Variable([0.0], name="bias")

    def __call__(self, inputs):
        return inputs * self.weight + self.bias


model = Linear()
optimizer = tf.keras.optimizers.Adam(0.1)
xs = tf.constant([0.0, 1.0, 2.0, 3.0])


@tf.function
def train_step():
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(xs) - (2.0 * xs + 1.0)))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


for _ in range(300):
    train_step()
final_loss = tf.reduce_mean(tf.square(model(xs) - (2.0 * xs + 1.0)))
print(f"TF2: {len(model.trainable_variables)} variables {[v.name for v in model.trainable_variables]}")
print(
    f"TF2: weight={model.weight.numpy()[0]:.2f} bias={model.bias.numpy()[0]:.2f} "
    f"loss={final_loss.numpy():.4f} log(loss)={tf.math.log(final_loss).numpy():.2f}"
)
