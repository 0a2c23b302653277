"""Near misses: tf.compat.v1 symbols TF2 has with the same meaning, and plain TF2 code."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import numpy as tf_numpy
import tensorflow as tf
import tensorflow.compat.v1 as tf1
import tensorflow.compat.v2 as tf2

CONSTANT = tf.compat.v1.constant([1.0, 2.0])
VARIABLE = tf.compat.v1.Variable(1.0)
TOTAL = tf1.reduce_sum(CONSTANT) + tf1.reduce_mean(CONSTANT, keep_dims=False)
DATASET = tf.compat.v1.data.Dataset.from_tensor_slices(CONSTANT).batch(2)
DTYPE = tf1.float32
SHAPE = tf1.TensorShape([None, 3])


def control_flow(x):
    y = tf.compat.v1.cond(x > 0, lambda: x, lambda: -x)
    return tf1.while_loop(lambda i: i < 10, lambda i: i + 1, [y])


def compat_v2(x):
    return tf2.math.log(x) + tf.compat.v2.reduce_sum(x)


def keras_code(x):
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.Adam(), loss=tf.losses.mean_squared_error)
    return model(x), tf.keras.losses.MeanSquaredError()(x, x)


@tf.function
def train_step(model, optimizer, x):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(model(x))
    optimizer.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
    return tf.math.log(loss)


def tf2_helpers_from_compat_v1(graph_fn):
    tf.compat.v1.enable_v2_behavior()
    eager = tf.compat.v1.executing_eagerly_outside_functions()
    return eager, tf.compat.v1.wrap_function(graph_fn, signature=[])


def annotated(shape) -> tf.compat.v1.Dimension:
    return shape[0]


def shadowed(tf):
    return tf.get_variable("w")


def not_tensorflow(x):
    return tf_numpy.log(x)


LOGGER = tf.get_logger()


def graph_only_branches(x):
    if not tf.executing_eagerly():
        x = tf.identity(x, name=tf.compat.v1.get_default_graph().unique_name("x"))
    in_xla = not tf.executing_eagerly() and tf.compat.v1.get_default_graph().building_function
    eager_or_graph = tf.executing_eagerly() or tf.compat.v1.get_default_graph().building_function
    return x, in_xla, eager_or_graph, tf.compat.v1.get_seed(None)


@tf.function
def traced_graph_access(x):
    return tf.compat.v1.get_default_graph().building_function, x
