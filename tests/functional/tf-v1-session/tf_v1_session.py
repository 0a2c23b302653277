"""Positives: TF1 sessions, session calls and feed_dict, through every import form."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf
import tensorflow as t
import tensorflow.compat.v1 as tf1
from tensorflow.compat import v1
from tensorflow.compat.v1 import InteractiveSession, Session
from tensorflow.compat.v1.train import MonitoredTrainingSession


def compat_v1_attribute(fetch):
    with tf.compat.v1.Session() as sess:  # [tf-v1-session]
        return sess.run(fetch)  # [tf-v1-session]


def v1_alias_grouped_per_function(fetch, value, placeholder):
    sess = tf1.Session()  # [tf-v1-session]
    first = sess.run(fetch, feed_dict={placeholder: value})  # [tf-v1-session]
    second = sess.run(fetch)
    third = sess.run(fetch)
    return first, second, third


def v1_module(fetch):
    with v1.Session(graph=v1.get_default_graph()) as sess:  # [tf-v1-session]
        return sess.run(fetch)  # [tf-v1-session]


def imported_names(fetch):
    session = Session()  # [tf-v1-session]
    interactive = InteractiveSession()  # [tf-v1-session]
    return session.run(fetch), interactive  # [tf-v1-session]


def unmigrated_tf1(fetch):
    with t.Session() as sess:  # [tf-v1-session]
        return sess.run(fetch)  # [tf-v1-session]


def default_session(fetch):
    return tf.compat.v1.get_default_session().run(fetch)  # [tf-v1-session]


def keras_session(fetch):
    return tf.compat.v1.keras.backend.get_session().run(fetch)  # [tf-v1-session]


def keras_session_value():
    return tf.compat.v1.keras.backend.get_session()  # [tf-v1-session]


def monitored(train_op):
    with MonitoredTrainingSession() as mon_sess:  # [tf-v1-session]
        while not mon_sess.should_stop():
            mon_sess.run(train_op)  # [tf-v1-session]


def as_default(fetch):
    with tf.compat.v1.Session().as_default() as sess:  # [tf-v1-session]
        return sess.run(fetch)  # [tf-v1-session]


def eval_in_session_block(tensor, placeholder):
    with tf.compat.v1.Session():  # [tf-v1-session]
        return tensor.eval(feed_dict={placeholder: 1.0})  # [tf-v1-session]


def eval_with_session_keyword(tensor, placeholder, graph):
    sess = tf.compat.v1.Session(graph=graph)  # [tf-v1-session]
    return tensor.eval(feed_dict={placeholder: 1.0}, session=sess)  # [tf-v1-session]


class Runner:
    def __init__(self):
        self.sess = tf.compat.v1.Session()  # [tf-v1-session]

    def step(self, fetch):
        return self.sess.run(fetch)  # [tf-v1-session]


class SessionTest(tf.test.TestCase):
    def test_feed(self):
        with self.cached_session() as sess:
            self.assertEqual(sess.run(tf.constant(1)), 1)  # [tf-v1-session]
