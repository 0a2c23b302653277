"""tflint on real TensorFlow code: ``make primer`` (not part of ``make test``).

Downloads the pinned corpus (tools/corpus.py), lints each package with tflint's
rules only, and reports findings per package and per rule, findings per thousand lines,
tflint internal errors and pylint crashes (both must be zero). ``--write`` updates
docs/primer.md, with a precision table read from the review files (see ``REVIEWS``);
``--sample N`` writes N findings per rule, with their code, to .cache/primer/sample.md
for review. Each package's raw messages are kept in .cache/primer/<package>.json.

A review file states a rule's measured precision on a heading or table row that names
the rule and says ``precision K/N`` (``### tf-print-in-graph: 10 findings, 9 correct
(precision 9/10)``), or on a summary table row whose last column is ``K/N`` or ``n/a``.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus import CACHE, PACKAGES, REPO, Package, fetch, python_lines

INTERNAL_ERROR = "tf-internal-error"
# pylint's own failures: a checker raised (astroid-error), pylint gave up on a file
# (fatal) or could not build its AST for a reason other than a syntax error (parse-error).
CRASH_SYMBOLS = ("astroid-error", "fatal", "parse-error")
# pylint's exit status bits for a fatal message and for a usage error.
_FATAL_STATUS = 1 | 32
DOCS = REPO / "docs"
# Rule family (the message number's tens digit) -> the committed review of its findings.
REVIEWS = {
    0: "primer-review.md",
    1: "primer-review-tf1.md",
    2: "primer-review-control-flow.md",
    3: "primer-review-retracing.md",
}
_PRECISION = re.compile(r"precision\W*(\d+)\s*/\s*(\d+)", re.IGNORECASE)
_FRACTION = re.compile(r"(\d+)\s*/\s*(\d+)")


@dataclass
class Result:
    """One package's run: its findings and failures."""

    package: Package
    lines: int
    counts: collections.Counter
    internal: int = 0
    crashes: int = 0
    elapsed: float = 0.0
    failures: list[str] = field(default_factory=list)


def tflint_rules() -> list[tuple[str, str]]:
    """Every tflint message as ``(msgid, symbol)``, by id (the internal error excluded)."""
    from tflint.checkers import ALL_CHECKERS  # the plugin only: TensorFlow is never imported

    rules = {(msgid, spec[1]) for checker in ALL_CHECKERS for msgid, spec in checker.msgs.items()}
    return sorted((rule for rule in rules if rule[1] != INTERNAL_ERROR), key=lambda rule: rule[0][1:])


def lint(package: Package, jobs: int) -> tuple[list[dict], list[str], float]:
    """tflint's messages for one package (pylint's json2 output), pylint's failures, wall time."""
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--load-plugins=tflint",
            "--disable=all",
            f"--enable=tflint,tflint-opt-in,{','.join(CRASH_SYMBOLS)}",
            f"-j{jobs}",
            "--persistent=no",
            "--score=no",
            "--output-format=json2",
            "--recursive=y",
            *package.folders,
        ],
        cwd=package.root,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    failures = []
    try:
        messages = json.loads(result.stdout).get("messages", [])
    except ValueError:
        messages = []
        failures.append(f"no json2 output (exit status {result.returncode})")
    if result.returncode & _FATAL_STATUS:
        failures.append(f"pylint exit status {result.returncode} (fatal message or usage error)")
    if "Traceback" in result.stderr:
        failures.append("a traceback on stderr: " + result.stderr.strip().splitlines()[-1][:200])
    return messages, failures, elapsed


def run_package(package: Package, jobs: int) -> tuple[Result, list[dict]]:
    """Lint one package; its counted result and its tflint messages (saved as json)."""
    fetch(package)
    messages, failures, elapsed = lint(package, jobs)
    kept = [m for m in messages if m["symbol"].startswith("tf-") or m["symbol"] in CRASH_SYMBOLS]
    (CACHE / f"{package.name}.json").write_text(json.dumps(kept, indent=1), encoding="utf-8")
    counts = collections.Counter(m["symbol"] for m in kept)
    internal = counts.pop(INTERNAL_ERROR, 0)
    crashes = sum(counts.pop(symbol, 0) for symbol in CRASH_SYMBOLS) + len(failures)
    result = Result(package, python_lines(package), counts, internal, crashes, elapsed, failures)
    return result, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="package names to run (default: all)")
    parser.add_argument("--write", action="store_true", help="update docs/primer.md")
    parser.add_argument("--sample", type=int, default=0, help="findings per rule to sample for review")
    args = parser.parse_args()
    unknown = set(args.only or ()) - {p.name for p in PACKAGES}
    if unknown:
        parser.error(f"not in the corpus: {', '.join(sorted(unknown))}")

    results, all_messages = [], []
    for package in PACKAGES:
        if args.only and package.name not in args.only:
            continue
        result, messages = run_package(package, args.jobs)
        results.append(result)
        for message in messages:
            message["package"] = package
        all_messages.extend(messages)
        print(
            f"{package.name}=={package.version}: {sum(result.counts.values())} findings in "
            f"{result.lines} lines, {result.internal} internal errors, {result.crashes} crashes, "
            f"{result.elapsed:.0f} s",
            flush=True,
        )
        for failure in result.failures:
            print(f"  pylint failed: {failure}", flush=True)

    rules = tflint_rules()
    report = markdown(results, rules, args.jobs)
    (CACHE / "report.md").write_text(report, encoding="utf-8")
    if args.write:
        (DOCS / "primer.md").write_text(page(report, precision_table(rules)), encoding="utf-8")
    if args.sample:
        _write_sample(all_messages, args.sample)
    print(report)
    return 1 if any(r.internal or r.crashes for r in results) else 0


def markdown(results: list[Result], rules: list[tuple[str, str]], jobs: int) -> str:
    """The run's two tables: per package, then per rule and package."""
    out = [
        "### Per package",
        "",
        "| package | lines | findings | per kLOC | internal errors | crashes | wall (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total_lines = sum(r.lines for r in results)
    totals: collections.Counter = collections.Counter()
    for r in results:
        totals.update(r.counts)
        found = sum(r.counts.values())
        out.append(
            f"| {r.package.name} {r.package.version} | {r.lines} | {found} | {_per_kloc(found, r.lines)} "
            f"| {r.internal} | {r.crashes} | {r.elapsed:.0f} |"
        )
    found = sum(totals.values())
    out.append(
        f"| **total** | {total_lines} | {found} | {_per_kloc(found, total_lines)} "
        f"| {sum(r.internal for r in results)} | {sum(r.crashes for r in results)} "
        f"| {sum(r.elapsed for r in results):.0f} |"
    )

    out += [
        "",
        "### Per rule",
        "",
        "| rule | " + " | ".join(r.package.name for r in results) + " | total | per kLOC |",
        "| --- |" + " ---: |" * (len(results) + 2),
    ]
    for msgid, symbol in rules:
        cells = " | ".join(str(r.counts.get(symbol, 0)) for r in results)
        out.append(
            f"| `{symbol}` ({msgid}) | {cells} | {totals.get(symbol, 0)} "
            f"| {_per_kloc(totals.get(symbol, 0), total_lines)} |"
        )
    out.append(f"\n(`-j {jobs}`, {time.strftime('%Y-%m-%d')})")
    return "\n".join(out) + "\n"


def _per_kloc(found: int, lines: int) -> str:
    return f"{1000 * found / max(lines, 1):.3f}"


def precision_table(rules: list[tuple[str, str]]) -> str:
    """Each rule's measured precision, as its review file states it, with a link to it."""
    out = ["| rule | reviewed | correct | precision | review |", "| --- | ---: | ---: | ---: | --- |"]
    for msgid, symbol in rules:
        review = REVIEWS.get(int(msgid[3]))
        found = _stated_precision(DOCS / review, symbol) if review else None
        link = f"[{review}]({review})" if review and (DOCS / review).exists() else (review or "")
        if found is None:
            out.append(f"| `{symbol}` ({msgid}) | | | not reviewed | {link} |")
        else:
            correct, reviewed = found
            share = f"{100 * correct / reviewed:.0f}%" if reviewed else "no findings"
            out.append(f"| `{symbol}` ({msgid}) | {reviewed} | {correct} | {share} | {link} |")
    return "\n".join(out) + "\n"


def _stated_precision(path: Path, symbol: str) -> tuple[int, int] | None:
    """``(correct, reviewed)`` from the first line of ``path`` naming ``symbol`` with a precision."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    name = re.compile(rf"(?<![\w-]){re.escape(symbol)}(?![\w-])")
    for line in text.splitlines():
        if not name.search(line):
            continue
        found = _PRECISION.search(line)
        if found:
            return int(found.group(1)), int(found.group(2))
        if line.lstrip().startswith("|"):
            # a summary table row: its last column is the latest precision ("2/3", or "n/a")
            last = line.strip().strip("|").split("|")[-1]
            fraction = _FRACTION.search(last)
            if fraction:
                return int(fraction.group(1)), int(fraction.group(2))
            if re.search(r"n/a|no findings", last, re.IGNORECASE):
                return 0, 0
    return None


def page(report: str, precision: str) -> str:
    """docs/primer.md."""
    return f"""# Primer: tflint on real TensorFlow code

tflint's rules are judged on code nobody on the team wrote. The primer lints pinned releases of
real TensorFlow libraries from PyPI (listed in `tools/corpus.py`) with tflint's rules only
and counts what it reports. Internal errors (`tf-internal-error`) and pylint crashes
(`astroid-error`, `fatal`, `parse-error`, a traceback or a failed run) must be zero.

Reproduce with `make primer`: it downloads the wheels with `pip download --no-deps` into the
ignored `.cache/primer/`, lints each package in its own pylint process and rewrites this page.
`python tools/primer.py --only tf-agents --sample 10` lints one package and writes ten
findings per rule, with their code, to `.cache/primer/sample.md` for review; the raw messages
stay in `.cache/primer/<package>.json`.

## Measured precision

Findings were read in their source and classified as true or false alarms, one line of
reason each, in the review files linked below. Precision counts a finding as correct when
its message states what the code really does (deliberate trace-time logging included).

{precision}
## Latest run

{report}"""


def _write_sample(messages: list[dict], per_rule: int) -> None:
    by_rule = collections.defaultdict(list)
    for message in messages:
        by_rule[message["symbol"]].append(message)
    rng = random.Random(0)
    out = []
    for symbol, found in sorted(by_rule.items()):
        out.append(f"## {symbol} ({len(found)} findings)\n")
        for message in rng.sample(found, min(per_rule, len(found))):
            path = message["package"].root / message["path"]
            source = path.read_text(encoding="utf-8", errors="replace").splitlines()
            line = message["line"]
            snippet = "\n".join(f"{n + 1:5d} {source[n]}" for n in range(max(0, line - 6), min(len(source), line + 3)))
            out.append(
                f"### {message['package'].name}: {message['path']}:{line}\n\n{message['message']}\n\n```\n{snippet}\n```\n"
            )
    (CACHE / "sample.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
