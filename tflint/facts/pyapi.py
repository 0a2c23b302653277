"""Facts about Python and NumPy calls whose effects happen only while TF traces."""

from __future__ import annotations

from tflint.analysis.memo import text_memo

PRINT_CALLS = frozenset({"builtins.print", "pprint.pprint", "pprint.pp", "sys.stdout.write", "sys.stderr.write"})

# Methods that mutate a list/dict/set/deque in place. `append`-like ones are
# unambiguous; the others are common method names on non-containers too, so they are
# only reported when the receiver is known to be a Python container.
UNAMBIGUOUS_MUTATORS = frozenset({"append", "extend", "insert", "appendleft", "extendleft", "setdefault", "popitem"})
AMBIGUOUS_MUTATORS = frozenset({"pop", "remove", "clear", "update", "add", "discard", "sort", "reverse"})

LOGGING_MODULES = ("logging.", "absl.logging.", "tensorflow.get_logger().", "tensorflow.logging.")
LOGGING_METHODS = frozenset(
    {
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "fatal",
        "log",
        "vlog",
        "log_every_n",
        "log_first_n",
    }
)
LOGGER_FACTORIES = frozenset({"logging.getLogger()", "absl.logging.get_absl_logger()", "tensorflow.get_logger()"})

IO_CALLS = frozenset(
    {
        "builtins.open",
        "io.open",
        "os.write",
        "os.remove",
        "os.unlink",
        "os.makedirs",
        "os.mkdir",
        "os.rename",
        "os.replace",
        "os.system",
        "socket.socket",
        "socket.create_connection",
        "json.dump",
        "pickle.dump",
        "numpy.save",
        "numpy.savez",
        "numpy.savetxt",
        "shutil.copy",
        "shutil.copyfile",
        "shutil.move",
        "shutil.rmtree",
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
        "urllib.request.urlopen",
    }
)
IO_PREFIXES = ("tensorflow.io.gfile.",)

# Python values computed at trace time and baked into the graph: (prefix, fix).
_RANDOM_FIX = "draw random numbers with tf.random (stateless ops with a seed tensor, or a tf.random.Generator)"
_TIME_FIX = "use tf.timestamp() to read the clock when the graph runs"
TRACE_TIME_VALUES = (
    ("time.time", _TIME_FIX),
    ("time.time_ns", _TIME_FIX),
    ("time.perf_counter", _TIME_FIX),
    ("time.perf_counter_ns", _TIME_FIX),
    ("time.monotonic", _TIME_FIX),
    ("time.monotonic_ns", _TIME_FIX),
    ("time.process_time", _TIME_FIX),
    ("datetime.datetime.now", _TIME_FIX),
    ("datetime.datetime.utcnow", _TIME_FIX),
    ("datetime.datetime.today", _TIME_FIX),
    ("datetime.date.today", _TIME_FIX),
    ("random.", _RANDOM_FIX),
    ("numpy.random.", _RANDOM_FIX),
    ("uuid.uuid1", "pass an id in as an argument, or make one with tf.random"),
    ("uuid.uuid4", "pass an id in as an argument, or make one with tf.random"),
    ("os.urandom", _RANDOM_FIX),
    ("secrets.", _RANDOM_FIX),
)
# Names under the prefixes above that do not produce a value (seeding, classes).
TRACE_TIME_EXCEPTIONS = frozenset(
    {
        "random.seed",
        "numpy.random.seed",
        "random.Random",
        "numpy.random.RandomState",
        "numpy.random.default_rng",
        "numpy.random.Generator",
        "numpy.random.SeedSequence",
    }
)


# Python/NumPy generator objects: their methods draw numbers at trace time too.
RANDOM_GENERATORS = (
    "random.Random().",
    "numpy.random.default_rng().",
    "numpy.random.RandomState().",
    "numpy.random.Generator().",
)
_GENERATOR_NON_DRAWS = frozenset({"seed", "getstate", "setstate", "bit_generator", "spawn"})


@text_memo(maxsize=4096)
def trace_time_fix(name: str | None) -> str | None:
    """How to fix a call of ``name`` if it computes a value frozen at trace time."""
    if not name or name in TRACE_TIME_EXCEPTIONS:
        return None
    for generator in RANDOM_GENERATORS:
        if name.startswith(generator) and "(" not in name[len(generator) :]:
            return None if name[len(generator) :] in _GENERATOR_NON_DRAWS else _RANDOM_FIX
    for prefix, fix in TRACE_TIME_VALUES:
        if prefix.endswith("."):
            if name.startswith(prefix) and "()" not in name:
                return fix
        elif name == prefix:
            return fix
    return None


def is_logging_call(name: str | None) -> bool:
    """True for ``logging.info(...)``, ``absl.logging.warning``, ``logger.info`` of a known logger."""
    if not name or "." not in name:
        return False
    receiver, method = name.rsplit(".", 1)
    if method not in LOGGING_METHODS:
        return False
    receiver += "."
    return receiver.startswith(LOGGING_MODULES) or any(receiver == f + "." for f in LOGGER_FACTORIES)


def is_io_call(name: str | None) -> bool:
    """True for calls that read or write files, sockets or processes."""
    if not name:
        return False
    return name in IO_CALLS or name.startswith(IO_PREFIXES)
