"""Check a pack against its ``manifest.json`` before printing it.

Every file the manifest lists must still be there with the same size and sha256. A file beside the
manifest that looks like a pack's output (a deck, a PDF, a plan) but is not listed is a problem
too: it was not written by this build (e.g. a handout left from an earlier build with ``--only``).
Any other file is a person's own and only noted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.build.manifest import MANIFEST, PLAN, check_file, read_manifest
from facilitator.errors import FacilitatorError, Problem
from facilitator.outputs import file_names

OUTPUT_SUFFIXES = (".pdf", ".pptx", ".docx")
"""Names that look like a pack's output: an unlisted one may be printed by mistake."""


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


def _what_changed(path: Path) -> str:
    """A changed deck or PDF: saved by a program (edited by hand) or damaged, and what to do."""
    import zipfile

    if path.suffix == ".pptx":
        try:
            with zipfile.ZipFile(path) as deck:
                whole = deck.testzip() is None and "ppt/presentation.xml" in deck.namelist()
        except (OSError, zipfile.BadZipFile):
            whole = False
        if whole:
            return ("; it still opens, so it was edited and saved by a program. A rebuild replaces it: to keep local numbers "
                    "across rebuilds, put them in a contacts file (facilitator contacts init) and build with --contacts")
        return "; it no longer opens as a slide deck (damaged, or copied only in part): rebuild it"
    if path.suffix == ".pdf":
        with path.open("rb") as f:
            start = f.read(5)
            f.seek(max(0, path.stat().st_size - 1024))
            end = f.read()
        if start != b"%PDF-" or b"%%EOF" not in end:
            return "; it is no longer a whole PDF (damaged, or copied only in part): rebuild it"
    return ""


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
        if problem.startswith("changed"):
            problem += _what_changed(folder / name)
        if problem:
            report.problems.append(Finding(name, problem))
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = path.name
        if name in entries or name == MANIFEST:
            continue
        if path.is_symlink():
            report.problems.append(Finding(name, "is a link (not read): a pack holds only its own files; remove it before printing"))
        elif path.is_file() and (name in file_names() or name == PLAN or name.lower().endswith(OUTPUT_SUFFIXES)):
            report.problems.append(Finding(name, "not in the manifest: this build did not write it (left from an earlier build?)"))
        else:
            report.notes.append(Finding(name + ("/" if path.is_dir() else ""), "not part of the pack (left as it is)"))
    return report
