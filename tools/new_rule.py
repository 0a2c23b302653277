"""Scaffold a new rule in every place a rule lives (not shipped): ``make new-rule SYMBOL=tf-some-thing``.

Run from the repository root::

    python -m tools.new_rule tf-some-thing [--code W7337] [--opt-in]

It creates, for ``tf-some-thing``:

- ``checkers/some_thing.py``: the checker (the next free message id in tflint's range, or
  ``--code``), registered in ``ALL_CHECKERS`` (``checkers/__init__.py``);
- ``tests/functional/tf-some-thing/``: a positive case whose annotated line is not reported yet
  (so it fails until the rule is written) and a ``_noerror`` case;
- ``samples/tf-some-thing/bad.py`` and ``good.py``, which stop with an error until they show
  the pitfall and its fix under real TensorFlow;
- ``docs/rules/tf-some-thing.md`` with every section a rule page needs;
- a confirmation rule in ``tflint/runtime/confirmations.py`` whose verdict is always
  ``not-exercised`` until it is written;

and regenerates the generated documentation (``python -m tools.docs_gen --all``). Every piece
holds ``TODO(new-rule)`` where the rule's author must write; CONTRIBUTING.md has the checklist.

An existing symbol, a malformed symbol or a message id already taken is refused with one
line on stderr and exit status 2, before anything is written.
"""

from __future__ import annotations

import argparse
import keyword
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER = "TODO(new-rule)"
_SYMBOL = re.compile(r"tf-[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_CODE = re.compile(r"([CRWE])73(\d\d)")
_LAST_NUMBER = 98  # 99 is tf-internal-error's


class Refused(Exception):
    """The scaffold cannot create this rule; the message is the one line the user sees."""


@dataclass(frozen=True)
class NewRule:
    """Everything the templates need to know about the rule being created."""

    symbol: str
    category: str
    number: int
    opt_in: bool

    @property
    def msgid(self) -> str:
        return f"{self.category}73{self.number:02d}"

    @property
    def module(self) -> str:
        """``tf-some-thing`` -> ``some_thing``."""
        return self.symbol.removeprefix("tf-").replace("-", "_")

    @property
    def class_name(self) -> str:
        return "".join(part.capitalize() for part in self.module.split("_")) + "Checker"

    @property
    def stem(self) -> str:
        """The functional test cases' file stem: ``tf_some_thing``."""
        return self.symbol.replace("-", "_")


# ------------------------------------------------------------------------------------------------
# Where a rule lives


def functional_root(repo: Path) -> Path:
    """The folder that holds one sub-folder of functional cases per rule (found, not assumed)."""
    rule_folders = sorted(p.parent.parent for p in repo.glob("tests/**/tf-*/*.rc"))
    return rule_folders[0] if rule_folders else repo / "tests" / "functional"


def paths(repo: Path, rule: NewRule) -> dict[str, Path]:
    """The files the scaffold creates, by template name."""
    cases = functional_root(repo) / rule.symbol
    return {
        "checker": repo / "checkers" / f"{rule.module}.py",
        "case": cases / f"{rule.stem}.py",
        "case_rc": cases / f"{rule.stem}.rc",
        "case_txt": cases / f"{rule.stem}.txt",
        "noerror": cases / f"{rule.stem}_noerror.py",
        "noerror_rc": cases / f"{rule.stem}_noerror.rc",
        "bad": repo / "samples" / rule.symbol / "bad.py",
        "good": repo / "samples" / rule.symbol / "good.py",
        "page": repo / "docs" / "rules" / f"{rule.symbol}.md",
    }


REGISTRY = Path("checkers") / "__init__.py"
CONFIRMATIONS = Path("tflint") / "runtime" / "confirmations.py"


# ------------------------------------------------------------------------------------------------
# Checks, before anything is written


def existing_rules() -> tuple[dict[str, str], dict[str, bool]]:
    """``({msgid: symbol} of every live message, {symbol: anticipated} of every confirmation rule})``."""
    from tflint.docs import all_rules  # pylint: disable=import-outside-toplevel
    from tflint.runtime.confirmations import RULES  # pylint: disable=import-outside-toplevel

    return {rule.msgid: rule.symbol for rule in all_rules()}, {s: r.anticipated for s, r in RULES.items()}


def plan(repo: Path, symbol: str, code: str | None, opt_in: bool) -> NewRule:
    """The rule to create; raises :class:`Refused` with the reason when it cannot be."""
    if not _SYMBOL.fullmatch(symbol):
        raise Refused(
            f"{symbol!r} is not a rule symbol: write lowercase words joined by hyphens, starting with "
            "tf- (for example tf-some-thing)"
        )
    messages, confirmations = existing_rules()
    if symbol in messages.values():
        raise Refused(f"{symbol} already exists ({_key_of(messages, symbol)}); pick another symbol")
    if confirmations.get(symbol) is False:
        raise Refused(f"{symbol} already has a confirmation rule in {CONFIRMATIONS}; pick another symbol")
    used = {int(msgid[3:]) for msgid in messages}
    if code is None:
        number = max((n for n in used if n <= _LAST_NUMBER), default=0) + 1
        if number > _LAST_NUMBER:
            raise Refused(f"no message id is free after W73{number - 1:02d}: pass CODE=<letter>73NN with a free number")
        category = "W"
    else:
        match = _CODE.fullmatch(code.upper())
        if not match or not 1 <= int(match.group(2)) <= _LAST_NUMBER:
            raise Refused(
                f"{code!r} is not a tflint message id: write C, R, W or E, then 73 and a number from "
                f"01 to {_LAST_NUMBER} (for example W7337)"
            )
        category, number = match.group(1), int(match.group(2))
        if number in used:
            taken = next(msgid for msgid in messages if int(msgid[3:]) == number)
            raise Refused(f"message number {number:02d} is taken by {taken} ({messages[taken]}); pick a free one")
    rule = NewRule(symbol, category, number, opt_in)
    if keyword.iskeyword(rule.module):
        raise Refused(
            f"{symbol} would need a checker module named {rule.module!r}, a Python keyword; pick another symbol"
        )
    files = paths(repo, rule)
    for path in (*files.values(), files["case"].parent, files["bad"].parent):
        if path.exists():
            raise Refused(f"{symbol}: {path.relative_to(repo)} already exists; pick another symbol or remove it")
    if rule.class_name in (repo / REGISTRY).read_text(encoding="utf-8"):
        raise Refused(f"{symbol}: a checker class {rule.class_name} is already registered; pick another symbol")
    return rule


def _key_of(messages: dict[str, str], symbol: str) -> str:
    return next(msgid for msgid, known in messages.items() if known == symbol)


# ------------------------------------------------------------------------------------------------
# Templates


def checker_source(rule: NewRule) -> str:
    base = "OptInChecker" if rule.opt_in else "TFLintChecker"
    options = '\n            {"default_enabled": False},' if rule.opt_in else ""
    return f'''"""{rule.symbol}: {MARKER} what the rule finds, in a few words."""

from __future__ import annotations

from astroid import nodes
from pylint.checkers.utils import only_required_for_messages

from tflint.analysis import context
from tflint.checkers.base import {base}, guarded
from tflint.messages import msgid

SYMBOL = "{rule.symbol}"
# {MARKER}: the APIs the rule reports, as the shared analysis names them ("tensorflow.identity",
# "builtins.print"); or match another node shape in another visit_* method.
_APIS: frozenset[str] = frozenset()


class {rule.class_name}({base}):
    """{MARKER}: one sentence on what goes wrong at run time."""

    msgs = {{
        msgid("{rule.category}", {rule.number}): (
            "%s in `%s` {MARKER}: what TensorFlow does with it at run time (%s); the fix",
            SYMBOL,
            "{MARKER}: one sentence that says what {rule.symbol} finds. Then the mechanism and its "
            "consequence at run time; the first sentence is the rule's summary in the README and the index.",{options}
        ),
    }}

    @only_required_for_messages(SYMBOL)
    @guarded
    def visit_call(self, node: nodes.Call) -> None:
        """Report calls of the rule's APIs in traced code."""
        if context.callee_api(node) not in _APIS:
            return
        trace = context.graph_context(node)  # None when the code is not traced
        if trace is None:
            return
        self.add_message(
            SYMBOL,
            node=node,
            args=(f"{{node.func.as_string()}}()", trace.chain[-1], trace.describe(node.root().file)),
            confidence=trace.confidence,
        )
'''


def rc_source(rule: NewRule) -> str:
    return f"[MAIN]\nload-plugins=tflint\n\n[MESSAGES CONTROL]\ndisable=all\nenable={rule.symbol},tf-internal-error\n"


def case_source(rule: NewRule) -> str:
    return f'''"""{rule.symbol}: {MARKER} every shape of the pitfall the rule must report."""
# pylint: disable=missing-docstring,invalid-name
import tensorflow as tf


@tf.function
def step(x):
    # {MARKER}: the pitfall; the rule's annotation ends each line that must be reported
    return tf.identity(x)  # [{rule.symbol}]
'''


def noerror_source(rule: NewRule) -> str:
    return f'''"""{rule.symbol}: {MARKER} near misses that must stay clean (eager code, the fixed form)."""
# pylint: disable=missing-docstring,invalid-name
import tensorflow as tf


def eager_step(x):
    # {MARKER}: the same call where it is fine, e.g. in code that is not traced
    return tf.identity(x)
'''


_SAMPLE_HEAD = """
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"

import tensorflow as tf
"""


def bad_source(rule: NewRule) -> str:
    return f'''"""{rule.symbol}, bad: {MARKER} the pitfall in one line.

{MARKER}: what this sample does and what it prints (the numbers the rule page quotes).
"""
{_SAMPLE_HEAD}

@tf.function
def step(x):
    # {MARKER}: the pitfall; the rule's annotation ends each line tflint must report
    return tf.identity(x)  # [{rule.symbol}]


print(f"step: {{step(tf.constant(1.0)).numpy()}}")
raise SystemExit("{MARKER}: samples/{rule.symbol}/bad.py is a skeleton: make it show the pitfall")
'''


def good_source(rule: NewRule) -> str:
    return f'''"""{rule.symbol}, good: {MARKER} the same program fixed.

{MARKER}: what this sample prints, compared with bad.py.
"""
{_SAMPLE_HEAD}

@tf.function
def step(x):
    # {MARKER}: the fix
    return x + 0.0


print(f"step: {{step(tf.constant(1.0)).numpy()}}")
raise SystemExit("{MARKER}: samples/{rule.symbol}/good.py is a skeleton: make it show the fix")
'''


def page_source(rule: NewRule) -> str:
    samples = f"../../samples/{rule.symbol}"
    return f"""# {rule.symbol} ({rule.msgid})

## What it does

{MARKER}: one or two sentences: what tflint reports, and where it stays silent.

## Why is this bad?

{MARKER}: the mechanism (what TensorFlow does with this code) and its real consequence.

## What TensorFlow does at run time

{MARKER}: observed with TensorFlow 2.NN running [`samples/{rule.symbol}/bad.py`]({samples}/bad.py)
and [`good.py`]({samples}/good.py); quote what they print:

```text
bad.py:  ...
good.py: ...
```

## Known problems

{MARKER}: false positives, false negatives and deliberate uses.

## Example

```python
import tensorflow as tf


@tf.function
def step(x):
    return tf.identity(x)  # {rule.symbol}
```

tflint reports:

```text
{rule.msgid}: {MARKER} the message, as tflint prints it ({rule.symbol})
```

## Use instead

{MARKER}: the fix, and why it works:

```python
import tensorflow as tf


@tf.function
def step(x):
    return x
```

## Options

None.

## References

- {MARKER}: the TensorFlow documentation of the APIs involved
- Samples: [`samples/{rule.symbol}/bad.py`]({samples}/bad.py),
  [`samples/{rule.symbol}/good.py`]({samples}/good.py)
"""


def confirmation_source(rule: NewRule) -> str:
    name = f"_confirm_{rule.module}"
    return f'''

@rule("{rule.symbol}", "{MARKER}: the observation that confirms {rule.symbol}, in one sentence")
def {name}(finding: Finding, observations: Observations) -> Verdict:  # pylint: disable=unused-argument
    """{MARKER}: decide from the observations (``ran_only_while_tracing``, ``raised``,
    ``expected_error`` and ``tf1_used`` cover most rules); until then nothing is confirmed."""
    return Verdict(NOT_EXERCISED, "tflint cannot confirm {rule.symbol} yet: its confirmation rule is a stub")
'''


# ------------------------------------------------------------------------------------------------
# Edits of shared files


def registered(registry: str, rule: NewRule) -> str:
    """``checkers/__init__.py`` with the checker imported (in sorted place) and in ``ALL_CHECKERS``."""
    line = f"from tflint.checkers.{rule.module} import {rule.class_name}\n"
    lines = registry.splitlines(keepends=True)
    imports = [i for i, text in enumerate(lines) if text.startswith("from tflint.checkers.")]
    start = next((i for i, text in enumerate(lines) if text.startswith("ALL_CHECKERS = (")), None)
    end = next((i for i in range(start or 0, len(lines)) if lines[i].startswith(")")), None) if start else None
    if not imports or start is None or end is None:
        raise Refused(
            f"cannot find the checker imports and `ALL_CHECKERS = (...)` in {REGISTRY}; register the checker by hand"
        )
    lines.insert(end, f"    {rule.class_name},\n")
    after = [i for i in imports if lines[i] > line]
    lines.insert(after[0] if after else imports[-1] + 1, line)
    return "".join(lines)


def with_confirmation(confirmations: str, rule: NewRule) -> str:
    """``confirmations.py`` with the stub rule appended."""
    needed = ("def rule(", "NOT_EXERCISED", "class Verdict", "Finding", "Observations")
    missing = [name for name in needed if name not in confirmations]
    if missing:
        raise Refused(f"{CONFIRMATIONS} no longer defines {', '.join(missing)}; add the confirmation rule by hand")
    if f"def _confirm_{rule.module}(" in confirmations:
        raise Refused(f"{CONFIRMATIONS} already has _confirm_{rule.module}(); pick another symbol")
    return confirmations.rstrip("\n") + "\n" + confirmation_source(rule)


# ------------------------------------------------------------------------------------------------
# The command


def scaffold(repo: Path, rule: NewRule, anticipated: bool) -> list[Path]:
    """Write every piece of ``rule`` under ``repo``; returns the files created or changed."""
    templates = {
        "checker": checker_source,
        "case": case_source,
        "case_rc": rc_source,
        "case_txt": lambda _: "",
        "noerror": noerror_source,
        "noerror_rc": rc_source,
        "bad": bad_source,
        "good": good_source,
        "page": page_source,
    }
    registry = registered((repo / REGISTRY).read_text(encoding="utf-8"), rule)
    confirmations = (repo / CONFIRMATIONS).read_text(encoding="utf-8")
    if not anticipated:
        confirmations = with_confirmation(confirmations, rule)
    written = []
    for name, path in paths(repo, rule).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(templates[name](rule), encoding="utf-8")
        written.append(path)
    (repo / REGISTRY).write_text(registry, encoding="utf-8")
    written.append(repo / REGISTRY)
    if not anticipated:
        (repo / CONFIRMATIONS).write_text(confirmations, encoding="utf-8")
        written.append(repo / CONFIRMATIONS)
    return written


def regenerate_docs(repo: Path) -> bool:
    """``python -m tools.docs_gen --all`` in a fresh interpreter, which imports the new checker."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")])))
    result = subprocess.run(
        [sys.executable, "-m", "tools.docs_gen", "--all"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(result.stderr)
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.new_rule", description=__doc__.split("\n\n")[0])
    parser.add_argument("symbol", nargs="?", default="", help="the new rule's symbol, e.g. tf-some-thing")
    parser.add_argument("--code", help="its message id, e.g. W7337 (default: the next free W73NN)")
    parser.add_argument("--opt-in", action="store_true", help="off by default (default_enabled: False)")
    args = parser.parse_args(argv)
    if not args.symbol:
        print("new-rule: give the new rule's symbol: make new-rule SYMBOL=tf-some-thing [CODE=W7337]", file=sys.stderr)
        return 2
    try:
        rule = plan(REPO, args.symbol, args.code, args.opt_in)
        anticipated = args.symbol in existing_rules()[1]
        written = scaffold(REPO, rule, anticipated)
    except Refused as refused:
        print(f"new-rule: {refused}", file=sys.stderr)
        return 2
    regenerated = regenerate_docs(REPO)
    print(f"{rule.symbol} ({rule.msgid}): a skeleton in every place a rule lives")
    for path in written:
        print(f"  {path.relative_to(REPO)}")
    if anticipated:
        print(f"  (kept its anticipated confirmation rule: drop anticipated=True in {CONFIRMATIONS})")
    if not regenerated:
        print(
            "new-rule: the skeleton is written, but regenerating the docs failed (above): fix it, then `make docs`",
            file=sys.stderr,
        )
        return 1
    print("  docs/index.md, README.md, docs/runtime.md (regenerated)")
    print(f"Next: replace every {MARKER} (grep -rn '{MARKER}' .), following CONTRIBUTING.md's checklist.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
