"""tf-eager-training-loop: training steps run eagerly in Python loops (opt-in)."""
# pylint: disable=missing-docstring,invalid-name
import tensorflow as tf

w = tf.Variable(1.0)
optimizer = tf.keras.optimizers.SGD(0.1)
dataset = tf.data.Dataset.from_tensor_slices([1.0, 2.0, 3.0])


def train_step(x):  # [tf-eager-training-loop]
    with tf.GradientTape() as tape:
        loss = (w * x - 1.0) ** 2
    grads = tape.gradient(loss, [w])
    optimizer.apply_gradients(zip(grads, [w]))
    return loss


def minimize_step(x):  # [tf-eager-training-loop]
    with tf.GradientTape() as tape:
        loss = (w * x) ** 2
    optimizer.minimize(loss, [w], tape=tape)


for epoch in range(3):
    for x in dataset:
        train_step(x)
        minimize_step(x)

for x in dataset:
    with tf.GradientTape() as tape:  # [tf-eager-training-loop]
        loss = (w * x - 1.0) ** 2
    optimizer.apply_gradients(zip(tape.gradient(loss, [w]), [w]))


def fit(data, epochs):
    for _ in range(epochs):
        for x in data:
            with tf.GradientTape() as tape:  # [tf-eager-training-loop]
                loss = w * x
            optimizer.apply_gradients([(tape.gradient(loss, w), w)])


class Trainer:
    def step(self, x):  # [tf-eager-training-loop]
        with tf.GradientTape() as tape:
            loss = w * x
        optimizer.apply_gradients([(tape.gradient(loss, w), w)])

    def fit(self, data):
        for x in data:
            self.step(x)


def train(model_w, batches, epochs):
    for _ in range(epochs):  # a whole training loop: reported once, here, not at each call
        for x in batches:
            with tf.GradientTape() as tape:  # [tf-eager-training-loop]
                loss = model_w * x
            optimizer.apply_gradients([(tape.gradient(loss, model_w), model_w)])


class Detector:
    def fit_folds(self, folds):
        for fold in folds:
            train(w, fold, 1)  # one training run per fold, not one step per iteration
