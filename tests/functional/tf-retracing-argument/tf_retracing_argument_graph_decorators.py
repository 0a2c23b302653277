"""tf-graph-decorators: a project wrapper around tf.function is a tf.function for the retracing rules too."""
import tensorflow as tf
from mylib import compiled


@compiled
def step(x, n):
    return x * n


def train(x):
    for i in range(10):
        step(x, i)  # [tf-retracing-argument]
