"""The child's instrumentation under real TensorFlow (no mocks): what it records, and the verdicts
of the confirmation rules whose checkers are built elsewhere (TF1 leftovers, retracing, AutoGraph
errors), judged on hand-made findings at marked lines. Two child runs, one per script."""

from __future__ import annotations

import pytest
from runtime_support import line_of, observe, verdict, write

GRAPH_EVENTS = """
import tensorflow as tf


@tf.function
def step(x, n):
    return x + n


for n in range(7):
    step(tf.constant(1.0), n)  # retrace-call


@tf.function
def to_numpy(x):
    return x.numpy()  # numpy


@tf.function
def makes_variable(x):
    v = tf.Variable(1.0)  # variable
    return x * v


@tf.function(autograph=False)
def python_if(x):
    if x > 0:  # python-if
        return x
    return -x


@tf.function
def collect(n):
    out = []
    for i in tf.range(n):
        out.append(i)  # append
    return tf.stack(out)  # stack


for func, arg in ((to_numpy, 1.0), (makes_variable, 1.0), (python_if, 1.0), (collect, 3)):
    try:
        func(tf.constant(arg))  # caller
    except Exception as exc:  # the errors are the point
        print(type(exc).__name__)


@tf.function
def inner(x):
    print("inner", x)  # inner-print
    return x * 2


@tf.function
def outer(x):
    return inner(x) + 1


for value in (1.0, 2.0, 3.0, 4.0):
    outer(tf.constant(value))


@tf.function
def only_traced(x):
    print("only traced", x)  # only-traced
    return x


only_traced.get_concrete_function(tf.TensorSpec([], tf.float32))


def doubled(v):
    return v * 2  # py-function-body


def to_dataset(x):
    print("map", x)  # map-print
    return tf.py_function(doubled, [x], tf.int64)


print(sorted(tf.data.Dataset.range(5).map(to_dataset).as_numpy_iterator()))

for _ in range(3):
    recreated = tf.function(lambda x: x + 1)  # recreated
    recreated(tf.constant(1))

tf.config.run_functions_eagerly(True)


@tf.function
def eager_anyway(x):
    print("eager", x)  # eager-print
    return x


for value in (1.0, 2.0, 3.0):
    eager_anyway(tf.constant(value))
tf.config.run_functions_eagerly(False)

try:
    tf.compat.v1.placeholder(tf.float32)  # eager-placeholder
except RuntimeError as exc:
    print("RuntimeError", exc)
"""

TF1_PROGRAM = '''
import tensorflow as tf
import tensorflow.compat.v1 as v1  # import-v1
from tensorflow.compat.v1 import get_variable  # import-from

tf.compat.v1.disable_eager_execution()  # disable-eager
x = tf.compat.v1.placeholder(tf.float32, shape=[None])  # placeholder
w = get_variable("w", shape=[], initializer=v1.zeros_initializer())  # get-variable
y = v1.nn.relu(x) * 2.0 + w  # relu
init = v1.global_variables_initializer()


class ForeignSession:
    """Not TensorFlow's: an ONNX-like runtime session with a run method."""

    def run(self, outputs, feed):
        return [len(feed)]


with tf.compat.v1.Session() as sess:  # session
    sess.run(init)
    print(sess.run(y, feed_dict={x: [1.0, -2.0]}))  # run-feed

other = ForeignSession()
print(other.run(["out"], {"in": 1}))  # foreign-run

try:
    import tensorflow.contrib.layers as layers  # contrib
except ImportError as exc:
    print(type(exc).__name__, exc)

if tf.executing_eagerly():
    v1.Session()  # never
'''


@pytest.fixture(scope="module")
def graph_events(tmp_path_factory):
    script = write(tmp_path_factory.mktemp("graph"), "graph_events.py", GRAPH_EVENTS)
    observations, result = observe(script)
    assert observations.run["exit_code"] == 0, result.stderr[-3000:]
    return script, observations


@pytest.fixture(scope="module")
def tf1_program(tmp_path_factory):
    script = write(tmp_path_factory.mktemp("tf1"), "tf1_program.py", TF1_PROGRAM)
    observations, result = observe(script)
    assert observations.run["exit_code"] == 0, result.stderr[-3000:]
    return script, observations


def _owner(observations, label):
    (owner,) = [o for o in observations.owners.values() if o.label == label]
    return owner


# -- what is recorded ----------------------------------------------------------------------
def test_calls_traces_and_signatures_of_a_retracing_function(graph_events):
    _, observations = graph_events
    step = _owner(observations, "`step`")
    assert (step.calls, step.tracing_count, len(step.traces)) == (7, 7, 7)
    assert step.traces[0]["signature"] == [["x", "tensor", "float32[]"], ["n", "python", "0"]]
    assert step.traces[6]["signature"][1] == ["n", "python", "6"]
    assert step.retracing_warnings == 2  # TF warns at most twice per function
    assert any(w["kind"] == "retracing" and w["function"] == "step" for w in observations.warnings)


def test_exceptions_are_recorded_at_the_user_line_that_raised_them_while_tracing(graph_events):
    script, observations = graph_events
    raised = {(e["line"], e["type"]) for e in observations.exceptions if e["traced"]}
    assert raised >= {
        (line_of(script, "numpy"), "AttributeError"),
        (line_of(script, "variable"), "ValueError"),
        (line_of(script, "python-if"), "OperatorNotAllowedInGraphError"),
        (line_of(script, "stack"), "InaccessibleTensorError"),  # raised where the list is used
    }
    caller = {e["type"] for e in observations.exceptions if e["line"] == line_of(script, "caller")}
    assert {"AttributeError", "ValueError", "OperatorNotAllowedInGraphError", "InaccessibleTensorError"} <= caller


def test_dataset_elements_and_py_function_callback_lines_are_counted(graph_events):
    script, observations = graph_events
    dataset = _owner(observations, "Dataset.map(`to_dataset`)")
    assert dataset.elements == 5
    body = observations.line_stats(str(script.resolve()), *(line_of(script, "py-function-body"),) * 2)
    assert body.eager == 5  # on TensorFlow's own threads


def test_a_nested_function_runs_as_often_as_the_function_whose_trace_called_it(graph_events):
    _, observations = graph_events
    inner, outer = _owner(observations, "`inner`"), _owner(observations, "`outer`")
    assert (inner.calls, inner.nested_calls, inner.parents) == (0, 1, [outer.id])
    assert observations.runs(inner) == outer.calls == 4


# -- verdicts ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("marker", "symbol", "expected", "words"),
    [
        ("inner-print", "tf-print-in-graph", "confirmed", "1 time in 4 calls of `outer` (through `inner`)"),
        ("map-print", "tf-print-in-graph", "confirmed", "1 time in 5 elements of Dataset.map(`to_dataset`)"),
        ("only-traced", "tf-print-in-graph", "not-exercised", "never ran afterwards"),
        ("eager-print", "tf-print-in-graph", "not-reproduced", "3 times, always eagerly"),
        ("retrace-call", "tf-retracing-argument", "confirmed", "only in the Python value of `n` (0, 1, 2, 3, ...)"),
        ("recreated", "tf-function-recreated", "confirmed", "3 tf.function objects"),
        ("variable", "tf-variable-in-graph", "confirmed", "singleton"),
        ("numpy", "tf-numpy-in-graph", "confirmed", "has no attribute 'numpy'"),
        ("python-if", "tf-tensor-as-python-bool", "confirmed", "OperatorNotAllowedInGraphError"),
        ("append", "tf-python-list-in-tensor-loop", "confirmed", "InaccessibleTensorError raised at line 36"),
        ("eager-placeholder", "tf-v1-placeholder", "confirmed", "tf.compat.v1.placeholder"),
    ],
)
def test_graph_verdicts(graph_events, marker, symbol, expected, words):
    script, observations = graph_events
    result = verdict(script, observations, marker, symbol)
    assert (result.verdict, words in result.evidence) == (expected, True), result.evidence


@pytest.mark.parametrize(
    ("marker", "symbol", "expected", "words"),
    [
        ("import-v1", "tf-v1-api", "confirmed", "tf.compat.v1"),
        ("import-from", "tf-v1-api", "confirmed", "tf.compat.v1.get_variable"),
        ("get-variable", "tf-v1-api", "confirmed", "get_variable"),  # called through the from-import
        ("relu", "tf-v1-api", "not-reproduced", "which TF2 has unchanged"),
        ("disable-eager", "tf-disable-eager-execution", "confirmed", "eager execution was off"),
        ("placeholder", "tf-v1-placeholder", "confirmed", "tf.compat.v1.placeholder"),
        ("session", "tf-v1-session", "confirmed", "with tf.compat.v1.Session()"),
        ("run-feed", "tf-v1-session", "confirmed", "tf.compat.v1.Session.run()"),
        ("foreign-run", "tf-v1-session", "not-reproduced", "no TF1 Session API"),
        ("contrib", "tf-v1-removed-module", "confirmed", "No module named 'tensorflow.contrib'"),
        ("never", "tf-v1-session", "not-exercised", "never ran"),
    ],
)
def test_tf1_verdicts(tf1_program, marker, symbol, expected, words):
    script, observations = tf1_program
    result = verdict(script, observations, marker, symbol)
    assert (result.verdict, words in result.evidence) == (expected, True), result.evidence


def test_tf1_namespace_stand_ins_keep_the_program_working(tf1_program):
    _, observations = tf1_program
    assert observations.run["eager_at_exit"] is False
    assert observations.notes == []
