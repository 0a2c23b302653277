"""The pinned primer corpus: real TensorFlow libraries from PyPI, unpacked into .cache/primer.

Nothing downloaded is committed (.cache/ is ignored). Used by ``primer.py`` and ``bench.py``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / ".cache" / "primer"


@dataclass(frozen=True)
class Package:
    """One pinned distribution and the source folders (inside its wheel) that tflint lints."""

    name: str
    version: str
    folders: tuple[str, ...]

    @property
    def root(self) -> Path:
        return CACHE / "src" / f"{self.name}-{self.version}"


PACKAGES = (
    Package("dm-sonnet", "2.0.2", ("sonnet",)),
    Package("tensorflow-recommenders", "0.7.7", ("tensorflow_recommenders",)),
    Package("gpflow", "2.11.2", ("gpflow",)),
    Package("tensorflow-addons", "0.23.0", ("tensorflow_addons",)),
    Package("tf-agents", "0.19.0", ("tf_agents",)),
    Package("tf-keras", "2.21.0", ("tf_keras",)),
    Package("tf-models-official", "2.20.0", ("official", "orbit")),
    Package("tensorflow-probability", "0.25.0", ("tensorflow_probability",)),
    # Added by the retracing-family review (issue 5): each has a real hazard of one of its rules
    # (keras-cv: a Dropout made in `call`; scCODA, poisson-CNN: tf.functions rebuilt per call,
    # deprecated tf.function arguments, eager switches; TensorFlowTTS: `experimental_relax_shapes`;
    # alibi-detect: an eager training loop) or a fixed false-alarm pattern (xplique, vegasflow,
    # OpenNMT-tf).
    Package("keras-cv", "0.9.0", ("keras_cv",)),
    Package("sccoda", "0.1.9", ("sccoda",)),
    Package("poisson-cnn", "0.3.0", ("poisson_CNN",)),
    Package("tensorflowtts", "1.8", ("tensorflow_tts",)),
    Package("alibi-detect", "0.13.0", ("alibi_detect",)),
    Package("xplique", "2.0.2", ("xplique",)),
    Package("vegasflow", "1.3.0", ("vegasflow",)),
    Package("opennmt-tf", "2.32.0", ("opennmt",)),
)


def fetch(package: Package) -> Path:
    """Download the pinned wheel once (``pip download --no-deps``) and unpack its sources."""
    marker = package.root / ".unpacked"
    if marker.exists():
        return package.root
    downloads = CACHE / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--python-version",
            "3.11",
            "-d",
            str(downloads),
            f"{package.name}=={package.version}",
        ],
        check=True,
    )
    stem = package.name.replace("-", "_")
    wheel = next(p for p in downloads.glob("*.whl") if p.name.lower().startswith(f"{stem}-{package.version}"))
    package.root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if member.endswith(".py") and member.split("/")[0] in package.folders:
                archive.extract(member, package.root)
    marker.write_text(wheel.name)
    return package.root


def python_lines(package: Package) -> int:
    """Lines of Python in the linted folders."""
    total = 0
    for folder in package.folders:
        for path in (package.root / folder).rglob("*.py"):
            with open(path, "rb") as handle:
                total += sum(1 for _ in handle)
    return total
