"""Every rule is documented, sampled and listed; the index matches the live messages."""

from __future__ import annotations

import re

import pytest

from tflint.docs import index_markdown, rules

from conftest import DOCS, SAMPLES

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
        "docs/index.md is stale: run `python -m tflint.docs > docs/index.md`"
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
    from test_functional import FUNCTIONAL

    assert (FUNCTIONAL / symbol).is_dir()
