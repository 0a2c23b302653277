"""``python -m tflint explain SYMBOL``: a rule's documentation page in the terminal."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

HELP = "print a rule's documentation page (by symbol or message id)"
DESCRIPTION = """\
Print the documentation page of one rule, as markdown: what it does, why it is a problem,
what TensorFlow does at run time, known problems, how to fix it, and a complete bad and good
example. SYMBOL is the rule's symbol (tf-print-in-graph) or its message id (W7301).

Exit status: 0 when the page was printed, 2 for an unknown rule (close matches are
suggested), 1 when the rule exists but its page is missing from this installation."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The rule to explain."""
    parser.add_argument("symbol", metavar="SYMBOL", help="a rule symbol like tf-print-in-graph, or an id like W7301")


def find_rule(name: str):
    """The rule ``name`` (a symbol, or a message id in any case) names, or None."""
    from tflint.docs import all_rules  # pylint: disable=import-outside-toplevel

    wanted = name.strip()
    for rule in all_rules():
        if wanted == rule.symbol or wanted.upper() == rule.msgid:
            return rule
    return None


def close_matches(name: str) -> list[str]:
    """Symbols (or ids) that look like ``name``, best first."""
    from tflint.docs import all_rules  # pylint: disable=import-outside-toplevel

    rules = all_rules()
    wanted = name.strip().lower()
    candidates = {rule.symbol: rule.symbol for rule in rules}
    candidates.update({rule.msgid.lower(): rule.symbol for rule in rules})
    # "print-in-graph" and "print" should find tf-print-in-graph as well as typos do
    if not wanted.startswith("tf-"):
        candidates.update({rule.symbol[3:]: rule.symbol for rule in rules})
    found = difflib.get_close_matches(wanted, list(candidates), n=3, cutoff=0.6)
    found += [key for key in candidates if wanted and wanted in key and key not in found]
    return list(dict.fromkeys(candidates[key] for key in found))[:3]


def rule_page(symbol: str) -> str | None:
    """The rule's page with its samples: tflint.docs builds it; otherwise the plain page file."""
    from tflint import docs  # pylint: disable=import-outside-toplevel

    build = getattr(docs, "rule_page_markdown", None)
    if build is not None:
        try:
            return build(symbol)
        except KeyError:  # tflint.docs.UnknownRuleError: the page is not installed
            return None
    package = Path(docs.__file__).resolve().parent
    for root in (package.parent, package / "_docs"):
        page = root / "docs" / "rules" / f"{symbol}.md"
        if page.is_file():
            return page.read_text(encoding="utf-8")
    return None


def run(args: argparse.Namespace) -> int:
    """Print the page of ``args.symbol``."""
    rule = find_rule(args.symbol)
    if rule is None:
        message = f"python -m tflint explain: no tflint rule named {args.symbol!r}."
        suggestions = close_matches(args.symbol)
        if suggestions:
            message += f" Did you mean {' or '.join(suggestions)}?"
        print(message + " `python -m tflint rules` lists them all.", file=sys.stderr)
        return 2
    page = rule_page(rule.symbol)
    if page is None:
        print(
            f"python -m tflint explain: the documentation of {rule.symbol} ({rule.msgid}) is not installed; "
            f"read it at docs/rules/{rule.symbol}.md in tflint's repository.",
            file=sys.stderr,
        )
        return 1
    sys.stdout.write(page if page.endswith("\n") else page + "\n")
    return 0
