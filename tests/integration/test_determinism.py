"""Results do not depend on how pylint splits the work: ``-j 1`` and ``-j 2`` agree.

pylint's parallel mode gives each worker process its own copy of the linter and its
own subset of the files, in its own order, and calls the checkers' ``open()`` before
every file. tflint's graph context crosses modules (a helper is traced because a
``@tf.function`` in another module calls it), so any answer that depends on what the
process has seen before shows up here as a difference between the two modes. Each
test lints a small project made in ``tmp_path`` in real pylint subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

from conftest import PYTHON

# A helper module whose functions are traced only through another module's
# @tf.function, a dataset map and a Keras layer: the cross-module graph context.
PROJECT = {
    "pkg/__init__.py": "",
    "pkg/helpers.py": """
        import random
        import time


        def log_step(x):
            print("step", x)
            return x


        def stamp(x):
            return x + time.time()


        def jitter(x):
            return x * random.random()


        def eager_only(x):
            print("never traced", x)
            return x
    """,
    "pkg/train.py": """
        import tensorflow as tf

        from pkg import helpers


        @tf.function
        def train_step(x):
            x = helpers.log_step(x)
            return helpers.stamp(x)


        def run_eagerly(x):
            return helpers.eager_only(x)
    """,
    "pkg/data.py": """
        from pkg.helpers import jitter, log_step


        def pipeline(dataset):
            return dataset.map(lambda x: jitter(log_step(x)))
    """,
    "pkg/model.py": """
        import tensorflow as tf

        from pkg import helpers


        class Scale(tf.keras.layers.Layer):
            def call(self, inputs):
                return helpers.stamp(inputs)
    """,
}

# ``train`` reaches ``worker`` as an attribute of the package (``import pkg`` and
# ``pkg.worker.log_step``), not through an import statement naming ``worker``; the
# package's ``__init__`` has graph-checked code, so ``-j 1`` answers for it first.
ATTRIBUTE_REACH = {
    "pkg/__init__.py": """
        def version():
            print("pkg")
            return 1
    """,
    "pkg/worker.py": """
        import pkg


        def log_step(x):
            print("step", x)
            return x
    """,
    "pkg/train.py": """
        import tensorflow as tf

        import pkg


        @tf.function
        def step(x):
            return pkg.worker.log_step(x)
    """,
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")


def _lint(cwd: Path, jobs: int, *targets: str) -> list[tuple]:
    """tflint's messages from a real pylint process, sorted (pylint's json2 output)."""
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "pylint",
            "--load-plugins=tflint",
            "--disable=all",
            "--enable=tflint",
            f"-j{jobs}",
            "--persistent=no",
            "--score=no",
            "--output-format=json2",
            *targets,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert "Traceback" not in result.stderr, result.stderr
    messages = json.loads(result.stdout)["messages"]
    return sorted((m["path"], m["line"], m["column"], m["symbol"], m["message"]) for m in messages)


def test_cross_module_graph_context_is_identical_with_one_and_two_jobs(tmp_path):
    _write(tmp_path, PROJECT)
    one = _lint(tmp_path, 1, "pkg")
    two = _lint(tmp_path, 2, "pkg")
    assert one == two
    # Not vacuous: the helpers are only traced through the other modules.
    found = {(Path(path).name, line, symbol) for path, line, _, symbol, _ in one}
    assert found == {
        ("helpers.py", 6, "tf-print-in-graph"),
        ("helpers.py", 11, "tf-trace-time-value"),
        ("helpers.py", 15, "tf-trace-time-value"),
    }


def test_a_module_linted_alone_gets_the_messages_of_the_whole_run(tmp_path):
    _write(tmp_path, PROJECT)
    whole = [m for m in _lint(tmp_path, 1, "pkg") if m[0].endswith("helpers.py")]
    alone = _lint(tmp_path, 1, "pkg/helpers.py")
    assert whole == alone


def test_two_packages_in_one_run_match_separate_runs(tmp_path):
    _write(tmp_path / "a", PROJECT)
    _write(
        tmp_path / "b",
        {name.replace("pkg", "other"): source.replace("pkg", "other") for name, source in PROJECT.items()},
    )
    combined = _lint(tmp_path, 2, "a/pkg", "b/other")
    separate = sorted(
        [(f"a/{m[0]}", *m[1:]) for m in _lint(tmp_path / "a", 1, "pkg")]
        + [(f"b/{m[0]}", *m[1:]) for m in _lint(tmp_path / "b", 1, "other")]
    )
    assert combined == separate
    assert len(combined) == 6


def test_answer_does_not_depend_on_which_module_was_linted_first(tmp_path):
    _write(tmp_path, ATTRIBUTE_REACH)
    assert _lint(tmp_path, 1, "pkg") == _lint(tmp_path, 2, "pkg")


def test_script_folders_with_the_same_module_names_match_separate_runs(tmp_path):
    # astroid caches one module per name: b/utils.py must still get its own answer.
    train = """
        import tensorflow as tf

        import utils


        @tf.function
        def step(x):
            return utils.helper(x)
    """
    _write(tmp_path / "a", {"train.py": train, "utils.py": "def helper(x):\n    print(x)\n    return x\n"})
    _write(
        tmp_path / "b", {"train.py": train, "utils.py": "import time\n\n\ndef helper(x):\n    return x + time.time()\n"}
    )
    combined = _lint(tmp_path, 1, "a", "b")
    separate = sorted(
        [(f"a/{m[0]}", *m[1:]) for m in _lint(tmp_path / "a", 1, ".")]
        + [(f"b/{m[0]}", *m[1:]) for m in _lint(tmp_path / "b", 1, ".")]
    )
    assert len(separate) == 2
    assert combined == separate


def test_a_global_patched_from_another_module_gives_the_same_result_in_any_order(tmp_path):
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": """
            import tensorflow as tf

            SCALE = tf.constant(2.0)


            @tf.function
            def scale(x):
                return x * SCALE
        """,
            "pkg/b.py": """
            import tensorflow as tf

            from pkg import a


            def patch():
                a.SCALE = tf.constant(3.0)
        """,
        },
    )
    after_b = [m for m in _lint(tmp_path, 1, "pkg/b.py", "pkg/a.py") if m[0].endswith("a.py")]
    alone = _lint(tmp_path, 1, "pkg/a.py")
    assert not any(m[3] == "tf-internal-error" for m in after_b)
    assert after_b == alone
