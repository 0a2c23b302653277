"""Each rule page's "What TensorFlow does at run time" quotes what its samples print: every line of a
quoted output block appears in the output of the sample that the text before the block names.

Only blocks introduced as a sample's output count (a link to ``samples/<symbol>/bad.py`` or
``good.py`` in the text between the previous block and this one); lines prefixed ``bad.py:`` or
``good.py:`` belong to that sample. In a quoted line, ``...`` stands for anything (addresses,
elided text), and a number followed by a time unit (``s``, ``ms``, ``us``, ``µs``) for any number:
pages say that times vary from run to run. Spacing is not compared (pages align columns). The
samples run once per session (tests/runtime_support.run_sample), shared with
tests/runtime/test_sample_runs.py. The lines are looked for in stdout and stderr (TensorFlow's
warnings go to stderr; a terminal shows both).
"""

from __future__ import annotations

import re

import pytest
from conftest import DOCS, SAMPLES
from runtime_support import run_sample

SECTION = "What TensorFlow does at run time"
_BLOCK = re.compile(r"^```text\n(.*?)^```", re.MULTILINE | re.DOTALL)
_PREFIX = re.compile(r"^(bad|good)\.py:\s+")
# `...`, a measured time, a run of spaces: what a quoted line may differ in (see the docstring)
_LOOSE = re.compile(r"(?P<any>\.\.\.)|(?P<time>\d+(?:\.\d+)?)(?=\s*(?:s|ms|us|µs)\b)|(?P<space>\s+)")

# Pages whose quote does not match what the sample prints today (docs/ and samples/ are not the
# tests' to change): strict, so fixing the page makes this test fail until the entry is removed.
KNOWN_MISMATCHES: dict[str, str] = {}


def _section(symbol: str) -> str:
    text = (DOCS / "rules" / f"{symbol}.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(SECTION)}\s*$(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def quoted_lines(symbol: str) -> list[tuple[tuple[str, ...], str]]:
    """(the samples a line is quoted from, the line) for every line the page quotes as output."""
    section, found, start = _section(symbol), [], 0
    for block in _BLOCK.finditer(section):
        prose = section[start : block.start()]
        start = block.end()
        named = tuple(sorted(set(re.findall(rf"samples/{re.escape(symbol)}/(bad|good)\.py", prose))))
        if not named:
            continue  # not introduced as a sample's output
        for line in block.group(1).splitlines():
            if not line.strip():
                continue
            prefix = _PREFIX.match(line)
            if prefix:
                found.append(((prefix.group(1),), line[prefix.end() :].strip()))
            else:
                found.append((named, line.strip()))
    return found


def _pattern(line: str) -> re.Pattern:
    parts, position = [], 0
    for loose in _LOOSE.finditer(line):
        parts.append(re.escape(line[position : loose.start()]))
        parts.append({"any": ".*?", "time": r"\d+(?:\.\d+)?", "space": r"\s+"}[loose.lastgroup])
        position = loose.end()
    parts.append(re.escape(line[position:]))
    return re.compile("".join(parts))


QUOTING = [path.parent.name for path in sorted(SAMPLES.glob("*/bad.py")) if quoted_lines(path.parent.name)]


def test_the_quote_parser_finds_the_pages_that_quote_their_samples():
    """Not vacuous: most rule pages quote what their bad sample prints."""
    assert len(QUOTING) >= 20, QUOTING
    assert all(any("bad" in samples for samples, _ in quoted_lines(symbol)) for symbol in QUOTING), (
        "a page quotes a good sample only"
    )


@pytest.mark.parametrize(
    "symbol",
    [
        pytest.param(symbol, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISMATCHES[symbol]))
        if symbol in KNOWN_MISMATCHES
        else symbol
        for symbol in QUOTING
    ],
)
def test_the_rule_page_quotes_what_its_sample_prints(symbol, tmp_path_factory):
    quoted, printed = quoted_lines(symbol), {}
    for kind in sorted({kind for samples, _ in quoted for kind in samples}):
        result = run_sample(tmp_path_factory, SAMPLES / symbol / f"{kind}.py")
        assert result.returncode == 0, result.stderr[-3000:]
        printed[kind] = [line.strip() for line in (result.stdout + "\n" + result.stderr).splitlines()]
    missing = [
        f"{'/'.join(samples)}.py: {line}"
        for samples, line in quoted
        if not any(_pattern(line).fullmatch(out) for kind in samples for out in printed[kind])
    ]
    shown = "\n".join(f"--- {kind}.py printed:\n" + "\n".join(printed[kind]) for kind in printed)
    assert missing == [], (
        f"docs/rules/{symbol}.md quotes lines its sample does not print:\n" + "\n".join(missing) + "\n" + shown
    )
