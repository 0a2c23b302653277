"""The README's rule table is the generated one."""

from __future__ import annotations

from conftest import REPO

from tflint.docs import rules
from tools.docs_gen import readme_markdown


def test_readme_lists_every_rule_with_its_code_and_summary():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for msgid, symbol, summary in rules():
        assert f"| {msgid} | [`{symbol}`](docs/rules/{symbol}.md) | {summary} |" in readme


def test_readme_table_is_generated():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme == readme_markdown(readme), "run `make docs`"
