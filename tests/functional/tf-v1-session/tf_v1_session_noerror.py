"""Near misses: TF2 code that only mentions sessions, `run` methods, or feed_dict."""
# pylint: disable=missing-function-docstring,missing-class-docstring,too-few-public-methods
import tensorflow as tf


class HttpClient:
    def __init__(self, session):
        self.session = session

    def fetch(self, url):
        return self.session.run(url)


def plain_variables_named_session():
    session = {"user": "me"}
    sess = object()
    return session, sess


def session_parameter(sess, fetch):
    return sess.run(fetch, feed_dict={})


def database_session(engine):
    with engine.begin() as session:
        return session.run("SELECT 1", feed_dict=None)


def eval_without_a_session(model, data):
    return model.eval(feed_dict=data)


def keras_code(x):
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model.predict(x)


@tf.function
def traced(x):
    return x * 2


def strategy_run(strategy, x):
    return strategy.run(traced, args=(x,))


def annotated(session: tf.compat.v1.Session = None) -> tf.compat.v1.Session:
    return session


SESSION_TYPE = tf.compat.v1.Session


def compat_v2(x):
    return tf.compat.v2.constant(x) + tf.compat.v1.constant(x)


class EagerTest(tf.test.TestCase):
    def test_evaluate(self):
        self.assertEqual(self.evaluate(tf.constant(1)), 1)
