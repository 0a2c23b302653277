"""Every rule is documented, sampled and listed; the index matches the live messages."""

from __future__ import annotations

import re

import pytest
from conftest import DOCS, FUNCTIONAL, SAMPLES

from tflint.checkers import ALL_CHECKERS
from tflint.checkers.base import InternalErrorChecker
from tflint.docs import UnknownRuleError, _doc_roots, rule_page_markdown, rules
from tools.docs_gen import index_markdown

SECTIONS = [
    "What it does",
    "Why is this bad?",
    "What TensorFlow does at run time",
    "Known problems",
    "Example",
    "Use instead",
    "Options",
    "References",
]
SYMBOLS = [symbol for _, symbol, _ in rules()]


def test_index_is_generated_from_the_live_messages():
    assert (DOCS / "index.md").read_text(encoding="utf-8") == index_markdown(), (
        "docs/index.md is stale: run `make docs`"
    )


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_rule_page_has_every_section_in_order(symbol):
    page = DOCS / "rules" / f"{symbol}.md"
    assert page.is_file(), f"missing {page}"
    headings = re.findall(r"^## (.+?)\s*$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert headings == SECTIONS


@pytest.mark.parametrize("symbol", [s for s in SYMBOLS if s != "tf-internal-error"])
def test_rule_has_a_bad_and_a_good_sample(symbol):
    assert (SAMPLES / symbol / "bad.py").is_file()
    assert (SAMPLES / symbol / "good.py").is_file()


@pytest.mark.parametrize("symbol", [s for s in SYMBOLS if s != "tf-internal-error"])
def test_rule_has_functional_tests_under_its_name(symbol):
    assert (FUNCTIONAL / symbol).is_dir()


# --- rule_page_markdown: the page `python -m tflint explain` prints and the site renders ---

SAMPLED = [s for s in SYMBOLS if s != "tf-internal-error"]
CATEGORIES = {"C": "convention", "R": "refactor", "W": "warning", "E": "error", "F": "fatal", "I": "info"}


@pytest.mark.parametrize("symbol", SAMPLED)
def test_rule_page_markdown_embeds_both_complete_samples_before_the_references(symbol):
    text = rule_page_markdown(symbol)
    headings = re.findall(r"^## (.+?)\s*$", text, flags=re.MULTILINE)
    assert headings == [*SECTIONS[:-1], "Bad example", "Good example", "References"]
    bad_section = text.split("## Bad example", 1)[1].split("## Good example", 1)[0]
    good_section = text.split("## Good example", 1)[1].split("## References", 1)[0]
    assert (SAMPLES / symbol / "bad.py").read_text(encoding="utf-8").rstrip() in bad_section
    assert (SAMPLES / symbol / "good.py").read_text(encoding="utf-8").rstrip() in good_section
    title, body = (DOCS / "rules" / f"{symbol}.md").read_text(encoding="utf-8").split("\n", 1)
    facts, rest = text.removeprefix(title + "\n\n").split("\n", 1)
    assert facts.startswith("*") and facts.endswith("*")
    assert rest.startswith(body.split("## References")[0])


@pytest.mark.parametrize(("msgid", "symbol", "_"), rules())
def test_rule_page_states_category_default_and_family_under_its_title(msgid, symbol, _):
    facts = rule_page_markdown(symbol).split("\n")[2]
    checker = next(c for c in (*ALL_CHECKERS, InternalErrorChecker) if msgid in c.msgs)
    options = checker.msgs[msgid][3] if len(checker.msgs[msgid]) > 3 else {}
    default = "enabled by default" if options.get("default_enabled", True) else "disabled by default"
    assert facts.startswith(f"*{msgid} · {CATEGORIES[msgid[0]]} · {default}")


def test_rule_page_markdown_accepts_a_message_id_in_any_case():
    assert rule_page_markdown("w7301") == rule_page_markdown("tf-print-in-graph")


def test_rule_without_samples_gets_no_example_sections():
    page = (DOCS / "rules" / "tf-internal-error.md").read_text(encoding="utf-8")
    text = rule_page_markdown("tf-internal-error")
    assert "## Bad example" not in text and "## Good example" not in text
    assert text.endswith(page.split("\n", 1)[1])


@pytest.mark.parametrize("name", ["tf-no-such-rule", "W0000", "", "../../README", "rules/../index"])
def test_unknown_rule_raises_key_error_naming_the_rules(name):
    with pytest.raises(KeyError) as error:
        rule_page_markdown(name)
    assert isinstance(error.value, UnknownRuleError)
    assert "tf-print-in-graph" in str(error.value)
    assert not str(error.value).startswith("'")  # readable as a CLI error message


def _root(tmp_path, page: str, bad: str | None = None, good: str | None = None):
    (tmp_path / "docs" / "rules").mkdir(parents=True)
    (tmp_path / "docs" / "rules" / "tf-demo.md").write_text(page, encoding="utf-8")
    for kind, code in (("bad", bad), ("good", good)):
        if code is not None:
            (tmp_path / "samples" / "tf-demo").mkdir(parents=True, exist_ok=True)
            (tmp_path / "samples" / "tf-demo" / f"{kind}.py").write_text(code, encoding="utf-8")
    return [tmp_path]


def test_a_sample_the_page_already_shows_is_not_repeated(tmp_path):
    bad = "import tensorflow as tf\n\nprint(tf.constant(1))  # [tf-demo]\n"
    good = "import tensorflow as tf\n\ntf.print(tf.constant(1))\n"
    page = f"# tf-demo\n\n## Example\n\n```python\n{bad}```\n\n## References\n\n- none\n"
    text = rule_page_markdown("tf-demo", roots=_root(tmp_path, page, bad, good))
    assert text.count("print(tf.constant(1))  # [tf-demo]") == 1
    assert "## Bad example" not in text
    assert text.index("## Good example") < text.index("## References")
    assert "tf.print(tf.constant(1))" in text


def test_a_page_with_its_own_example_sections_is_returned_as_is(tmp_path):
    page = "# tf-demo\n\n## Bad example\n\nsee above\n\n## Good example\n\nsee below\n"
    assert rule_page_markdown("tf-demo", roots=_root(tmp_path, page, "x = 1\n", "y = 2\n")) == page


def test_samples_go_at_the_end_without_references_and_fences_outgrow_backticks(tmp_path):
    bad = 'DOC = """\n```python\nx = 1\n```\n"""\n'
    text = rule_page_markdown("tf-demo", roots=_root(tmp_path, "# tf-demo\n\n## Example\n\ntext\n", bad=bad))
    assert text.endswith("````python\n" + bad.rstrip() + "\n````\n")
    assert "tflint reports it." in text  # no `# [tf-demo]` marker in the sample
    assert "## Good example" not in text  # no good.py


def test_the_first_root_with_the_page_wins(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    _root(first, "# first\n")
    _root(second, "# second\n", bad="x = 1\n")
    assert rule_page_markdown("tf-demo", roots=[tmp_path / "missing", first, second]) == "# first\n"


def test_doc_roots_find_the_checkout():
    assert DOCS.parent.resolve() in [root.resolve() for root in _doc_roots()]


def test_index_lists_every_rule_with_id_category_summary_and_default():
    index = index_markdown()
    for checker_class in (*ALL_CHECKERS, InternalErrorChecker):
        for msgid, (_, symbol, _, *options) in checker_class.msgs.items():
            default = "on" if (options[0] if options else {}).get("default_enabled", True) else "off"
            row = f"| [`{symbol}`](rules/{symbol}.md) | {msgid} | {CATEGORIES[msgid[0]]} | "
            assert re.search(rf"^{re.escape(row)}[^\n]+\| {default} \|$", index, flags=re.MULTILINE), symbol
