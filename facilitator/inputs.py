"""One input layer: every file the tool reads from a user's folder goes through :func:`read_bytes`
(or :func:`read_text`), and every folder is walked by :func:`files_in`, with the same rules.

- Only regular files are read: a FIFO, a device (``/dev/zero``) or a socket is refused by name
  before it is opened, so nothing hangs or fills memory.
- Inside an input folder (a section library, a locale pack, a pack being verified), a link that
  leads out of the folder, or nowhere, is refused by its own name; its target is never read.
- Every file has a size limit, checked before it is read and again while reading (``/proc``
  files say they are empty).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem

MB = 1_000_000


def refused(path: Path, folder: Path | None = None, field: str = "") -> Problem | None:
    """What is wrong with reading ``path`` (``None`` when it may be read): it must be a regular
    file once links are followed and, when ``folder`` is given, stay inside ``folder``."""
    file = str(path)
    if folder is not None:
        try:
            resolved = path.resolve(strict=True)
            inside = resolved.is_relative_to(folder.resolve())
        except (OSError, RuntimeError):  # a broken or looping link
            return Problem(file, 0, field, "is a link that leads nowhere", "remove the link or copy the file into the folder")
        if not inside:
            return Problem(file, 0, field, "is a link to a file outside its folder", "copy the file into the folder instead of linking to it")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        what = "is a link that leads nowhere" if path.is_symlink() else "does not exist"
        return Problem(file, 0, field, what, "check the path")
    except OSError as exc:
        return Problem(file, 0, field, f"cannot be read: {exc.strerror}", "check the path and its permissions")
    if stat.S_ISDIR(mode):
        return Problem(file, 0, field, "is a folder, not a file", "give a file")
    if not stat.S_ISREG(mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
        return Problem(file, 0, field, f"is {kind}, not a regular file", "give a regular file")
    return None


def read_bytes(path: Path, limit: int, folder: Path | None = None, field: str = "", what: str = "file") -> bytes:
    """The bytes of ``path``, refused (one :class:`FacilitatorError`) unless :func:`refused`
    allows it and it holds at most ``limit`` bytes."""
    if (problem := refused(path, folder, field)) is not None:
        raise FacilitatorError(problem)
    file = str(path)
    hint = "split it or check that it is the right file"
    too_big = Problem(file, 0, field, f"holds more than {limit:,} bytes, larger than a {what} may be", hint)
    try:
        if (size := path.stat().st_size) > limit:
            raise FacilitatorError(Problem(file, 0, field, f"is {size:,} bytes, larger than the {limit:,} a {what} may be", hint))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # never blocks, should a FIFO replace the file
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped after the check
                raise FacilitatorError(Problem(file, 0, field, "is not a regular file", "give a regular file"))
            data = f.read(limit + 1)
    except OSError as exc:
        raise FacilitatorError(Problem(file, 0, field, f"cannot be read: {exc.strerror}", "check the path and its permissions")) from None
    if len(data) > limit:
        raise FacilitatorError(too_big)
    return data


def read_text(path: Path, limit: int, folder: Path | None = None, field: str = "", what: str = "file") -> str:
    """:func:`read_bytes` decoded as UTF-8 (a problem names the line of the first bad byte)."""
    raw = read_bytes(path, limit, folder, field, what)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FacilitatorError(Problem(str(path), line, field, f"is not UTF-8 text ({exc.reason})", "save the file as UTF-8")) from None


def files_in(folder: Path, patterns: tuple[str, ...] = ("*",), limit: int = 10_000) -> tuple[list[Path], list[Problem]]:
    """The files of ``folder`` matching ``patterns`` (not recursive), in order, and a problem for
    each entry :func:`refused` refuses (links out of the folder, FIFOs, devices); sub-folders are
    skipped. More than ``limit`` entries is a problem of its own."""
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            if path in seen:
                continue
            seen.add(path)
            if len(seen) > limit:
                return found, [Problem(str(folder), 0, "", f"holds more than {limit:,} files", "keep only the files the tool needs in it")]
            if path.is_dir():
                if path.is_symlink() and not _inside(path, folder):
                    problems.append(Problem(str(path), 0, "", "is a link to a folder outside its folder", "copy what it holds into the folder instead of linking to it"))
                continue
            if (problem := refused(path, folder)) is not None:
                problems.append(problem)
            else:
                found.append(path)
    return found, problems


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False
