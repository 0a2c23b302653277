"""``python -m tflint check|rules|explain|--version``, run as a user runs them: in a subprocess."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import zipfile

import pytest
import yaml
from conftest import PYTHON, REPO, SAMPLES
from pylint.lint import PyLinter

import tflint
from tflint.cli import check as cli_check
from tflint.docs import all_rules

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
    return subprocess.run(
        [PYTHON, "-m", "tflint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or _env(),
        timeout=600,
        check=False,
    )


@pytest.fixture
def project(tmp_path):
    """A folder with one module holding one tf-print-in-graph, at line 6."""
    (tmp_path / "model.py").write_text(PITFALL, encoding="utf-8")
    return tmp_path


# ---- --version ------------------------------------------------------------------------------


def test_version_names_every_version_a_bug_report_needs_without_importing_tensorflow():
    result = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "tflint", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=_env(),
        check=False,
    )
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
    registered = {
        m.msgid: (m.symbol, m.default_enabled) for m in linter.msgs_store.messages if m.symbol.startswith("tf-")
    }
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


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("tf-prnt-in-graph", "tf-print-in-graph"),
        ("print-in-graph", "tf-print-in-graph"),
        ("W7399", "tf-internal-error"),
    ],
)
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
        shutil.copytree(
            REPO / part,
            source / part,
            symlinks=True,  # tflint/checkers stays a link
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / part, source / part)
    subprocess.run(
        [PYTHON, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
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
    where = subprocess.run(
        [PYTHON, "-c", "import tflint; print(tflint.__file__)"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    )
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
    result = tflint_cli("check", "model.py", "--", "--exit-zero", "--msg-template={path}:{line}:{symbol}", cwd=project)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "model.py:6:tf-print-in-graph")


def test_check_output_formats_stay_machine_readable(project):
    result = tflint_cli("check", ".", "-f", "json2", "-j", "2", cwd=project)
    report = json.loads(result.stdout)
    assert [(m["symbol"], m["line"]) for m in report["messages"]] == [("tf-print-in-graph", 6)]
    assert result.stderr == ""


def test_check_honours_the_projects_configuration(project):
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
        [tool.pylint."messages control"]
        disable = ["missing-module-docstring", "W7301"]
        enable = ["tf-eager-training-loop"]
        """
        ),
        encoding="utf-8",
    )
    (project / "loop.py").write_text(
        (SAMPLES / "tf-eager-training-loop" / "bad.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = tflint_cli("check", "model.py", "loop.py", cwd=project)
    assert "tf-print-in-graph" not in result.stdout  # disabled by id in the configuration
    assert "tf-eager-training-loop" in result.stdout  # off by default, enabled by the configuration


def test_check_keeps_off_by_default_rules_off(project):
    (project / "loop.py").write_text(
        (SAMPLES / "tf-eager-training-loop" / "bad.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = tflint_cli("check", "loop.py", cwd=project)
    assert "tf-eager-training-loop" not in result.stdout
    result = tflint_cli("check", "loop.py", "--", "--enable=tf-eager-training-loop", cwd=project)
    assert "tf-eager-training-loop" in result.stdout


def _findings(stdout: str) -> list[str]:
    """The ``path:line:symbol`` lines of a run with that ``--msg-template``, sorted."""
    return sorted(line for line in stdout.splitlines() if line.count(":") == 2 and not line.startswith("*"))


def test_check_the_pre_commit_hook_and_enable_tflint_agree_on_opt_in_rules(project):
    """The documented ways to run "tflint's rules only" report the same findings: the hook must not
    fail code that ``check`` passes because an opt-in rule was on in one of them only."""
    (project / "loop.py").write_text(
        (SAMPLES / "tf-eager-training-loop" / "bad.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    template = "--msg-template={path}:{line}:{symbol}"
    (hook,) = [
        h
        for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
        if h["id"] == "tflint-tensorflow"
    ]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "pylint"
    files = ["loop.py", "model.py"]  # pre-commit passes the file names
    runs = {
        "check": tflint_cli("check", ".", "--", template, cwd=project),
        "pre-commit hook": subprocess.run(
            [PYTHON, "-m", *entry, *hook["args"], template, *files],
            capture_output=True,
            text=True,
            cwd=project,
            env=_env(),
            check=False,
        ),
        "--disable=all --enable=tflint": subprocess.run(
            [
                PYTHON,
                "-m",
                "pylint",
                "--load-plugins",
                "tflint",
                "--disable=all",
                "--enable=tflint",
                "--score=no",
                template,
                *files,
            ],
            capture_output=True,
            text=True,
            cwd=project,
            env=_env(),
            check=False,
        ),
    }
    found = {form: _findings(run.stdout) for form, run in runs.items()}
    assert found["check"] == ["model.py:6:tf-print-in-graph"]  # the opt-in rule stays off
    assert found == dict.fromkeys(runs, found["check"])


# A package whose sub-folder has no __init__.py: pylint alone never looks inside it.
NESTED = {
    "pkg/__init__.py": "",
    "pkg/train.py": PITFALL,
    "pkg/models/net.py": PITFALL,
    "pkg/models/blocks/layer.py": PITFALL,
}
# Folders no one means to lint: each holds a pitfall that must not be reported.
NOT_LINTED = [
    ".hidden/mod.py",
    "venv/lib/mod.py",
    ".venv/lib/mod.py",
    "env312/lib/mod.py",
    "pkg/__pycache__/mod.py",
    "node_modules/tool/mod.py",
    "lib/site-packages/mod.py",
    "build/lib/mod.py",
    "dist/mod.py",
    ".tox/py311/mod.py",
    ".nox/tests/mod.py",
    "pkg.egg-info/mod.py",
]


def _write_tree(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_check_lints_every_python_file_below_a_folder_even_without_init(tmp_path):
    _write_tree(tmp_path, NESTED)
    result = tflint_cli("check", "pkg", "--", "--msg-template={path}:{line}:{symbol}", cwd=tmp_path)
    assert _findings(result.stdout) == [
        "pkg/models/blocks/layer.py:6:tf-print-in-graph",
        "pkg/models/net.py:6:tf-print-in-graph",
        "pkg/train.py:6:tf-print-in-graph",
    ]
    assert result.returncode == 4


def test_check_skips_hidden_folders_virtualenvs_caches_and_build_output(tmp_path):
    _write_tree(tmp_path, {**NESTED, **dict.fromkeys(NOT_LINTED, PITFALL)})
    (tmp_path / "env312" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")  # a venv by another name
    result = tflint_cli("check", ".", "--", "--msg-template={path}:{line}:{symbol}", cwd=tmp_path)
    assert [line.split(":")[0] for line in _findings(result.stdout)] == [
        "pkg/models/blocks/layer.py",
        "pkg/models/net.py",
        "pkg/train.py",
    ]


def test_check_applies_pylints_ignore_options_to_the_files_it_finds(tmp_path):
    _write_tree(
        tmp_path,
        {
            **NESTED,
            "pkg/models/generated/proto.py": PITFALL,  # ignore = ["generated"]: a folder's name
            "pkg/models/skip_me.py": PITFALL,  # ignore-patterns: a file's name
            "pkg/legacy/old.py": PITFALL,  # --ignore-paths on the command line: a folder's path
        },
    )
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
        [tool.pylint.main]
        ignore = ["generated"]
        ignore-patterns = ["^skip_"]
        """
        ),
        encoding="utf-8",
    )
    result = tflint_cli(
        "check", "pkg", "--", "--ignore-paths=pkg/legacy", "--msg-template={path}:{line}:{symbol}", cwd=tmp_path
    )
    assert [line.split(":")[0] for line in _findings(result.stdout)] == [
        "pkg/models/blocks/layer.py",
        "pkg/models/net.py",
        "pkg/train.py",
    ]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ({}, ["--disable=all", "--enable=tflint"]),
        (
            {"enable": "tf-eager-training-loop, unused-import"},
            ["--disable=all", "--enable=tflint", "--enable=tf-eager-training-loop"],
        ),
        ({"disable": "all", "enable": "W7301\nc7336"}, ["--disable=all", "--enable=W7301,c7336"]),
        (
            {"disable": "all,W7301", "enable": "TFLINT,tflint-opt-in"},
            ["--disable=all", "--enable=tflint", "--enable=tflint-opt-in", "--disable=W7301"],
        ),
    ],
    ids=[
        "no configuration",
        "an opt-in rule enabled",
        "disable=all and a list of rules",
        "both checker names, in any case",
    ],
)
def test_rule_selection_replays_the_configurations_tflint_entries(config, expected):
    assert cli_check.rule_selection(cli_check.UserConfig(config)) == expected


def test_check_keeps_files_and_module_names_as_given(tmp_path):
    _write_tree(tmp_path, {**NESTED, "scripts/train": PITFALL})  # a script without .py: linted when named
    result = tflint_cli(
        "check", "pkg.train", "scripts/train", "--", "--msg-template={path}:{line}:{symbol}", cwd=tmp_path
    )
    assert _findings(result.stdout) == ["pkg/train.py:6:tf-print-in-graph", "scripts/train:6:tf-print-in-graph"]


def test_check_reads_tflint_options_from_pyproject(project):
    (project / "wrapped.py").write_text(
        "from mylib import compiled\n\n\n@compiled\ndef step(x):\n    print(x)\n    return x\n", encoding="utf-8"
    )
    assert "tf-print-in-graph" not in tflint_cli("check", "wrapped.py", cwd=project).stdout
    (project / "pyproject.toml").write_text(
        '[tool.pylint.tflint]\ntf-graph-decorators = ["mylib.compiled"]\n', encoding="utf-8"
    )
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
    child = subprocess.Popen(
        [PYTHON, "-m", "tflint", *args],
        cwd=cwd,
        env=_env(TERM="xterm"),
        stdout=terminal if stdout_too else subprocess.PIPE,
        stderr=terminal,
    )
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
@pytest.mark.parametrize(
    ("jobs", "first_line"),
    [("1", "tflint: parsing 1/4 "), ("2", "tflint: checking 1/4 ")],
    ids=["in one process", "with worker processes"],
)
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
def test_the_counter_counts_the_files_found_below_a_folder(tmp_path):
    _write_tree(tmp_path, NESTED)
    status, terminal, stdout = _on_a_terminal(["check", "pkg", "-j", "1"], tmp_path)
    assert status == 4
    assert "tflint: parsing 1/4 " in terminal  # __init__.py, train.py and the two files without a package
    assert stdout.count("W7301") == 3


@needs_pty
def test_the_counter_never_runs_into_report_lines_on_the_same_terminal(project):
    for name in ("a.py", "b.py"):
        (project / name).write_text(PITFALL, encoding="utf-8")
    status, terminal, _ = _on_a_terminal(["check", ".", "-j", "1"], project, stdout_too=True)
    assert status == 4
    # what stays visible of each line: the text after its last carriage return, erasures removed
    lines = [line.rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in terminal.split("\r\n")]
    assert sum(line.startswith(("model.py:6:4: W7301", "a.py:6:4: W7301", "b.py:6:4: W7301")) for line in lines) == 3
    assert sum(line.startswith("************* Module ") for line in lines) == 3
    assert not [line for line in lines if "tflint:" in line]


@needs_pty
def test_no_progress_keeps_the_terminal_quiet(project):
    status, terminal, stdout = _on_a_terminal(["check", ".", "--no-progress"], project)
    assert (status, terminal) == (4, "")
    assert "W7301" in stdout
