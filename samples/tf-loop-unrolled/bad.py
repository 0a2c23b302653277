"""tf-loop-unrolled, bad: a Python loop in a tf.function is unrolled into the graph.

`for _ in range(1000)` runs while TensorFlow traces the function: the graph gets 1000
copies of the loop body, and tracing takes longer the larger the count.
"""

import time

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf


@tf.function
def decay(x):
    for _ in range(1000):  # [tf-loop-unrolled]
        x = x * 0.99
    return x


start = time.perf_counter()
graph = decay.get_concrete_function(tf.TensorSpec([], tf.float32)).graph
seconds = time.perf_counter() - start
print(f"range(1000) loop: {len(graph.as_graph_def().node)} graph nodes, traced in {seconds:.2f} s")
print("decay(1.0) =", float(decay(tf.constant(1.0))))
