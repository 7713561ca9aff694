"""Check a pack against its ``manifest.json`` before printing it.

Every file the manifest lists must still be there with the same size and sha256. A file beside the
manifest that looks like a pack's output (a deck, a PDF, a plan) but is not listed is a problem
too: it was not written by this build (e.g. a handout left from an earlier build with ``--only``).
Any other file is a person's own and only noted.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError, Problem

MANIFEST = "manifest.json"
MAX_MANIFEST_BYTES = 5_000_000
"""A real manifest is a few kilobytes; anything far larger is not one."""
OUTPUT_NAMES = frozenset({"deck.pptx", "handout.pdf", "cards.pdf", "guide.pdf", "plan.yaml"})
OUTPUT_SUFFIXES = (".pdf", ".pptx")
"""Names that look like a pack's output: an unlisted one may be printed by mistake."""
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Finding:
    """One line of the report: a file and what is wrong with it (or worth knowing)."""

    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


@dataclass
class Report:
    """What :func:`verify_pack` found. ``problems`` fail the check; ``notes`` do not."""

    folder: Path
    checked: list[str] = field(default_factory=list)
    """Files the manifest lists, in its order."""
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        matched = len(self.checked) - len({p.name for p in self.problems if p.name in self.checked})
        files = f"{matched} of {len(self.checked)} files listed in the manifest match"
        if self.ok:
            return f"All {len(self.checked)} files listed in the manifest match: the pack is as it was built."
        count = len(self.problems)
        return f"{count} problem{'s' if count != 1 else ''}: {files}. Rebuild the pack before printing it."


def verify_pack(folder: Path) -> Report:
    """Re-check ``folder`` against its ``manifest.json``. Raises :class:`FacilitatorError` when
    ``folder`` is not a pack (no folder, no manifest, a manifest that cannot be read)."""
    folder = Path(folder)
    if not folder.exists():
        raise FacilitatorError(Problem(str(folder), 0, "DIR", "does not exist", "give the folder of a pack made with `facilitator pack --out DIR`"))
    if not folder.is_dir():
        raise FacilitatorError(Problem(str(folder), 0, "DIR", "is not a folder", "give the folder of a pack made with `facilitator pack --out DIR`"))
    entries = read_manifest(folder / MANIFEST)
    report = Report(folder, checked=list(entries))
    for name, (sha256, size) in entries.items():
        problem = check_file(folder / name, sha256, size)
        if problem:
            report.problems.append(Finding(name, problem))
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = path.name
        if name in entries or name == MANIFEST:
            continue
        if path.is_file() and (name in OUTPUT_NAMES or name.lower().endswith(OUTPUT_SUFFIXES)):
            report.problems.append(Finding(name, "not in the manifest: this build did not write it (left from an earlier build?)"))
        else:
            report.notes.append(Finding(name + ("/" if path.is_dir() else ""), "not part of the pack (left as it is)"))
    return report


def read_manifest(path: Path) -> dict[str, tuple[str, int | None]]:
    """The files ``manifest.json`` lists: name -> (sha256, size in bytes or ``None``)."""
    hint = "rebuild the pack with `facilitator pack --out DIR`"
    if not path.is_file():
        message = "is missing: this folder is not a pack" if not path.exists() else "is not a file"
        raise FacilitatorError(Problem(str(path), 0, "", message, "give the folder of a pack made with `facilitator pack --out DIR`"))
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise FacilitatorError(Problem(str(path), 0, "", "is far too large to be a pack's manifest", hint))
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise FacilitatorError(Problem(str(path), 0, "", f"cannot be read: {exc.strerror}", "check the file's permissions")) from None
    except UnicodeDecodeError:
        raise FacilitatorError(Problem(str(path), 0, "", "is not UTF-8 text", hint)) from None
    except json.JSONDecodeError as exc:
        raise FacilitatorError(Problem(str(path), exc.lineno, "", f"is not valid JSON: {exc.msg}", hint)) from None
    except RecursionError:
        raise FacilitatorError(Problem(str(path), 0, "", "is nested too deeply to be a pack's manifest", hint)) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not files:
        raise FacilitatorError(Problem(str(path), 0, "files", "is missing or lists no files", hint))
    entries: dict[str, tuple[str, int | None]] = {}
    for name, entry in files.items():
        where = f"files: {name}"
        if not _plain_name(name):
            raise FacilitatorError(Problem(str(path), 0, "files", f"'{name}' is not the name of a file in the pack folder", hint))
        sha256 = entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise FacilitatorError(Problem(str(path), 0, where, "has no valid sha256", hint))
        size = entry.get("bytes")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
            raise FacilitatorError(Problem(str(path), 0, where, f"'bytes' is not a file size: {size!r}", hint))
        entries[name] = (sha256, size)
    return entries


def _plain_name(name: str) -> bool:
    """A file name with no folder part (a manifest never points outside its folder)."""
    return bool(name) and name not in (".", "..", MANIFEST) and not any(c in name for c in "/\\\0") and name == name.strip()


def check_file(path: Path, sha256: str, size: int | None) -> str:
    """What is wrong with ``path`` (empty when it matches)."""
    if not path.exists() and not path.is_symlink():
        return "missing (the manifest lists it)"
    if not path.is_file():
        return "is not a file (the manifest lists a file)"
    try:
        actual_size = path.stat().st_size
        if size is not None and actual_size != size:
            return f"changed since the pack was built (size differs: {actual_size} bytes, the manifest says {size})"
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if digest.hexdigest() != sha256:
        return "changed since the pack was built (sha256 differs)"
    return ""
