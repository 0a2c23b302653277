"""``python -m tflint``: the command line, the JSON schema of ``confirm``, and its safety promises
(the parent never imports TensorFlow, static linting never executes code, a missing TensorFlow
gives a clear message)."""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
import zipfile

from conftest import PYTHON, REPO, source_copy
from runtime_support import NO_TENSORFLOW, clean_env, run_cli, write

import tflint
from tflint.runtime.runner import EXIT_NO_TENSORFLOW
from tflint.runtime.static import lint

_FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "symbol",
    "msgid",
    "confidence",
    "message",
    "verdict",
    "evidence",
    "run",
}
_RUN_KEYS = {"name", "kind", "exit_code", "timed_out", "duration", "problem", "stdout_tail", "stderr_tail", "notes"}
_TOP_KEYS = {
    "schema_version",
    "tflint_version",
    "tensorflow_version",
    "python_version",
    "mode",
    "paths",
    "findings",
    "files",
    "runs",
    "problems",
    "summary",
    "exit_status",
}
_PRINTS = """
import tensorflow as tf


@tf.function
def step(x):
    print("step", x)
    return x


for value in (1.0, 2.0, 3.0):
    step(tf.constant(value))
"""


def _without_tensorflow(tmp_path) -> dict[str, str]:
    guard = tmp_path / "no-tensorflow"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_TENSORFLOW, encoding="utf-8")
    return clean_env(PYTHONPATH=str(guard))


def test_version_names_tflint_pylint_astroid_python_and_tensorflow():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"tflint {tflint.__version__} (pylint ")
    assert all(word in result.stdout for word in ("astroid", "Python", "TensorFlow"))


def test_a_command_is_required():
    result = run_cli()
    assert result.returncode == 2
    assert "confirm" in result.stderr


def test_confirm_on_a_missing_path_is_a_usage_error(tmp_path):
    result = run_cli("confirm", "nowhere.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert "no such file or folder: nowhere.py" in result.stderr


def test_confirm_rejects_an_unknown_verdict_in_fail_on(tmp_path):
    result = run_cli("confirm", ".", "--fail-on", "maybe", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown verdict maybe" in result.stderr


def test_files_without_findings_run_nothing(tmp_path):
    write(tmp_path, "clean.py", "import tensorflow as tf\n\nprint(tf.constant(1.0))\n")
    # Nothing may run: TensorFlow is importable by the parent's check only.
    result = run_cli("confirm", str(tmp_path / "clean.py"), "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert (result.returncode, report["findings"], report["runs"]) == (0, [], [])
    assert report["files"] == [{"path": "clean.py", "findings": 0, "run": False}]


def test_a_file_that_does_not_parse_is_a_problem_not_a_clean_file(tmp_path):
    write(tmp_path, "clean.py", "import tensorflow as tf\n\nprint(tf.constant(1.0))\n")
    write(tmp_path, "broken.py", "import tensorflow as tf\n\ndef step(x:\n    return x\n")
    result = run_cli("confirm", ".", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "clean.py: no findings" in result.stdout
    assert "broken.py: no findings" not in result.stdout
    assert re.search(
        r"^could not analyse .*broken\.py:3: syntax-error: .*\(its findings are unknown\)$", result.stdout, re.MULTILINE
    ), result.stdout
    report = json.loads(run_cli("confirm", ".", "--format", "json", cwd=tmp_path).stdout)
    assert report["exit_status"] == 2 and len(report["problems"]) == 1


def test_missing_tensorflow_tells_how_to_install_it(tmp_path):
    write(tmp_path, "prints.py", _PRINTS)
    result = run_cli("confirm", "prints.py", cwd=tmp_path, env=_without_tensorflow(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert "TensorFlow is not installed" in result.stderr
    assert "pip install tensorflow-cpu" in result.stderr


def test_the_child_reports_a_missing_tensorflow_without_running_user_code(tmp_path):
    script = write(tmp_path, "prints.py", "open('ran', 'w').close()\n")
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "kind": "script",
                "name": "prints.py",
                "target": str(script),
                "cwd": str(tmp_path),
                "sys_path0": str(tmp_path),
                "argv": [str(script)],
                "trace_files": [str(script)],
            }
        )
    )
    result = subprocess.run(
        [PYTHON, "-m", "tflint.runtime.child", "--plan", str(plan), "--out", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_without_tensorflow(tmp_path),
        check=False,
    )
    assert result.returncode == EXIT_NO_TENSORFLOW
    assert "pip install tensorflow-cpu" in result.stderr
    assert not (tmp_path / "ran").exists() and not (tmp_path / "o.json").exists()


def test_static_analysis_never_executes_the_code(tmp_path):
    script = write(
        tmp_path,
        "effects.py",
        """
        import pathlib

        import tensorflow as tf

        pathlib.Path(__file__).with_name("executed").write_text("yes")


        @tf.function
        def step(x):
            print(x)
            return x
    """,
    )
    result = lint([str(script)])
    assert [f.symbol for f in result.findings] == ["tf-print-in-graph"]
    assert not (tmp_path / "executed").exists()


def test_the_parent_never_imports_tensorflow_and_the_json_follows_the_schema(tmp_path):
    write(tmp_path, "prints.py", _PRINTS)
    probe = textwrap.dedent("""
        import contextlib, io, json, sys
        from tflint.__main__ import main
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["confirm", "prints.py", "--format", "json"])
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras", "tf_keras"))
        print(json.dumps({"status": status, "loaded": loaded, "report": json.loads(out.getvalue())}))
    """)
    result = subprocess.run(
        [PYTHON, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(PYTHONPATH=str(REPO)),
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    probe_out = json.loads(result.stdout)
    assert probe_out["loaded"] == []
    report = probe_out["report"]
    assert set(report) == _TOP_KEYS
    assert (report["schema_version"], report["tflint_version"], report["mode"]) == (1, tflint.__version__, "scripts")
    assert isinstance(report["tensorflow_version"], str) and report["paths"] == ["prints.py"]
    (finding,) = [f for f in report["findings"] if f["symbol"] == "tf-print-in-graph"]
    assert set(finding) == _FINDING_KEYS
    assert (finding["path"], finding["line"], finding["symbol"], finding["msgid"]) == (
        "prints.py",
        6,
        "tf-print-in-graph",
        "W7301",
    )
    assert finding["verdict"] in ("confirmed", "not-reproduced", "not-exercised")
    assert (finding["verdict"], finding["run"]) == ("confirmed", "prints.py")
    assert isinstance(finding["evidence"], str) and finding["evidence"]
    (run,) = report["runs"]
    assert set(run) == _RUN_KEYS and run["kind"] == "script" and run["problem"] is None
    assert report["files"] == [{"path": "prints.py", "findings": 1, "run": True}]
    assert report["summary"] == {
        "findings": 1,
        "confirmed": 1,
        "not-reproduced": 0,
        "not-exercised": 0,
        "by_symbol": {"tf-print-in-graph": {"confirmed": 1, "not-reproduced": 0, "not-exercised": 0}},
        "files": 1,
        "files_with_findings": 1,
        "runs": 1,
        "runs_with_problems": 0,
    }
    assert report["exit_status"] == probe_out["status"] == 0


def test_only_tflint_messages_become_findings(tmp_path):
    script = write(
        tmp_path,
        "pragmas.py",
        """
        import tensorflow as tf  # pylint: disable=g-import-not-at-top


        @tf.function
        def step(x):
            print(x)
            return x
    """,
    )
    result = lint([str(script)])
    assert [(f.symbol, f.msgid) for f in result.findings] == [("tf-print-in-graph", "W7301")]


def test_the_wheel_ships_the_runtime_mode(tmp_path):
    # from a clean copy: a build in the checkout would reuse its stale build/ folder
    source = source_copy(tmp_path / "source")
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tflint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tflint/__main__.py" in names
    assert {
        "tflint/runtime/child.py",
        "tflint/runtime/instrument/__init__.py",
        "tflint/runtime/instrument/core.py",
        "tflint/runtime/confirmations.py",
    } <= set(names)
