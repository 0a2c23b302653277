"""The plugin entry: registration, message ids, and the never-import-TensorFlow promise."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import textwrap
import zipfile

import pylint.extensions
import pytest
from pylint.lint import PyLinter

import tflint
from tflint.checker import TFLintChecker
from tflint.checkers import ALL_CHECKERS
from tflint.messages import BASE_ID

from conftest import PYTHON, REPO, SAMPLES


def _linter_with_everything() -> PyLinter:
    linter = PyLinter()
    linter.load_default_plugins()
    for module in pkgutil.iter_modules(pylint.extensions.__path__):
        if not module.name.startswith("_"):
            linter.load_plugin_modules([f"pylint.extensions.{module.name}"])
    return linter


def test_registers_without_collisions_with_pylint_and_all_its_extensions():
    linter = _linter_with_everything()
    tflint.register(linter)  # raises InvalidMessageError on any id or symbol clash
    ours = [m for m in linter.msgs_store.messages if m.symbol.startswith("tf-")]
    assert {m.symbol for m in ours} >= {
        "tf-print-in-graph",
        "tf-python-side-effect",
        "tf-trace-time-value",
        "tf-frozen-python-global",
        "tf-internal-error",
    }
    others = [m for m in linter.msgs_store.messages if not m.symbol.startswith("tf-")]
    assert not any(m.msgid[1:3] == str(BASE_ID) for m in others)


def test_every_message_uses_the_base_id_and_the_tf_prefix():
    for checker_class in ALL_CHECKERS:
        assert issubclass(checker_class, TFLintChecker)
        assert checker_class.name == "tflint"
        for msgid, (_, symbol, *_) in checker_class.msgs.items():
            assert msgid[1:3] == str(BASE_ID), msgid
            assert symbol.startswith("tf-"), symbol


def test_disable_all_enable_tflint_enables_only_tflint(tmp_path):
    case = tmp_path / "case.py"
    case.write_text("import tensorflow as tf\n\n@tf.function\ndef f(x):\n    print(x)\n    return x\n")
    result = subprocess.run(
        [PYTHON, "-m", "pylint", "--load-plugins=tflint", "--disable=all", "--enable=tflint", str(case)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )
    assert "tf-print-in-graph" in result.stdout
    assert "missing-module-docstring" not in result.stdout


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
        [PYTHON, "-m", "pylint", "--load-plugins=tflint", "--disable=all", "--enable=tflint",
         f"-j{jobs}", "--persistent=no", str(SAMPLES)],
        capture_output=True, text=True, env=env, check=False, cwd=REPO,
    )
    assert result.stderr == ""
    assert not log.exists(), log.read_text()
    assert "tf-print-in-graph" in result.stdout
    assert "tf-internal-error" not in result.stdout
    assert result.returncode != 0  # the bad samples have warnings


def test_wheel_installs_checkers_as_tflint_checkers_only(tmp_path):
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("tflint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tflint/checkers/__init__.py" in names
    assert "tflint/__init__.py" in names
    assert not any(n.startswith(("checkers/", "tests/", "samples/")) for n in names)
    assert not any(n.endswith("entry_points.txt") and "tflint =" in n for n in names)
