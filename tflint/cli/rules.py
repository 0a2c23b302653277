"""``python -m tflint rules``: the rule table, from the live message definitions."""

from __future__ import annotations

import argparse
import json

HELP = "list tflint's rules: id, symbol, category, default and summary"
DESCRIPTION = """\
List every tflint rule, read from the message definitions pylint registers: its message id,
symbol, pylint category, whether it is enabled by default, and a one-line summary.
`python -m tflint explain SYMBOL` prints a rule's full page.

  --format=json  a JSON array of objects with the keys id, symbol, category,
                 enabled_by_default and summary"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format``."""
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")


def rule_records() -> list[dict[str, object]]:
    """One dictionary per rule, in message-id order."""
    from tflint.docs import all_rules  # pylint: disable=import-outside-toplevel

    return [
        {
            "id": rule.msgid,
            "symbol": rule.symbol,
            "category": rule.category,
            "enabled_by_default": rule.default_enabled,
            "summary": rule.summary,
        }
        for rule in all_rules()
    ]


def text_table(records: list[dict[str, object]]) -> str:
    """Aligned columns, one rule per line: grep-friendly, summaries never cut."""
    header = {
        "id": "ID",
        "symbol": "SYMBOL",
        "category": "CATEGORY",
        "enabled_by_default": "DEFAULT",
        "summary": "SUMMARY",
    }
    rows = [header] + [{**r, "enabled_by_default": "on" if r["enabled_by_default"] else "off"} for r in records]
    keys = ("id", "symbol", "category", "enabled_by_default")
    widths = {key: max(len(str(row[key])) for row in rows) for key in keys}
    lines = ["  ".join([*(str(row[key]).ljust(widths[key]) for key in keys), str(row["summary"])]) for row in rows]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the table."""
    records = rule_records()
    if args.format == "json":
        print(json.dumps(records, indent=2))
    else:
        print(text_table(records), end="")
    return 0
