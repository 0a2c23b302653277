"""tf-retracing-argument: calls whose trace key does not change stay silent."""
# pylint: disable=missing-docstring,invalid-name,unused-argument
import tensorflow as tf


@tf.function
def train_step(x, step, training=False):
    return x


@tf.function(input_signature=[tf.TensorSpec([], tf.float32), tf.TensorSpec([], tf.int32)])
def signed(x, step):
    return x


@tf.function(reduce_retracing=True)
def relaxed(batch):
    return tf.reduce_sum(batch)


@tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
def shaped(batch):
    return tf.reduce_sum(batch)


def plain(x, step):
    return x


x = tf.constant(1.0)
data = tf.range(100)
dataset = tf.data.Dataset.range(10)
add_one = lambda t: t + 1  # noqa: E731
config = object()

for step in range(100):
    train_step(x, tf.constant(step))  # a tensor: keyed by shape and dtype
    train_step(x, 1, training=True)  # constant keyword flag
    train_step(x, "always the same")  # constant string
    train_step(x, [1, 2])  # a new list with the same values: same key
    train_step(x, add_one)  # the same function object every time
    train_step(x, config)  # the same object every time
    signed(x, step)  # the input_signature converts it to a tensor
    relaxed(tf.zeros((step, 3)))  # reduce_retracing generalises the shape
    shaped(tf.zeros((step, 3)))  # the signature has None there
    train_step(data[step], 1)  # an element: always the same shape
    train_step(data[step:step + 4], 1)  # a window of fixed length
    train_step(tf.range(step, step + 4), 1)  # fixed length too
    plain(x, step)  # not a tf.function
    train_step(x, step.bit_length() if False else 0)  # constant in effect

for element in dataset:
    train_step(x, element)  # tensors from a dataset

for training in [True, False]:
    train_step(x, 1, training=training)  # a bounded set of flags, traced once each

for step in tf.range(10):
    train_step(x, step)  # a tensor loop variable

train_step(x, 3)  # called once, outside any loop
after = 0
for after in range(10):
    pass
train_step(x, after)  # after the loop: called once


@tf.function
def outer(x):
    for i in range(3):
        train_step(x, i)  # inside traced code: part of the outer trace
    return x


relaxed(tf.constant([1.0, 2.0]))
relaxed(tf.constant([1.0, 2.0, 3.0]))  # reduce_retracing


@tf.function
def pair(values):
    return values


pair(tf.constant([1.0, 2.0]))
pair(tf.constant([3.0, 4.0]))  # the same shape again
pair(tf.zeros((2,)))  # and again


class Trainer(tf.Module):
    @tf.function
    def step(self, x, rate):
        return x * rate

    def fit(self, x, rate):
        for _ in range(10):
            self.step(x, rate)  # rate does not change in the loop


@tf.function
def perturb(inputs, count):
    return tf.repeat(inputs, count, 0)


def explain(inputs, nb_samples, batch_size):
    done = 0
    while done < nb_samples:
        count = min(batch_size, nb_samples - done)  # the full batch, then one remainder: two traces
        done += count
        perturb(inputs, count)
