"""``make new-rule``: in a copy of the repository, the scaffold creates every piece of a rule; the
new rule's own tests fail until it is filled in while the suite's checks on the docs pass for it;
it refuses existing symbols, bad names and taken ids. Also: the generated table of docs/runtime.md
is fresh, and no rule in the repository is left a skeleton."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PYTHON, REPO

from tools.docs_gen import runtime_markdown
from tools.new_rule import MARKER

SYMBOL = "tf-scaffolded-rule"
STEM = "tf_scaffolded_rule"
# What the repository copy needs: the package (tflint/checkers is a symbolic link to ../checkers,
# kept as a link), the tools, the tests and everything the tests read.
COPIED = (
    "tflint",
    "checkers",
    "tools",
    "tests",
    "docs",
    "samples",
    "README.md",
    "pyproject.toml",
    "Makefile",
    "mkdocs.yml",
)
# Where a skeleton's placeholders may be left behind.
RULE_PLACES = (
    "checkers/*.py",
    "docs/rules/*.md",
    "samples/*/*.py",
    "tests/functional/*/*",
    "tflint/runtime/confirmations.py",
    "README.md",
    "docs/index.md",
    "docs/runtime.md",
)


def _copy_repository(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".hypothesis")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True, ignore=ignored)
        else:
            shutil.copy2(source, target / name)
    return target


def _env(repo: Path) -> dict[str, str]:
    """The copy's own tflint and tools first; no trace of an outer pytest-xdist run."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST_", "COV_"))}
    env["PYTHONPATH"] = str(repo)
    return env


def _run(repo: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, *args], cwd=repo, env=_env(repo), capture_output=True, text=True, timeout=timeout, check=False
    )


def _new_rule(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return _run(repo, "-m", "tools.new_rule", *args)


def _files(repo: Path) -> dict[str, bytes]:
    return {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and not p.is_symlink() and "__pycache__" not in p.parts
    }


def _test_file(repo: Path, name: str) -> str:
    """A test module of the copy, wherever the suite keeps it."""
    (found,) = sorted(repo.glob(f"tests/**/{name}"))
    return found.relative_to(repo).as_posix()


# The suite's checks that concern one rule or all of them at once (selected by name, below).
SUITE = (
    "test_functional.py",
    "test_samples.py",
    "test_docs.py",
    "test_readme.py",
    "test_runtime_rules.py",
    "test_plugin.py",
    "test_scaffold.py",
)
SELECTED = (
    f"{SYMBOL} or {STEM} or every_rule or every_message or checkers_name or index or readme "
    "or runtime_table or skeleton"
)


def _outcomes(repo: Path) -> dict[str, str]:
    """Run the selected checks in the copy: ``{test id: "passed" | "failed" | "skipped"}``.

    The samples are linted but not run here (that needs TensorFlow, minutes on two cores): the
    skeleton samples stop with an error on purpose.
    """
    report = repo / "report.xml"
    result = _run(
        repo,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--junitxml={report}",
        "-k",
        f"({SELECTED}) and not real_tensorflow and not scaffold_creates and not refuses",
        *(_test_file(repo, name) for name in SUITE),
    )
    assert report.is_file(), result.stdout[-3000:] + result.stderr[-3000:]
    outcomes = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        test_id = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
        failed = case.find("failure") is not None or case.find("error") is not None
        outcomes[test_id] = "failed" if failed else "skipped" if case.find("skipped") is not None else "passed"
    return outcomes


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    repo = _copy_repository(tmp_path_factory.mktemp("scaffold") / "repo")
    return repo, _new_rule(repo, SYMBOL)


def test_the_scaffold_creates_every_piece_of_a_rule(scaffolded):
    repo, result = scaffolded
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    created = {
        "checkers/scaffolded_rule.py",
        f"tests/functional/{SYMBOL}/{STEM}.py",
        f"tests/functional/{SYMBOL}/{STEM}.rc",
        f"tests/functional/{SYMBOL}/{STEM}.txt",
        f"tests/functional/{SYMBOL}/{STEM}_noerror.py",
        f"tests/functional/{SYMBOL}/{STEM}_noerror.rc",
        f"samples/{SYMBOL}/bad.py",
        f"samples/{SYMBOL}/good.py",
        f"docs/rules/{SYMBOL}.md",
    }
    assert all((repo / path).is_file() for path in created)
    for path in (*created, "checkers/__init__.py", "tflint/runtime/confirmations.py"):
        assert path in result.stdout
    checker = (repo / "checkers" / "scaffolded_rule.py").read_text(encoding="utf-8")
    assert 'msgid("W", 37)' in checker  # one past the highest id in use (W7336)
    assert "@only_required_for_messages(SYMBOL)\n    @guarded\n" in checker
    registry = (repo / "checkers" / "__init__.py").read_text(encoding="utf-8")
    assert "from tflint.checkers.scaffolded_rule import ScaffoldedRuleChecker\n" in registry
    assert "    ScaffoldedRuleChecker,\n)" in registry
    imports = [line for line in registry.splitlines() if line.startswith("from tflint.checkers.")]
    assert imports == sorted(imports)
    # regenerated: the index, the README's table and the runtime table list the new rule
    assert f"| W7337 | [`{SYMBOL}`](docs/rules/{SYMBOL}.md) |" in (repo / "README.md").read_text(encoding="utf-8")
    assert f"| [`{SYMBOL}`](rules/{SYMBOL}.md) | W7337 |" in (repo / "docs" / "index.md").read_text(encoding="utf-8")
    assert f"| `{SYMBOL}` | {MARKER}" in (repo / "docs" / "runtime.md").read_text(encoding="utf-8")


def test_the_stub_confirmation_rule_never_confirms(scaffolded):
    repo, _ = scaffolded
    script = (
        "from tflint.runtime.confirmations import RULES, confirm\n"
        "from tflint.runtime.findings import make_finding\n"
        "from tflint.runtime.observations import Observations\n"
        f"finding = make_finding('bad.py', 3, 0, 3, 10, {SYMBOL!r}, 'W7337', 'message', 'HIGH')\n"
        "verdict = confirm(finding, Observations({}))\n"
        f"print(RULES[{SYMBOL!r}].anticipated, verdict.verdict, verdict.evidence, sep='|')\n"
    )
    result = _run(repo, "-c", script)
    assert result.stdout.strip().split("|") == [
        "False",
        "not-exercised",
        f"tflint cannot confirm {SYMBOL} yet: its confirmation rule is a stub",
    ], result.stderr


def test_the_new_rules_tests_fail_until_it_is_filled_in(scaffolded):
    """The skeleton: its functional case, its bad sample and the placeholder check fail; the docs checks
    (sections, index, README table, runtime table, confirmation rule) already pass for it. Filled in
    (the rule written, the expected output regenerated, the placeholders replaced), all pass."""
    repo, result = scaffolded
    assert result.returncode == 0, result.stderr
    outcomes = _outcomes(repo)
    failed = sorted(test for test, outcome in outcomes.items() if outcome != "passed")
    assert failed == [
        f"test_functional::test_functional[{SYMBOL}/{STEM}]",
        "test_samples::test_bad_sample_raises_exactly_its_annotations[" + SYMBOL + "/bad.py]",
        "test_scaffold::test_no_rule_is_left_a_skeleton",
    ]
    for expected in (
        f"test_functional::test_functional[{SYMBOL}/{STEM}_noerror]",
        "test_functional::test_every_rule_has_positive_and_noerror_cases",
        f"test_samples::test_good_sample_is_clean[{SYMBOL}/good.py]",
        f"test_docs::test_rule_page_has_every_section_in_order[{SYMBOL}]",
        f"test_docs::test_rule_has_a_bad_and_a_good_sample[{SYMBOL}]",
        f"test_docs::test_rule_has_functional_tests_under_its_name[{SYMBOL}]",
        f"test_docs::test_rule_page_markdown_embeds_both_complete_samples_before_the_references[{SYMBOL}]",
        "test_docs::test_index_is_generated_from_the_live_messages",
        "test_readme::test_readme_table_is_generated",
        "test_readme::test_readme_lists_every_rule_with_its_code_and_summary",
        "test_scaffold::test_the_runtime_table_is_generated",
        f"test_runtime_rules::test_every_live_message_has_a_confirmation_rule[{SYMBOL}]",
        f"test_runtime_rules::test_the_runtime_docs_show_every_live_rule_as_the_code_says[{SYMBOL}]",
        "test_plugin::test_every_message_uses_the_base_id_and_the_tf_prefix",
    ):
        assert outcomes.get(expected) == "passed", expected

    _fill_in(repo)
    outcomes = _outcomes(repo)
    assert sorted(test for test, outcome in outcomes.items() if outcome != "passed") == []
    assert outcomes[f"test_functional::test_functional[{SYMBOL}/{STEM}]"] == "passed"


def _fill_in(repo: Path) -> None:
    """What the rule's author does, in miniature: the checker reports ``tf.identity`` in traced code
    (the skeleton's stand-in pitfall), every placeholder is replaced, the expected output and the
    docs are regenerated."""
    checker = repo / "checkers" / "scaffolded_rule.py"
    code = checker.read_text(encoding="utf-8")
    checker.write_text(code.replace("frozenset()", 'frozenset({"tensorflow.identity"})'), encoding="utf-8")
    for pattern in RULE_PLACES:
        for path in repo.glob(pattern):
            text = path.read_text(encoding="utf-8")
            if MARKER in text:
                text = re.sub(r"^raise SystemExit\(.*\)\n", "", text, flags=re.MULTILINE)
                path.write_text(text.replace(f"{MARKER}: ", "").replace(f"{MARKER} ", ""), encoding="utf-8")
    update = _run(repo, _test_file(repo, "test_functional.py"), "--update", STEM)
    assert update.returncode == 0, update.stderr
    assert SYMBOL in (repo / "tests" / "functional" / SYMBOL / f"{STEM}.txt").read_text(encoding="utf-8")
    docs = _run(repo, "-m", "tools.docs_gen", "--all")
    assert docs.returncode == 0, docs.stderr


# --- refusals: one line on stderr, exit status 2, nothing written ---


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    repo = _copy_repository(tmp_path_factory.mktemp("refusals") / "repo")
    (repo / "samples" / "tf-left-over").mkdir()  # an unfinished rule's folder, no message yet
    return repo


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["tf-print-in-graph"], "tf-print-in-graph already exists (W7301)"),
        (["tf-internal-error"], "tf-internal-error already exists (I7399)"),
        (["tf-left-over"], "samples/tf-left-over already exists"),
        (["print-in-graph"], "is not a rule symbol"),
        (["tf-Upper-Case"], "is not a rule symbol"),
        (["tf_under_score"], "is not a rule symbol"),
        (["tf-"], "is not a rule symbol"),
        (["tf-9lives"], "is not a rule symbol"),
        (["tf-import"], "a Python keyword"),
        ([""], "give the new rule's symbol"),
        (["tf-fresh-rule", "--code", "W7301"], "message number 01 is taken by W7301 (tf-print-in-graph)"),
        (["tf-fresh-rule", "--code", "E7336"], "message number 36 is taken by C7336"),
        (["tf-fresh-rule", "--code", "W7399"], "is not a tflint message id"),
        (["tf-fresh-rule", "--code", "X7340"], "is not a tflint message id"),
        (["tf-fresh-rule", "--code", "W7440"], "is not a tflint message id"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_the_scaffold_refuses_with_one_line_and_exit_2(pristine, args, reason):
    before = _files(pristine)
    result = _new_rule(pristine, *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("new-rule: "), result.stderr
    assert reason in result.stderr
    assert _files(pristine) == before


def test_make_new_rule_passes_symbol_code_and_opt_in():
    # a sub-make of `make test` would print "Entering/Leaving directory" lines: not under a make here
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "new-rule", "SYMBOL=tf-some-thing", "CODE=E7340", "OPT_IN=1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        ".venv/bin/python",
        "-m",
        "tools.new_rule",
        "'tf-some-thing'",
        "--code",
        "'E7340'",
        "--opt-in",
    ]


# --- the repository itself ---


def test_the_runtime_table_is_generated():
    page = (REPO / "docs" / "runtime.md").read_text(encoding="utf-8")
    assert page == runtime_markdown(page), "docs/runtime.md's confirmation-rule table is stale: run `make docs`"


def test_no_rule_is_left_a_skeleton():
    """``make new-rule`` writes a placeholder wherever the rule's author must write: none may stay."""
    left = sorted(
        {
            path.relative_to(REPO).as_posix()
            for pattern in RULE_PLACES
            for path in REPO.glob(pattern)
            if path.is_file() and MARKER in path.read_text(encoding="utf-8", errors="replace")
        }
    )
    assert left == [], f"replace every {MARKER} in these files (see CONTRIBUTING.md)"
