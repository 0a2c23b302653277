"""tf-function-recreated: a tf.function built again in a loop or on every call, then called."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf
from tensorflow import function as compile_graph


def body(x):
    return x + 1


x = tf.constant(1.0)
for _ in range(5):
    tf.function(body)(x)  # [tf-function-recreated]

for _ in range(5):
    step = tf.function(body, reduce_retracing=True)  # [tf-function-recreated]
    step(x)

for _ in range(5):
    step = compile_graph(body)  # [tf-function-recreated]
    step(x)
    step.experimental_get_tracing_count()

while True:
    @tf.function  # [tf-function-recreated]
    def in_loop(y):
        return y

    in_loop(x)
    break

results = [tf.function(body)(v) for v in (x, x)]  # [tf-function-recreated]


def predict(x):
    @tf.function  # [tf-function-recreated]
    def double(y):
        return y * 2

    return double(x)


def predict_inline(x):
    return tf.function(body)(x)  # [tf-function-recreated]


class Model(tf.Module):
    def __init__(self):
        super().__init__()
        self.scale = 2.0

    def _forward(self, x):
        return x * self.scale

    def predict(self, x):
        forward = tf.function(self._forward)  # [tf-function-recreated]
        return forward(x)


def evaluate_all(batches):
    for batch in batches:
        fn = tf.function(body)  # [tf-function-recreated]
        fn(batch)


def translate(strategy, batches):
    for batch in batches:
        @tf.function  # [tf-function-recreated]
        def per_replica():
            return batch

        strategy.run(per_replica)


def predict_with(model, x):
    @tf.function  # [tf-function-recreated]
    def forward(y):
        return model(y)  # closes over `model`, but a loop calls `predict_with` again and again

    return forward(x)


def predict_all(model, batches):
    for batch in batches:
        predict_with(model, batch)
