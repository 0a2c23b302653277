"""How much tflint costs: ``make bench`` (not part of ``make test``).

On the pinned corpus (tools/corpus.py), in one run, measures wall time, CPU time
and peak memory of four pylint configurations (one process, ``-j 1``, so the numbers are
comparable), prints the ratios against the targets, the per-file cost on editor-sized
files, and checks that ``-j 1`` and ``-j 2`` give identical tflint results.

The time targets are judged on CPU time (user + system of the pylint process): on a
shared machine wall time also measures the neighbours, and it is printed alongside.
tflint is byte-compiled first, as a wheel installation is: an editable checkout run with
``PYTHONDONTWRITEBYTECODE`` would otherwise compile tflint's sources in every process,
a fixed cost that is not tflint's analysis. Even CPU time varies by several per cent from run to run on a virtual machine, so each
package runs the four configurations ``--rounds`` times, interleaved, and keeps the
fastest run of each (as ``timeit`` does): the noise only ever adds time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from corpus import PACKAGES, fetch

CONFIGS = {
    # pylint skips parsing altogether when every message is disabled, so the floor keeps
    # one message that needs nothing but the AST.
    "parse floor (--disable=all --enable=astroid-error)": ["--disable=all", "--enable=astroid-error"],
    "tflint alone (--disable=all --enable=tflint)": ["--load-plugins=tflint", "--disable=all", "--enable=tflint"],
    "default pylint": [],
    "default pylint + tflint": ["--load-plugins=tflint"],
}
# (label, numerator config, denominator config, measured column, target)
TARGETS = (
    ("tflint alone / parse floor, CPU time", 1, 0, "cpu", 1.15),
    ("default+tflint / default, CPU time", 3, 2, "cpu", 1.05),
    ("tflint alone / parse floor, peak memory", 1, 0, "peak", 1.10),
    ("default+tflint / default, peak memory", 3, 2, "peak", 1.10),
)
INFORMATIVE = (
    ("tflint alone / parse floor, wall time", 1, 0, "wall"),
    ("default+tflint / default, wall time", 3, 2, "wall"),
)
DEFAULT_PACKAGES = ("dm-sonnet", "tensorflow-recommenders", "gpflow", "tensorflow-addons", "tf-agents")


@dataclass
class Measure:
    """One pylint process: wall and CPU seconds, peak RSS in MiB, its stdout."""

    wall: float
    cpu: float
    peak: float
    stdout: str


def measure(args: list[str], cwd) -> Measure:
    """Run one pylint process and measure it."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "pylint", "--persistent=no", "--score=no", *args],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        _, _, usage = os.wait4(process.pid, 0)  # this child's own usage, not this script's
        process.returncode = 0
        elapsed = time.perf_counter() - start
        out.seek(0)
        return Measure(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=list(DEFAULT_PACKAGES))
    parser.add_argument("--editor-files", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs per configuration (the fastest counts)")
    args = parser.parse_args()
    packages = [p for p in PACKAGES if p.name in args.only]
    _compile_tflint()
    totals = [{"wall": 0.0, "cpu": 0.0, "peak": 0.0} for _ in CONFIGS]
    for package in packages:
        root = fetch(package)
        best: list[Measure | None] = [None] * len(CONFIGS)
        for _ in range(max(args.rounds, 1)):
            for index, flags in enumerate(CONFIGS.values()):
                run = measure([*flags, "-j1", "--recursive=y", *package.folders], root)
                if best[index] is None or run.cpu < best[index].cpu:
                    best[index] = run
        for index, label in enumerate(CONFIGS):
            run = best[index]
            totals[index]["wall"] += run.wall
            totals[index]["cpu"] += run.cpu
            totals[index]["peak"] = max(totals[index]["peak"], run.peak)
            print(
                f"{package.name:26s} {label:48s} {run.wall:8.1f} s wall {run.cpu:8.1f} s CPU {run.peak:8.0f} MiB",
                flush=True,
            )
    print("\nTotals:")
    for (label, _), total in zip(CONFIGS.items(), totals, strict=False):
        print(f"  {label:48s} {total['wall']:8.1f} s wall {total['cpu']:8.1f} s CPU {total['peak']:8.0f} MiB")
    failed = False
    print("\nRatios (target):")
    for label, num, den, column, target in TARGETS:
        ratio = totals[num][column] / max(totals[den][column], 1e-9)
        verdict = "ok" if ratio <= target else "OVER TARGET"
        failed |= ratio > target
        print(f"  {label:44s} {ratio:6.3f}  (<= {target})  {verdict}")
    for label, num, den, column in INFORMATIVE:
        print(
            f"  {label:44s} {totals[num][column] / max(totals[den][column], 1e-9):6.3f}  (shared machine: informative)"
        )
    _editor_cost(packages, args.editor_files)
    identical = _jobs_identical(packages)
    return 1 if failed or not identical else 0


def _compile_tflint() -> None:
    """Write tflint's bytecode, as pip does when it installs a wheel."""
    import compileall  # pylint: disable=import-outside-toplevel

    import tflint  # pylint: disable=import-outside-toplevel
    import tflint.checkers  # pylint: disable=import-outside-toplevel

    for package in (tflint, tflint.checkers):
        compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)


def _editor_cost(packages, count: int) -> None:
    """Median time to lint one editor-sized file (200-800 lines) alone, with and without tflint."""
    files = []
    for package in packages:
        for folder in package.folders:
            for path in sorted((package.root / folder).rglob("*.py")):
                lines = path.read_bytes().count(b"\n")
                if 200 <= lines <= 800 and b"tensorflow" in path.read_bytes():
                    files.append((package.root, path))
    step = max(1, len(files) // max(count, 1))
    chosen = files[::step][:count]
    base, with_tflint = [], []
    for root, path in chosen:
        base.append(measure([str(path)], root).cpu)
        with_tflint.append(measure(["--load-plugins=tflint", str(path)], root).cpu)
    if chosen:
        b, t = statistics.median(base), statistics.median(with_tflint)
        print(
            f"\nEditor-sized files ({len(chosen)}): default pylint {b:.2f} s, with tflint {t:.2f} s "
            f"CPU per file (median), ratio {t / b:.3f}"
        )


def _jobs_identical(packages) -> bool:
    flags = ["--load-plugins=tflint", "--disable=all", "--enable=tflint", "--output-format=json2", "--recursive=y"]
    same = True
    for package in packages:
        results = []
        for jobs in ("-j1", "-j2"):
            stdout = measure([*flags, jobs, *package.folders], package.root).stdout
            messages = json.loads(stdout or "{}").get("messages", [])
            results.append(sorted((m["path"], m["line"], m["column"], m["symbol"], m["message"]) for m in messages))
        identical = results[0] == results[1]
        same &= identical
        print(
            f"-j1 vs -j2 on {package.name}: {'identical' if identical else 'DIFFERENT'} "
            f"({len(results[0])} and {len(results[1])} messages)"
        )
        for jobs, only in (("-j1", set(results[0]) - set(results[1])), ("-j2", set(results[1]) - set(results[0]))):
            for path, line, _, symbol, _ in sorted(only)[:5]:
                print(f"  only with {jobs}: {path}:{line} {symbol}")
    return same


if __name__ == "__main__":
    sys.exit(main())
