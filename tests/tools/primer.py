"""tflint on real TensorFlow code: ``make primer`` (not part of ``make test``).

Downloads the pinned corpus (tests/tools/corpus.py), lints each package with tflint's
rules only, and reports findings per package and rule, findings per thousand lines,
tflint internal errors and pylint crashes (both must be zero). ``--write`` updates
docs/primer.md; ``--sample N`` writes N findings per rule, with their code, to
.cache/primer/sample.md for review.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import time

from corpus import CACHE, PACKAGES, REPO, Package, fetch, python_lines

CRASH_SYMBOLS = {"astroid-error", "fatal", "parse-error"}


def lint(package: Package, jobs: int) -> tuple[list[dict], str, float]:
    """tflint's messages for one package (pylint's json2 output), its stderr and wall time."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=tflint", "--disable=all",
         "--enable=tflint,astroid-error,fatal", f"-j{jobs}", "--persistent=no",
         "--output-format=json2", "--recursive=y", *package.folders],
        cwd=package.root, capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - start
    messages = json.loads(result.stdout or "{}").get("messages", [])
    return messages, result.stderr, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="package names to run (default: all)")
    parser.add_argument("--write", action="store_true", help="update docs/primer.md")
    parser.add_argument("--sample", type=int, default=0, help="findings per rule to sample for review")
    args = parser.parse_args()

    rows, all_messages, failures = [], [], 0
    for package in PACKAGES:
        if args.only and package.name not in args.only:
            continue
        fetch(package)
        messages, stderr, elapsed = lint(package, args.jobs)
        lines = python_lines(package)
        messages = [m for m in messages if m["symbol"].startswith("tf-") or m["symbol"] in CRASH_SYMBOLS]
        counts = collections.Counter(m["symbol"] for m in messages)
        internal = counts.pop("tf-internal-error", 0)
        crashes = sum(counts.pop(s, 0) for s in CRASH_SYMBOLS) + (1 if "Traceback" in stderr else 0)
        failures += internal + crashes
        rows.append((package, lines, counts, internal, crashes, elapsed))
        for message in messages:
            message["package"] = package
        all_messages.extend(messages)
        print(f"{package.name}=={package.version}: {sum(counts.values())} findings in {lines} lines, "
              f"{internal} internal errors, {crashes} crashes, {elapsed:.0f} s", flush=True)

    report = _markdown(rows, args.jobs)
    (CACHE / "report.md").write_text(report, encoding="utf-8")
    if args.write:
        (REPO / "docs" / "primer.md").write_text(_page(report), encoding="utf-8")
    if args.sample:
        _write_sample(all_messages, args.sample)
    print(report)
    return 1 if failures else 0


def _markdown(rows, jobs: int) -> str:
    symbols = sorted({s for _, _, counts, *_ in rows for s in counts})
    head = "| package | lines | " + " | ".join(f"`{s}`" for s in symbols) + " | per kLOC | internal errors | crashes | wall (s) |"
    out = [head, "|" + " --- |" * (len(symbols) + 6)]
    totals = collections.Counter()
    total_lines = 0
    for package, lines, counts, internal, crashes, elapsed in rows:
        totals.update(counts)
        total_lines += lines
        found = sum(counts.values())
        cells = " | ".join(str(counts.get(s, 0)) for s in symbols)
        out.append(f"| {package.name} {package.version} | {lines} | {cells} | {1000 * found / max(lines, 1):.3f} "
                   f"| {internal} | {crashes} | {elapsed:.0f} |")
    cells = " | ".join(str(totals.get(s, 0)) for s in symbols)
    found = sum(totals.values())
    out.append(f"| **total** | {total_lines} | {cells} | {1000 * found / max(total_lines, 1):.3f} | | | |")
    out.append(f"\n(`-j {jobs}`, {time.strftime('%Y-%m-%d')})")
    return "\n".join(out) + "\n"


def _page(report: str) -> str:
    return f"""# Primer: tflint on real TensorFlow code

tflint's rules are judged on code nobody on the team wrote. The primer lints pinned releases of
real TensorFlow libraries from PyPI (listed in `tests/tools/corpus.py`) with tflint's rules only
and counts what it reports. Internal errors and crashes must be zero. The findings were read and
classified in [primer-review.md](primer-review.md), which gives each rule's measured precision.

Reproduce with `make primer` (downloads into the ignored `.cache/primer/`, about 15 minutes on
2 cores); `python tests/tools/primer.py --sample 10` writes findings with their code for review.

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
            out.append(f"### {message['package'].name}: {message['path']}:{line}\n\n{message['message']}\n\n```\n{snippet}\n```\n")
    (CACHE / "sample.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
