"""tf-eager-training-loop: traced steps, single calls and gradient-only code stay silent."""
# pylint: disable=missing-docstring,invalid-name
import tensorflow as tf

w = tf.Variable(1.0)
optimizer = tf.keras.optimizers.SGD(0.1)
dataset = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 3.0])


@tf.function
def traced_step(x):
    with tf.GradientTape() as tape:
        loss = (w * x - 1.0) ** 2
    optimizer.apply_gradients(zip(tape.gradient(loss, [w]), [w]))


def plain_step(x):
    with tf.GradientTape() as tape:
        loss = (w * x - 1.0) ** 2
    optimizer.apply_gradients(zip(tape.gradient(loss, [w]), [w]))


compiled_step = tf.function(plain_step)  # traced through the call form

for x in dataset:
    traced_step(x)
    compiled_step(x)


def gradients_only(x):
    with tf.GradientTape() as tape:
        loss = w * x
    return tape.gradient(loss, w)  # no optimizer update: not a training step


for x in dataset:
    gradients_only(x)


def once(x):
    with tf.GradientTape() as tape:
        loss = w * x
    optimizer.apply_gradients([(tape.gradient(loss, w), w)])


once(tf.constant(1.0))  # a single call, not a loop


class Agent:
    def _train(self, batches):
        for x in batches:  # a library method: its caller may trace it
            with tf.GradientTape() as tape:
                loss = w * x
            optimizer.apply_gradients([(tape.gradient(loss, w), w)])


class Model(tf.keras.Model):
    def train_step(self, data):  # traced by fit
        with tf.GradientTape() as tape:
            loss = w * data
        self.optimizer.apply_gradients([(tape.gradient(loss, w), w)])
        return {"loss": loss}



class Attack:
    def _generate_batch(self, x):
        for _ in range(10):  # a whole optimisation loop per call (a library method: callers may trace it)
            with tf.GradientTape() as tape:
                loss = w * x
            optimizer.apply_gradients([(tape.gradient(loss, w), w)])

    def generate(self, batches):
        for x in batches:
            self._generate_batch(x)  # one optimisation per batch, not one step per iteration
