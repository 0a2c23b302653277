"""Positives: every switch that turns TF2 behaviour off, through every import form."""
# pylint: disable=missing-function-docstring
import tensorflow as tf
import tensorflow.compat.v1 as tf1
from tensorflow.compat import v1
from tensorflow.compat.v1 import disable_v2_behavior

tf.compat.v1.disable_eager_execution()  # [tf-disable-eager-execution]
tf1.disable_v2_behavior()  # [tf-disable-eager-execution]
v1.disable_resource_variables()  # [tf-disable-eager-execution]
tf.compat.v1.disable_v2_tensorshape()  # [tf-disable-eager-execution]
tf.compat.v1.disable_control_flow_v2()  # [tf-disable-eager-execution]
tf.compat.v1.disable_tensor_equality()  # [tf-disable-eager-execution]
disable_v2_behavior()  # [tf-disable-eager-execution]


def main():
    tf1.disable_eager_execution()  # [tf-disable-eager-execution]
