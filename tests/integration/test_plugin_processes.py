"""The plugin in real ``pylint`` processes: ``--enable=tflint`` selects tflint's default rules only,
the never-import-TensorFlow promise (one process and two workers), and the wheel's layout."""

from __future__ import annotations

import os
import subprocess
import textwrap
import zipfile

import pytest
from conftest import PYTHON, REPO, SAMPLES, source_copy

# tests/ is on sys.path: the unit tests hold the one copy of the loop
from unit.test_plugin import EAGER_LOOP


def test_disable_all_enable_tflint_enables_only_tflint(tmp_path):
    case = tmp_path / "case.py"
    case.write_text("import tensorflow as tf\n\n@tf.function\ndef f(x):\n    print(x)\n    return x\n")
    result = subprocess.run(
        [PYTHON, "-m", "pylint", "--load-plugins=tflint", "--disable=all", "--enable=tflint", str(case)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert "tf-print-in-graph" in result.stdout
    assert "missing-module-docstring" not in result.stdout


def test_enable_tflint_leaves_an_opt_in_rule_off(tmp_path):
    """README's "tflint's rules only", the pre-commit hook and the editor settings: the opt-in
    rule stays off; the rules on by default are reported."""
    loop = tmp_path / "loop.py"
    loop.write_text(EAGER_LOOP, encoding="utf-8")
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "pylint",
            "--load-plugins=tflint",
            "--disable=all",
            "--enable=tflint",
            "--persistent=no",
            "--msg-template={line}:{symbol}",
            str(loop),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert (result.stderr, result.returncode) == ("", 4)
    assert [line for line in result.stdout.splitlines() if line[:1].isdigit()] == ["8:tf-print-in-graph"]


_NO_TF_GUARD = textwrap.dedent(
    """
    import sys
    import traceback
    class _Refuse:
        def find_spec(self, name, path=None, target=None):
            # Only a real import counts: astroid looks module specs up without importing.
            importing = any(f.name == "_find_and_load" for f in traceback.extract_stack())
            if importing and name.split(".")[0] in ("tensorflow", "keras", "tf_keras"):
                with open(%r, "a") as log:
                    log.write(name + "\\n")
                raise ImportError("tflint's static path must not import " + name)
            return None
    sys.meta_path.insert(0, _Refuse())
    """
)


@pytest.mark.parametrize("jobs", ["1", "2"], ids=["one-process", "two-workers"])
def test_pylint_on_samples_never_imports_tensorflow_and_keeps_stderr_empty(tmp_path, jobs):
    """Run pylint like a user does, with a guard that logs any TensorFlow import."""
    log = tmp_path / "imports.log"
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(_NO_TF_GUARD % str(log))
    env = dict(os.environ, PYTHONPATH=str(guard))
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
            str(SAMPLES),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=REPO,
    )
    assert result.stderr == ""
    assert not log.exists(), log.read_text()
    assert "tf-print-in-graph" in result.stdout
    assert "tf-internal-error" not in result.stdout
    assert result.returncode != 0  # the bad samples have warnings


def test_wheel_installs_checkers_as_tflint_checkers_only(tmp_path):
    source = source_copy(tmp_path / "source")  # a build in the checkout would reuse its stale build/
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tflint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tflint/checkers/__init__.py" in names
    assert "tflint/__init__.py" in names
    assert not any(n.startswith(("checkers/", "tests/", "samples/")) for n in names)
    assert not any(n.endswith("entry_points.txt") and "tflint =" in n for n in names)
