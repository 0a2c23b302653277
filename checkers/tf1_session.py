"""tf-v1-session: TF1 sessions, ``sess.run(...)`` and ``feed_dict``."""

from __future__ import annotations

from astroid import nodes

from tflint.analysis import tf1
from tflint.checkers.tf1_base import V1Checker
from tflint.facts import tf1_replacements
from tflint.messages import msgid

_NO_SESSION = (
    "a session only runs ops built in graph mode: with eager execution disabled, or inside with tf.Graph().as_default()"
)
_TEST_SESSION = (
    "with eager execution on, TensorFlow's test sessions are a stop-gap FakeEagerSession: "
    "run(x) only evaluates x, and feed_dict raises RuntimeError"
)
_VERBS = {
    "get_default_session": "returns the default TF1 session",
    "keras.backend.get_session": "returns Keras's TF1 session",
    "keras.backend.set_session": "sets Keras's TF1 session",
}


class V1SessionChecker(V1Checker):
    """A TF1 session runs a graph; TensorFlow 2 calls functions."""

    msgs = {
        msgid("W", 10): (
            "`%s` %s: TensorFlow 2 runs eagerly and has no sessions (%s); in TF2, %s%s",
            tf1.SESSION,
            "TF1 sessions (Session, sess.run, feed_dict) only run graphs built with eager execution "
            "disabled; TensorFlow 2 calls functions instead. tf.compat.v1.Session, "
            "InteractiveSession, the monitored sessions and Keras's get_session belong to TF1's "
            "graph-then-run model: build a graph of placeholders and ops, then run it with "
            "sess.run(fetches, feed_dict). In TF2 ops run eagerly, a session created in eager mode "
            "has an empty graph, and the same computation is a Python function (a tf.function for "
            "speed) called with its inputs as arguments.",
        ),
    }

    reports_on = {tf1.SESSION: (nodes.Call,)}

    def report(self, use: tf1.Use) -> None:
        """Session creations and session calls."""
        self.add_message(tf1.SESSION, node=use.node, args=_args(use), confidence=use.confidence)


def _args(use: tf1.Use) -> tuple[str, ...]:
    if use.session_call:  # sess.run(...)
        what = "runs a TF1 graph through a session"
        if use.feed_dict:
            what += ", feeding values with feed_dict"
        if use.feed_dict or use.group_feed_dict:
            fix = "call a function that takes the fed values as arguments: f(x) instead of sess.run(fetch, feed_dict={x: ...})"
        else:
            fix = "call the function that computes the fetched values: f() instead of sess.run(fetch)"
        more = f" (and {use.more} more session call{'s' if use.more > 1 else ''} in {use.scope})" if use.more else ""
        if use.test_session:
            # TensorFlow's TestCase hands out a stop-gap FakeEagerSession when running eagerly.
            what = "uses a TF1 test session" + (", feeding values with feed_dict" if use.feed_dict else "")
            fix = (
                "use self.evaluate() on the result of a function that takes the fed values as arguments"
                if use.feed_dict or use.group_feed_dict
                else "use self.evaluate(x) instead of sess.run(x)"
            )
            return (use.spelled, what, _TEST_SESSION, fix, more)
        return (use.spelled, what, _NO_SESSION, fix, more)
    # a session creation (not a session call) is a use of a named TF symbol
    assert use.name is not None
    path = key = use.path
    fix, detail = tf1_replacements.REPLACEMENTS.get(key, ("call the computation as a Python function", _NO_SESSION))
    spelled = f"{use.spelled}()"
    what = _VERBS.get(key, "creates a TF1 session")
    if use.name.namespace != "v1" and not path.startswith("keras."):
        detail = f"{use.name.spelled} does not exist in TensorFlow 2: AttributeError"
    return (spelled, what, detail, fix, "")
