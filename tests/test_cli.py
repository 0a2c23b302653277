"""``python -m tflint check|rules|explain|--version``, run as a user runs them: in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile

import pytest
from pylint.lint import PyLinter

import tflint
from tflint.docs import all_rules

from conftest import PYTHON, REPO, SAMPLES

PITFALL = textwrap.dedent(
    """\
    import tensorflow as tf


    @tf.function
    def step(x):
        print(x)
        return x
    """
)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYLINT"))}
    env.update(extra)
    return env


def tflint_cli(*args: str, cwd=REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "tflint", *args], capture_output=True, text=True, cwd=cwd,
                          env=env or _env(), timeout=600, check=False)


@pytest.fixture
def project(tmp_path):
    """A folder with one module holding one tf-print-in-graph, at line 6."""
    (tmp_path / "model.py").write_text(PITFALL, encoding="utf-8")
    return tmp_path


# ---- --version ------------------------------------------------------------------------------


def test_version_names_every_version_a_bug_report_needs_without_importing_tensorflow():
    result = subprocess.run([PYTHON, "-X", "importtime", "-m", "tflint", "--version"],
                            capture_output=True, text=True, cwd=REPO, env=_env(), check=False)
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith(f"tflint {tflint.__version__} (pylint ")
    for word in ("astroid ", "Python ", "TensorFlow "):
        assert word in line
    imported = [row.rsplit("|", 1)[-1].strip() for row in result.stderr.splitlines() if "|" in row]
    assert "pylint" in imported or "tflint" in imported  # -X importtime did list the imports
    assert not [name for name in imported if name.split(".")[0] in ("tensorflow", "keras")]


# ---- rules ----------------------------------------------------------------------------------


def test_rules_lists_every_rule_with_id_category_and_default():
    result = tflint_cli("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "SYMBOL", "CATEGORY", "DEFAULT", "SUMMARY"]
    rows = {line.split()[1]: line.split()[:4] for line in lines[1:]}
    assert set(rows) == {rule.symbol for rule in all_rules()}
    assert rows["tf-print-in-graph"] == ["W7301", "tf-print-in-graph", "warning", "on"]
    assert rows["tf-eager-training-loop"][3] == "off"


def test_rules_as_json():
    result = tflint_cli("rules", "--format=json")
    records = json.loads(result.stdout)
    assert [r["symbol"] for r in records] == [rule.symbol for rule in all_rules()]
    by_symbol = {r["symbol"]: r for r in records}
    assert set(by_symbol["tf-loop-unrolled"]) == {"id", "symbol", "category", "enabled_by_default", "summary"}
    assert by_symbol["tf-loop-unrolled"]["id"] == "R7327"
    assert by_symbol["tf-loop-unrolled"]["category"] == "refactor"
    assert by_symbol["tf-eager-training-loop"]["enabled_by_default"] is False
    assert by_symbol["tf-print-in-graph"]["summary"].endswith(".")


def test_rules_match_the_messages_pylint_registers():
    linter = PyLinter()
    tflint.register(linter)
    registered = {m.msgid: (m.symbol, m.default_enabled)
                  for m in linter.msgs_store.messages if m.symbol.startswith("tf-")}
    records = json.loads(tflint_cli("rules", "--format=json").stdout)
    listed = {r["id"]: (r["symbol"], r["enabled_by_default"]) for r in records}
    assert listed == registered


def test_only_check_takes_arguments_after_a_double_dash():
    result = tflint_cli("rules", "--", "--enable=x")
    assert result.returncode == 2
    assert "rules takes no arguments after --" in result.stderr


# ---- explain --------------------------------------------------------------------------------


def test_explain_prints_the_rule_page_with_its_samples():
    result = tflint_cli("explain", "tf-print-in-graph")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# tf-print-in-graph")
    assert "## Why is this bad?" in result.stdout
    bad = (SAMPLES / "tf-print-in-graph" / "bad.py").read_text(encoding="utf-8")
    assert bad.strip() in result.stdout


def test_explain_accepts_the_message_id_in_any_case():
    by_symbol = tflint_cli("explain", "tf-loop-unrolled").stdout
    assert tflint_cli("explain", "R7327").stdout == by_symbol
    assert tflint_cli("explain", "r7327").stdout == by_symbol


@pytest.mark.parametrize(("typed", "suggested"), [
    ("tf-prnt-in-graph", "tf-print-in-graph"),
    ("print-in-graph", "tf-print-in-graph"),
    ("W7399", "tf-internal-error"),
])
def test_explain_an_unknown_rule_is_a_usage_error_with_suggestions(typed, suggested):
    result = tflint_cli("explain", typed)
    assert (result.returncode, result.stdout) == (2, "")
    assert f"no tflint rule named {typed!r}" in result.stderr
    assert suggested in result.stderr
    assert "Traceback" not in result.stderr


def test_explain_without_any_close_match_points_to_the_rule_list():
    result = tflint_cli("explain", "zzzz")
    assert result.returncode == 2
    assert "Did you mean" not in result.stderr
    assert "python -m tflint rules" in result.stderr


def test_the_wheel_ships_every_rule_page_and_explain_works_from_it(tmp_path):
    """An installed (non-editable) tflint has no repository around it: the pages come from the wheel."""
    # Built from a copy: setuptools builds in the source tree, where another test may build too.
    source = tmp_path / "source"
    for part in ("tflint", "checkers", "docs", "samples"):
        shutil.copytree(REPO / part, source / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / part, source / part)
    subprocess.run([PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("tflint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule in all_rules():
        assert f"tflint/_docs/docs/rules/{rule.symbol}.md" in names
    for sample in SAMPLES.glob("*/*.py"):
        assert f"tflint/_docs/samples/{sample.parent.name}/{sample.name}" in names
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(PYTHONPATH=str(installed))
    where = subprocess.run([PYTHON, "-c", "import tflint; print(tflint.__file__)"], capture_output=True,
                           text=True, cwd=elsewhere, env=env, check=True)
    assert where.stdout.strip() == str(installed / "tflint" / "__init__.py")  # not the checkout
    result = tflint_cli("explain", "W7301", cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == tflint_cli("explain", "tf-print-in-graph").stdout


# ---- check ----------------------------------------------------------------------------------


def test_check_reports_tflint_findings_only_with_pylints_exit_status(project):
    result = tflint_cli("check", "model.py", cwd=project)
    assert result.returncode == 4  # pylint's bit for warnings
    assert "model.py:6:4: W7301:" in result.stdout
    assert "missing-module-docstring" not in result.stdout
    assert "rated" not in result.stdout  # no score
    assert result.stderr == ""  # not a terminal: no progress line


def test_check_a_clean_folder_exits_zero(tmp_path):
    (tmp_path / "clean.py").write_text("import tensorflow as tf\n\nprint(tf.constant(1))\n", encoding="utf-8")
    result = tflint_cli("check", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "", "")


def test_check_passes_arguments_after_double_dash_to_pylint(project):
    result = tflint_cli("check", "model.py", "--", "--disable=tf-print-in-graph", cwd=project)
    assert (result.returncode, result.stdout.strip()) == (0, "")
    result = tflint_cli("check", "model.py", "--", "--exit-zero", "--msg-template={path}:{line}:{symbol}",
                        cwd=project)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "model.py:6:tf-print-in-graph")


def test_check_output_formats_stay_machine_readable(project):
    result = tflint_cli("check", ".", "-f", "json2", "-j", "2", cwd=project)
    report = json.loads(result.stdout)
    assert [(m["symbol"], m["line"]) for m in report["messages"]] == [("tf-print-in-graph", 6)]
    assert result.stderr == ""


def test_check_honours_the_projects_configuration(project):
    (project / "pyproject.toml").write_text(textwrap.dedent(
        """\
        [tool.pylint."messages control"]
        disable = ["missing-module-docstring", "W7301"]
        enable = ["tf-eager-training-loop"]
        """
    ), encoding="utf-8")
    (project / "loop.py").write_text((SAMPLES / "tf-eager-training-loop" / "bad.py").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    result = tflint_cli("check", "model.py", "loop.py", cwd=project)
    assert "tf-print-in-graph" not in result.stdout  # disabled by id in the configuration
    assert "tf-eager-training-loop" in result.stdout  # off by default, enabled by the configuration


def test_check_keeps_off_by_default_rules_off(project):
    (project / "loop.py").write_text((SAMPLES / "tf-eager-training-loop" / "bad.py").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    result = tflint_cli("check", "loop.py", cwd=project)
    assert "tf-eager-training-loop" not in result.stdout
    result = tflint_cli("check", "loop.py", "--", "--enable=tf-eager-training-loop", cwd=project)
    assert "tf-eager-training-loop" in result.stdout


def test_check_reads_tflint_options_from_pyproject(project):
    (project / "wrapped.py").write_text(
        "from mylib import compiled\n\n\n@compiled\ndef step(x):\n    print(x)\n    return x\n", encoding="utf-8"
    )
    assert "tf-print-in-graph" not in tflint_cli("check", "wrapped.py", cwd=project).stdout
    (project / "pyproject.toml").write_text('[tool.pylint.tflint]\ntf-graph-decorators = ["mylib.compiled"]\n',
                                            encoding="utf-8")
    assert "wrapped.py:6:4: W7301:" in tflint_cli("check", "wrapped.py", cwd=project).stdout


def test_check_on_a_missing_path_is_reported_not_a_traceback(tmp_path):
    result = tflint_cli("check", "nowhere.py", cwd=tmp_path)
    assert result.returncode == 1  # pylint's fatal bit
    assert "nowhere.py" in result.stdout
    assert "Traceback" not in result.stderr


def _on_a_terminal(args: list[str], cwd, stdout_too: bool = False) -> tuple[int, str, str]:
    """Run ``python -m tflint ARGS`` with stderr (and maybe stdout) on a pseudo-terminal:
    (exit status, what the terminal got, what the stdout pipe got)."""
    import pty  # pylint: disable=import-outside-toplevel

    main, terminal = pty.openpty()
    child = subprocess.Popen([PYTHON, "-m", "tflint", *args], cwd=cwd, env=_env(TERM="xterm"),
                             stdout=terminal if stdout_too else subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    stdout = b"" if stdout_too else child.stdout.read()
    child.wait(timeout=600)
    os.close(main)
    return child.returncode, seen.decode(), stdout.decode()


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


@needs_pty
@pytest.mark.parametrize(("jobs", "first_line"), [("1", "tflint: parsing 1/4 "), ("2", "tflint: checking 1/4 ")],
                         ids=["in one process", "with worker processes"])
def test_check_shows_a_module_counter_on_a_terminal_stderr(project, jobs, first_line):
    for name in ("a.py", "b.py", "c.py"):
        (project / name).write_text(PITFALL, encoding="utf-8")
    status, terminal, stdout = _on_a_terminal(["check", ".", "-j", jobs], project)
    assert status == 4
    assert first_line in terminal
    assert terminal.endswith("\r\x1b[K")  # erased at the end
    assert stdout.count("W7301") == 4
    assert "tflint:" not in stdout and "\r" not in stdout


@needs_pty
def test_the_counter_never_runs_into_report_lines_on_the_same_terminal(project):
    for name in ("a.py", "b.py"):
        (project / name).write_text(PITFALL, encoding="utf-8")
    status, terminal, _ = _on_a_terminal(["check", ".", "-j", "1"], project, stdout_too=True)
    assert status == 4
    # what stays visible of each line: the text after its last carriage return, erasures removed
    lines = [line.rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in terminal.split("\r\n")]
    assert sum(line.startswith("model.py:6:4: W7301") or line.startswith("a.py:6:4: W7301")
               or line.startswith("b.py:6:4: W7301") for line in lines) == 3
    assert sum(line.startswith("************* Module ") for line in lines) == 3
    assert not [line for line in lines if "tflint:" in line]


@needs_pty
def test_no_progress_keeps_the_terminal_quiet(project):
    status, terminal, stdout = _on_a_terminal(["check", ".", "--no-progress"], project)
    assert (status, terminal) == (4, "")
    assert "W7301" in stdout
