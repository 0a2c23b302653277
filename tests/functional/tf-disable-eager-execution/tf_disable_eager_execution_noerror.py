"""Near misses: TF2's own switches and no-op TF1 enablers."""
# pylint: disable=missing-function-docstring
import tensorflow as tf
import tensorflow.compat.v2 as tf2


def disable_eager_execution():
    return "a project's own function with the same name"


disable_eager_execution()
tf.config.run_functions_eagerly(False)
tf.compat.v1.enable_eager_execution()
tf.compat.v1.enable_v2_behavior()
tf2.enable_v2_behavior()
EAGER = tf.executing_eagerly() and tf.compat.v1.executing_eagerly_outside_functions()
SWITCH = tf.compat.v1.disable_eager_execution
