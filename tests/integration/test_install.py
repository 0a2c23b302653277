"""tflint installed the way users install it: a wheel and an sdist, each installed non-editable in
a fresh virtual environment, used from a folder outside the checkout.

The rest of the suite runs on the editable install that ``make`` creates, which hides everything
an installed package lacks (the repository around it, the install-time mapping of ``checkers/``,
``sys.path`` entries). Here the wheel's environment gets the runtime extra (TensorFlow, from pip's
cache after ``make``'s own install) and pytest; the sdist's gets tflint alone, as a lint step
would. Both environments are built once per session, also across pytest-xdist workers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES, source_copy
from runtime_support import clean_env, shared, write

BAD = sorted(SAMPLES.glob("*/bad.py"))
GOOD = sorted(SAMPLES.glob("*/good.py"))
_LINT = ("--load-plugins=tflint", "--disable=all", "--enable=tflint", "--score=no", "--persistent=no")


def _commit(folder: Path) -> None:
    """Make ``folder`` a git repository of one commit, as a user's clone is (git+ URLs need one)."""
    env = dict(
        _user_env(),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@t.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@t.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    for command in (["init", "--quiet", "."], ["add", "--all"], ["commit", "--quiet", "-m", "snapshot"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)


def _venv(folder: Path, *requirements: str) -> Path:
    """A fresh virtual environment with a current pip (as ``make`` sets up; the pip that ``venv``
    bundles may be years old) and ``requirements`` installed. pip's cache is reused."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, capture_output=True)
    python = folder / "bin" / "python"
    for step in (["--upgrade", "pip"], list(requirements)):
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *step],
            capture_output=True,
            text=True,
            env=_user_env(),
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
    return python


def _user_env(venv_python: Path | None = None) -> dict[str, str]:
    """A shell of a user who activated ``venv_python``'s environment: nothing of the checkout's."""
    env = clean_env()
    for name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
        env.pop(name, None)
    if venv_python is not None:
        env["PATH"] = os.pathsep.join((str(venv_python.parent), env.get("PATH", "")))
    return env


@pytest.fixture(scope="session")
def installs(tmp_path_factory) -> dict[str, str]:
    """Build the sdist and (from it) the wheel, and install each into its own fresh venv."""

    def build() -> dict[str, str]:
        root = tmp_path_factory.mktemp("install")
        source = source_copy(root / "clone")
        _commit(source)
        dist = root / "dist"
        result = subprocess.run(
            [sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
            capture_output=True,
            text=True,
            env=_user_env(),
            check=False,
        )
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        (wheel,) = dist.glob("tflint-*.whl")
        (sdist,) = dist.glob("tflint-*.tar.gz")
        return {
            "clone": str(source),
            "clone_git": str(source / ".git"),
            "wheel": str(wheel),
            "wheel_python": str(_venv(root / "wheel-venv", f"tflint[runtime] @ {wheel.as_uri()}", "pytest")),
            "sdist_python": str(_venv(root / "sdist-venv", str(sdist))),
        }

    return shared(tmp_path_factory, "installs", build, wait=1500)


@pytest.fixture
def elsewhere(tmp_path) -> Path:
    """A user's folder outside the checkout, holding a copy of the samples."""
    shutil.copytree(SAMPLES, tmp_path / "samples", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _run(python: str | Path, *args: str, cwd: Path, timeout: float = 900, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(python), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**_user_env(Path(python)), **env},
        timeout=timeout,
        check=False,
    )


def _checkout(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The same command with the editable install of the checkout: the reference."""
    return _run(sys.executable, *args, cwd=cwd)


# ---- what is installed ----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["wheel_python", "sdist_python"])
def test_the_installed_tflint_is_not_the_checkout(installs, elsewhere, which):
    where = _run(
        installs[which], "-c", "import tflint, tflint.checkers; print(tflint.checkers.__file__)", cwd=elsewhere
    )
    assert where.returncode == 0, where.stderr
    assert "site-packages" in where.stdout and str(REPO) not in where.stdout


def test_the_readmes_git_install_command_works(installs, tmp_path):
    """``pip install 'tflint @ git+URL-OF-TFLINT'`` from the README, with a clone's file URL."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = next(
        line.split("#")[0].strip()
        for line in readme.splitlines()
        if line.startswith("pip install") and "git+URL-OF-TFLINT'" in line
    )
    repository = tmp_path / "tflint.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", installs["clone_git"], str(repository)], check=True)
    url = command.split("'")[1].replace("URL-OF-TFLINT", repository.as_uri())
    python = _venv(tmp_path / "venv", url)
    result = _run(python, "-m", "tflint", "check", str(SAMPLES / "tf-print-in-graph" / "bad.py"), cwd=tmp_path)
    assert result.returncode == 4 and "W7301" in result.stdout, result.stderr


def test_the_wheel_ships_every_package_of_the_source_tree(installs):
    """pyproject lists the packages by hand: a new subpackage left out would vanish from installs."""
    import zipfile  # pylint: disable=import-outside-toplevel

    names = set(zipfile.ZipFile(installs["wheel"]).namelist())
    source = [
        p.relative_to(REPO).as_posix()
        for p in (REPO / "tflint").rglob("*.py")
        if "__pycache__" not in p.parts and not p.relative_to(REPO).as_posix().startswith("tflint/checkers/")
    ]
    source += [f"tflint/checkers/{p.name}" for p in (REPO / "checkers").glob("*.py")]
    assert sorted(set(source) - names) == []


def test_the_wheel_ships_no_generators_and_a_license(installs):
    import zipfile  # pylint: disable=import-outside-toplevel

    names = zipfile.ZipFile(installs["wheel"]).namelist()
    assert not [n for n in names if n.startswith(("tools/", "tests/")) or n.endswith("tf1_table.py")]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(installs["wheel"]).read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert "Project-URL: Documentation, https://" in text
    for requirement in ("pylint", "astroid", "tensorflow-cpu"):
        line = next(entry for entry in text.splitlines() if entry.startswith(f"Requires-Dist: {requirement}"))
        assert "<" in line, f"{requirement} has no upper bound: {line}"


# ---- the static linter, wheel and sdist -----------------------------------------------------


@pytest.mark.parametrize("which", ["wheel_python", "sdist_python"])
def test_pylint_with_the_installed_plugin_reports_what_the_checkout_reports(installs, elsewhere, which):
    args = ("-m", "pylint", *_LINT, "samples/")
    installed, checkout = _run(installs[which], *args, cwd=elsewhere), _checkout(*args, cwd=elsewhere)
    assert installed.stderr == ""
    assert installed.returncode == checkout.returncode != 0
    assert installed.stdout == checkout.stdout
    assert "bad.py" in installed.stdout and "good.py" not in installed.stdout


@pytest.mark.parametrize("which", ["wheel_python", "sdist_python"])
def test_rules_explain_and_check_work_installed(installs, elsewhere, which):
    for args in (("rules", "--format=json"), ("explain", "tf-print-in-graph"), ("check", "samples/")):
        installed = _run(installs[which], "-m", "tflint", *args, cwd=elsewhere)
        checkout = _checkout("-m", "tflint", *args, cwd=elsewhere)
        assert (installed.returncode, installed.stdout) == (checkout.returncode, checkout.stdout), args
        assert "Traceback" not in installed.stderr


def test_without_tensorflow_confirm_says_so_in_one_line(installs, elsewhere):
    result = _run(installs["sdist_python"], "-m", "tflint", "confirm", "samples/tf-print-in-graph/", cwd=elsewhere)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "TensorFlow is not installed" in result.stderr


# ---- the runtime mode, wheel ----------------------------------------------------------------


def test_confirm_installed_confirms_every_bad_sample_finding(installs, elsewhere):
    result = _run(
        installs["wheel_python"],
        "-m",
        "tflint",
        "confirm",
        "samples/",
        "--format",
        "json",
        "--jobs",
        "2",
        "--",
        "--enable=tflint-opt-in",
        cwd=elsewhere,
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert result.returncode == 0, json.dumps(report["summary"], indent=2)
    findings = report["findings"]
    assert {f["path"].split("/")[-1] for f in findings} == {"bad.py"}
    assert {f["path"] for f in findings} == {f"samples/{path.parent.name}/bad.py" for path in BAD}
    assert [(f["path"], f["line"], f["verdict"]) for f in findings if f["verdict"] != "confirmed"] == []
    assert {f["path"] for f in report["files"] if f["findings"] == 0} == {
        f"samples/{path.parent.name}/good.py" for path in GOOD
    }


def test_confirm_pytest_runs_the_users_suite_with_the_environments_pytest(installs, tmp_path):
    write(
        tmp_path,
        "model.py",
        """
        import tensorflow as tf


        @tf.function
        def step(x):
            print("tracing")
            return x + 1
    """,
    )
    write(
        tmp_path,
        "test_model.py",
        """
        import tensorflow as tf

        from model import step


        def test_step():
            for value in range(3):
                assert int(step(tf.constant(value))) == value + 1
    """,
    )
    result = _run(
        installs["wheel_python"],
        "-m",
        "tflint",
        "confirm",
        ".",
        "--pytest",
        "-q -p no:cacheprovider",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert [(f["symbol"], f["verdict"]) for f in report["findings"]] == [("tf-print-in-graph", "confirmed")]
    assert report["runs"][0]["exit_code"] == 0, report["runs"][0]["stderr_tail"]


# ---- a source checkout beside a non-editable install ----------------------------------------


def test_a_clone_root_works_like_the_installed_package(installs):
    """``python -m tflint`` in a clone imports the clone's tflint (the folder is first on sys.path):
    its ``checkers`` must resolve there too, and confirm's child must find the environment's TF."""
    clone = Path(installs["clone"])
    rules = _run(installs["wheel_python"], "-m", "tflint", "rules", cwd=clone)
    assert rules.returncode == 0 and "tf-print-in-graph" in rules.stdout, rules.stderr
    where = _run(installs["wheel_python"], "-c", "import tflint.checkers; print(tflint.checkers.__file__)", cwd=clone)
    assert where.stdout.startswith(str(clone)), where.stdout + where.stderr
    result = _run(
        installs["wheel_python"],
        "-m",
        "tflint",
        "confirm",
        "samples/tf-print-in-graph/bad.py",
        "--format",
        "json",
        cwd=clone,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    verdicts = {f["verdict"] for f in json.loads(result.stdout)["findings"]}
    assert verdicts == {"confirmed"}


def test_a_tree_whose_checkers_cannot_load_fails_loudly(installs, tmp_path):
    """A source tree without its checkers (the layout before the link, a broken copy) on sys.path
    first: every command says so in one line and exits 2; confirm reports no "no findings"."""
    tree = tmp_path / "tree"
    shutil.copytree(Path(installs["clone"]) / "tflint", tree / "tflint", symlinks=True)
    (tree / "tflint" / "checkers").unlink()
    shutil.copytree(SAMPLES / "tf-print-in-graph", tree / "samples")
    python = installs["wheel_python"]
    for args in (("rules",), ("explain", "tf-print-in-graph"), ("check", "samples/"), ("confirm", "samples/")):
        result = _run(python, "-m", "tflint", *args, cwd=tree)
        assert result.returncode == 2, args
        assert result.stdout == "", args
        assert result.stderr.count("\n") == 1 and "checkers cannot be loaded" in result.stderr, (args, result.stderr)
    # pylint takes the working folder off sys.path, but not PYTHONPATH: the broken tree is imported
    (tree / "samples" / "plain.py").write_text('"""A module."""\nimport os\n', encoding="utf-8")
    plain = _run(python, "-m", "pylint", "--load-plugins=tflint", "samples/", cwd=tree, PYTHONPATH=str(tree))
    assert "bad-plugin-value" in plain.stdout and "checkers cannot be loaded" in plain.stdout
    assert plain.returncode & 2  # pylint's error bit: the run is not green
    assert "Traceback" not in plain.stderr
    assert "samples/plain.py:2:0: W0611: Unused import os (unused-import)" in plain.stdout  # pylint's own checkers ran
