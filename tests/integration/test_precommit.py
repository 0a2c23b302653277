"""The pre-commit hook: the real ``pre-commit try-repo`` of this repository on small projects.

``try-repo`` clones this repository with its uncommitted changes to tracked (or staged)
files, installs it and pylint into a fresh hook environment, and runs the
``tflint-tensorflow`` hook on a throwaway git project. It always builds that environment
in a store of its own that it deletes afterwards (PRE_COMMIT_HOME only holds its log), so
each project below is run once, in a module-scoped fixture, and several tests read the
result.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import REPO

HOOK_ID = "tflint-tensorflow"
MANIFEST = REPO / ".pre-commit-hooks.yaml"

# A traced helper in another file: the finding needs tflint's cross-module analysis.
TRAIN = textwrap.dedent('''\
    """Training entry point."""
    import tensorflow as tf

    from utils import report


    @tf.function
    def train_step(x):
        """One traced step."""
        print("tracing", x)
        return report(x * 2)
    ''')
UTILS = textwrap.dedent('''\
    """Helpers."""


    def report(value):
        """Print a value; runs inside train_step's graph."""
        print("value", value)
        return value
    ''')
CLEAN = textwrap.dedent('''\
    """The same step, printing with tf.print."""
    import tensorflow as tf


    @tf.function
    def train_step(x):
        """One traced step."""
        tf.print("step", x)
        return x * 2
    ''')


def _isolated_env(home: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no machine config, nothing written outside ``home``."""
    env = dict(os.environ)
    for key in list(env):
        if key.startswith(("GIT_", "PRE_COMMIT")):
            del env[key]
    empty_config = home / "gitconfig"
    empty_config.write_text("", encoding="utf-8")
    env.update(
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        PYLINTHOME=str(home / "pylint"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(empty_config),
        GIT_AUTHOR_NAME="tflint tests",
        GIT_AUTHOR_EMAIL="tests@tflint.invalid",
        GIT_COMMITTER_NAME="tflint tests",
        GIT_COMMITTER_EMAIL="tests@tflint.invalid",
    )
    return env


def _try_repo(project: Path, files: dict[str, str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Make ``project`` a git project holding ``files`` (staged) and run the hook on all of them."""
    project.mkdir()
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "--quiet", "."], cwd=project, env=env, check=True)
    subprocess.run(["git", "add", "--", *files], cwd=project, env=env, check=True)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), HOOK_ID, "--all-files", "--color=never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """One isolated home for the module; fails early if try-repo could not see the manifest."""
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", MANIFEST.name], cwd=REPO, capture_output=True, check=False
    )
    assert tracked.returncode == 0, (
        "try-repo only copies tracked or staged files: stage .pre-commit-hooks.yaml (git add) first"
    )
    return _isolated_env(tmp_path_factory.mktemp("precommit-home"))


@pytest.fixture(scope="module")
def pitfall_run(env, tmp_path_factory):
    """The hook on a project with print() in a @tf.function and in a helper it calls."""
    project = tmp_path_factory.mktemp("pitfall") / "project"
    return _try_repo(project, {"train.py": TRAIN, "utils.py": UTILS}, env)


def readme_snippet(document: Path) -> str:
    """The first ``.pre-commit-config.yaml`` that ``document`` tells users to write."""
    text = document.read_text(encoding="utf-8")
    return next(block for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if HOOK_ID in block)


@pytest.fixture(scope="module")
def clean_run(env, tmp_path_factory):
    """The README's snippet, as a user fills it in (a clone of tflint and its commit), on a project
    that prints with tf.print: ``pre-commit run`` installs the hook from that commit."""
    home = tmp_path_factory.mktemp("clean")
    clone = home / "tflint"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], env=env, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=clone, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = readme_snippet(REPO / "README.md").replace("URL-OF-TFLINT", str(clone)).replace("COMMIT", commit)
    project = home / "project"
    project.mkdir()
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (project / "train.py").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "init", "--quiet", "."], cwd=project, env=env, check=True)
    subprocess.run(["git", "add", "--", "train.py", ".pre-commit-config.yaml"], cwd=project, env=env, check=True)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color=never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_the_docs_give_the_readmes_snippet():
    assert (
        readme_snippet(REPO / "docs" / "pre-commit.md").splitlines()[-5:]
        == readme_snippet(REPO / "README.md").splitlines()[-5:]
    )


def test_manifest_declares_the_hook(tmp_path):
    validated = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        env=_isolated_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    hooks = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    hook = hooks[HOOK_ID]
    assert hook["require_serial"] is True
    assert (hook["language"], hook["types"]) == ("python", ["python"])
    assert "--load-plugins=tflint" in hook["entry"].split()


def test_hook_fails_with_tflint_messages_on_a_pitfall(pitfall_run):
    output = pitfall_run.stdout + pitfall_run.stderr
    assert pitfall_run.returncode == 1, output
    assert re.search(rf"^- hook id: {HOOK_ID}$", output, re.MULTILINE), output
    assert re.search(
        r"^train\.py:10:4: W7301: print\(\) in `train_step` .*\(tf-print-in-graph\)$", output, re.MULTILINE
    ), output
    # utils.py is a separate file: only the cross-module analysis knows train_step calls it.
    assert re.search(
        r"^utils\.py:6:4: W7301: print\(\) in `report` .*`train_step`.*\(tf-print-in-graph\)$", output, re.MULTILINE
    ), output


def test_hook_reports_only_tflint_rules_by_default(pitfall_run):
    # TensorFlow is not installed in the hook environment, yet no import-error: only tflint runs.
    symbols = re.findall(r"^\S+\.py:\d+:\d+: [A-Z]\d{4}: .*\(([a-z0-9-]+)\)$", pitfall_run.stdout, re.MULTILINE)
    assert symbols == ["tf-print-in-graph", "tf-print-in-graph"], pitfall_run.stdout


def test_hook_passes_on_a_clean_project(clean_run):
    output = clean_run.stdout + clean_run.stderr
    assert clean_run.returncode == 0, output
    assert re.search(r"^tflint \(TensorFlow graph-mode pitfalls\)\.+Passed$", output, re.MULTILINE), output
