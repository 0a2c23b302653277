"""tflint's rules as the documentation shows them, from the live message definitions and the rule pages.

- :func:`all_rules` lists every message; ``tools/docs_gen.py`` (not shipped) writes the
  generated files from it (the site's rule index, the README's rule table).
- :func:`rule_page_markdown` gives one rule's page with its complete bad and good samples
  embedded; ``python -m tflint explain`` prints it and the mkdocs site renders it
  (``docs/hooks.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

from pylint.constants import MSG_TYPES

from tflint.checkers import ALL_CHECKERS
from tflint.checkers.base import InternalErrorChecker


class Rule(NamedTuple):
    """One tflint message as the docs show it."""

    msgid: str
    symbol: str
    summary: str
    default_enabled: bool

    @property
    def category(self) -> str:
        """Pylint's category name for the message: ``warning``, ``error``, ``convention``..."""
        return MSG_TYPES.get(self.msgid[0], "unknown")

    @property
    def family(self) -> str:
        """The family heading the index groups the rule under (by its msgid's decade)."""
        return _FAMILIES.get(self.msgid[3:4], "Other rules")


# msgid decade (the tens digit of W73xx) -> family; ids are allocated by family.
_FAMILIES = {
    "0": "Python side effects at trace time",
    "1": "TensorFlow 1 leftovers",
    "2": "AutoGraph and control flow",
    "3": "tf.function usage and performance",
    "9": "tflint itself",
}


def _summary(description: str) -> str:
    return description.split(". ")[0].rstrip(".") + "."


def all_rules() -> list[Rule]:
    """Every tflint message, sorted by number (then category letter)."""
    found: dict[str, Rule] = {}
    for checker_class in (*ALL_CHECKERS, InternalErrorChecker):
        for msgid, (_, symbol, description, *rest) in checker_class.msgs.items():
            options = rest[0] if rest else {}
            found[msgid] = Rule(msgid, symbol, _summary(description), options.get("default_enabled", True))
    return [found[key] for key in sorted(found, key=lambda m: (m[1:], m[0]))]


def rules() -> list[tuple[str, str, str]]:
    """``(msgid, symbol, first sentence of the description)`` for every tflint message."""
    return [(rule.msgid, rule.symbol, rule.summary) for rule in all_rules()]


# ---------------------------------------------------------------------------------------------
# Rule pages with their samples


class UnknownRuleError(KeyError):
    """No tflint rule, or no documentation for it, under that symbol or message id."""

    def __str__(self) -> str:  # KeyError's str() would quote the message
        return str(self.args[0]) if self.args else ""


def _doc_roots() -> list[Path]:
    """Folders that may hold ``docs/rules/<symbol>.md`` and ``samples/<symbol>/{bad,good}.py``.

    The first folder with the rule's page wins. A repository checkout (the package's parent
    folder) comes first; then the places an installed wheel may ship copies. Add a location
    here when packaging changes.
    """
    package = Path(__file__).resolve().parent
    return [
        package.parent,  # repository checkout / editable install
        package / "_docs",  # copies shipped inside the package
        Path(sys.prefix) / "share" / "tflint",  # copies shipped as data files
    ]


_SYMBOL = re.compile(r"[a-z0-9][a-z0-9-]*")


def _resolve_symbol(name: str) -> str:
    """``name`` as a symbol: message ids (``W7301``, any case) are translated."""
    name = name.strip()
    for rule in all_rules():
        if name.upper() == rule.msgid:
            return rule.symbol
    return name


def rule_page_markdown(symbol: str, *, roots: list[Path] | None = None) -> str:
    """The markdown of the rule page of ``symbol`` (or message id), with its samples embedded.

    A line of facts (category, default, family) follows the title, and the page gets a
    "Bad example" and a "Good example" section holding the complete
    ``samples/<symbol>/bad.py`` and ``good.py`` (before "References"), unless the page
    already has such a section or already shows the file's code. ``roots`` overrides the
    folders searched (default: :func:`_doc_roots`). Links stay relative to ``docs/rules/``.

    Raises :class:`UnknownRuleError` (a ``KeyError``) when no rule page exists for ``symbol``.
    """
    resolved = _resolve_symbol(symbol)
    if _SYMBOL.fullmatch(resolved):  # never build paths from arbitrary input
        for root in roots if roots is not None else _doc_roots():
            page = root / "docs" / "rules" / f"{resolved}.md"
            if page.is_file():
                markdown = with_rule_facts(page.read_text(encoding="utf-8"), resolved)
                return embed_samples(markdown, resolved, root / "samples")
    known = ", ".join(rule.symbol for rule in all_rules())
    raise UnknownRuleError(f"no tflint rule {symbol!r}; the rules are: {known}")


def with_rule_facts(markdown: str, symbol: str) -> str:
    """``markdown`` with a line under its title: the rule's category, default and family.

    Pages of symbols tflint does not define, and pages without a ``# `` title, are unchanged.
    """
    rule = next((rule for rule in all_rules() if rule.symbol == symbol), None)
    title = re.search(r"^# .*\n", markdown, flags=re.MULTILINE)
    if rule is None or title is None:
        return markdown
    default = "enabled by default" if rule.default_enabled else "disabled by default"
    facts = f"\n*{rule.msgid} · {rule.category} · {default} · family: {rule.family}*\n"
    return markdown[: title.end()] + facts + markdown[title.end() :]


_SAMPLE_SECTIONS = (
    ("bad", "Bad example"),
    ("good", "Good example"),
)


def embed_samples(markdown: str, symbol: str, samples: Path) -> str:
    """``markdown`` (a rule page) with sections holding ``samples/<symbol>/bad.py`` and ``good.py``.

    A sample is skipped when it does not exist, when the page already has its section, or
    when the page already contains its code.
    """
    sections = []
    for kind, title in _SAMPLE_SECTIONS:
        path = samples / symbol / f"{kind}.py"
        if not path.is_file():
            continue
        code = path.read_text(encoding="utf-8")
        already_there = re.search(rf"^## {re.escape(title)}\s*$", markdown, flags=re.MULTILINE)
        if already_there or code.strip() in markdown:
            continue
        sections.append(_sample_section(symbol, kind, title, code))
    if not sections:
        return markdown
    block = "\n".join(sections)
    references = re.search(r"^## References\s*$", markdown, flags=re.MULTILINE)
    if references:
        return markdown[: references.start()] + block + "\n" + markdown[references.start() :]
    return markdown.rstrip("\n") + "\n\n" + block


def _sample_section(symbol: str, kind: str, title: str, code: str) -> str:
    name = f"`samples/{symbol}/{kind}.py`"
    if kind == "bad":
        marked = f"# [{symbol}]" in code
        what = f"tflint reports the lines marked `# [{symbol}]`." if marked else "tflint reports it."
        intro = f"The complete runnable sample {name}; {what}"
    else:
        intro = f"The same program fixed, {name}; tflint reports nothing here."
    fence = "`" * max(3, _longest_backtick_run(code) + 1)
    return f"## {title}\n\n{intro}\n\n{fence}python\n{code.rstrip()}\n{fence}\n"


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
