"""Publish a rendered pack into its folder all at once.

Every file is first written into a staging folder beside the target; only when all of them are
there is the staging folder swapped in for the old pack, so a failure leaves an existing pack
exactly as it was. Ctrl-C and SIGTERM are held while the staging folder is made and while the
folders are swapped, so a stopped build never leaves a staging folder behind or a pack half
swapped. Files the pack does not write (a person's own) are carried over.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem


def publish(files: dict[str, bytes], out_dir: Path, drop: frozenset[str] = frozenset()) -> dict[str, Path]:
    """Write ``files`` (name -> bytes) into ``out_dir`` all at once and return where each is.
    Files in ``drop`` (documents the pack has none of this time) are not carried over from the
    old pack."""
    for name in files:
        for lock in (f".~lock.{name}#", f"~${name}"):  # LibreOffice's and Office's: the document is open
            if (out_dir / lock).exists():
                raise FacilitatorError(Problem(str(out_dir / name), 0, "--out", "is open in another program (it holds a lock file on it)",
                                               "close it there, then build again; or choose another folder with --out"))
        existing = out_dir / name
        if existing.is_symlink() or (existing.exists() and not existing.is_file()):
            raise FacilitatorError(Problem(str(existing), 0, "--out", "is in the way: it is not a file the pack can replace", "move it away, or choose another folder with --out"))
    staging: Path | None = None
    try:
        with _signals_held():  # the staging folder is noted before a signal can end the build
            staging = _staging_dir(out_dir)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        with _signals_held():  # never stop between taking the old pack away and putting the new one in
            return _publish(staging, out_dir, drop)
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def same_file(a: Path, b: Path) -> bool:
    """``a`` and ``b`` are the same file (the plan a person wrote, inside the pack it builds)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the step inside is done, then take effect (and the build's
    clean-up runs): a stopped build never leaves a staging folder behind or a pack half swapped."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _staging_dir(out_dir: Path) -> Path:
    """A fresh folder beside ``out_dir`` (same file system, so publishing is a rename)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", "is a file, not a folder", "choose a folder name with --out"))
    parent = out_dir.parent if _can_swap(out_dir) else out_dir
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".facilitator-", dir=parent))
    except OSError as exc:
        raise FacilitatorError(Problem(str(parent), 0, "--out", f"cannot write here: {exc.strerror}", "choose another folder with --out")) from None


def _can_swap(out_dir: Path) -> bool:
    """A pack folder can be swapped whole unless it is the working folder (or holds it)."""
    try:
        here, target = Path.cwd().resolve(), out_dir.resolve()
    except OSError:
        return False
    return here != target and target not in here.parents


def _publish(staging: Path, out_dir: Path, drop: frozenset[str] = frozenset()) -> dict[str, Path]:
    """Move the staged pack into ``out_dir`` all at once: files the pack does not write (a
    person's own files, documents left out by ``--only``) are carried into the staging folder,
    then the old folder is swapped out and the new one in. A failure restores the old folder.
    Documents in ``drop`` (the pack has none this time) are not carried over from the old pack."""
    names = sorted(p.name for p in staging.iterdir())
    if not _can_swap(out_dir) or not out_dir.exists():
        if not out_dir.exists():
            os.chmod(staging, 0o755)
            staging.rename(out_dir)
        else:  # the working folder: file by file
            for name in names:
                os.replace(staging / name, out_dir / name)
        return {name: out_dir / name for name in names}
    try:
        for old in out_dir.iterdir():
            if old.name not in names and old.name not in drop and not old.name.startswith((".facilitator-", ".~lock.", "~$")):
                _carry(old, staging / old.name)
        os.chmod(staging, os.stat(out_dir).st_mode & 0o7777)
        backup = Path(tempfile.mkdtemp(prefix=".facilitator-old-", dir=out_dir.parent))
        os.rmdir(backup)
        os.rename(out_dir, backup)
    except OSError as exc:
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", f"cannot be replaced: {exc.strerror}", "close any program using the pack's files, or choose another folder with --out")) from None
    try:
        os.rename(staging, out_dir)
    except OSError as exc:
        os.rename(backup, out_dir)
        raise FacilitatorError(Problem(str(out_dir), 0, "--out", f"cannot be replaced: {exc.strerror}", "choose another folder with --out")) from None
    shutil.rmtree(backup, ignore_errors=True)
    return {name: out_dir / name for name in names}


def _carry(source: Path, target: Path) -> None:
    """Bring a file the new pack keeps from the old folder (a hard link where possible)."""
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)
