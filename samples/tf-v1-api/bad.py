"""tf-v1-api, bad: a half-migrated TF1 training script, written against tf.compat.v1.

`import tensorflow.compat.v1 as tf` keeps every TF1 name working: variable scopes,
get_variable, a TF1 optimizer, an initializer op, graph collections. It fits y = 2x + 1
with eager execution disabled, through a Session. tflint reports each TF1-only symbol once
per function (and says how many more uses there are), and stays silent on the symbols
that TF2 has with the same meaning (tf.constant, tf.reduce_mean, tf.square).
"""

import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow.compat.v1 as tf

tf.disable_eager_execution()  # [tf-disable-eager-execution]
tf.set_random_seed(0)  # [tf-v1-api]


def linear(inputs):
    with tf.variable_scope("linear"):  # [tf-v1-api]
        weight = tf.get_variable("weight", initializer=tf.constant([0.0]))  # [tf-v1-api]
        bias = tf.get_variable("bias", initializer=tf.constant([0.0]))
    return inputs * weight + bias


xs = tf.constant([0.0, 1.0, 2.0, 3.0])
loss = tf.reduce_mean(tf.square(linear(xs) - (2.0 * xs + 1.0)))
log_loss = tf.log(loss)  # [tf-v1-api]
train_op = tf.train.AdamOptimizer(0.1).minimize(loss)  # [tf-v1-api]
init = tf.global_variables_initializer()  # [tf-v1-api]
variables = tf.trainable_variables()  # [tf-v1-api]

with tf.Session() as sess:  # [tf-v1-session]
    sess.run(init)  # [tf-v1-session]
    for _ in range(300):
        sess.run(train_op)
    final_loss, final_log_loss, values = sess.run([loss, log_loss, variables])
print(f"tf.compat.v1: {len(variables)} variables {[v.name for v in variables]}")
print(f"tf.compat.v1: weight={values[0][0]:.2f} bias={values[1][0]:.2f} loss={final_loss:.4f} log(loss)={final_log_loss:.2f}")
