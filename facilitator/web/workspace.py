"""What the web page keeps between requests: each session being made, with its own folder.

A *draft* is one session a person is making in the browser: the options they chose, the plan they
are editing, and their uploads (contacts, template), each in the draft's own temporary folder
under the workspace. A *build* renders a draft through the one pipeline
(:func:`facilitator.build.pipeline.build`) into a fresh folder of its own, so two builds never mix.
At most ``max_builds`` run at once (the rest wait, and say so); drafts and their folders are
removed after ``keep_minutes`` untouched. Names in the workspace are random tokens made here:
nothing the browser sends is ever used as a path.
"""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError, Problem
from facilitator.model import Plan

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The date on every entry of a downloaded zip, so the same pack downloads as the same bytes."""


@dataclass
class Build:
    """One build of a draft: waiting, running, then done (with its files) or failed (with why)."""

    id: str
    folder: Path
    state: str = "waiting"
    """``waiting`` (for a free slot), ``running``, ``done`` or ``failed``."""
    step: str = ""
    """What it is writing now, e.g. ``deck.pptx``."""
    done_steps: int = 0
    total_steps: int = 1
    files: list[tuple[str, str]] = field(default_factory=list)
    """(file name, what it holds: "34 slides"), in the pack's order."""
    warnings: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    slide_titles: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Draft:
    """A session being made in the browser."""

    id: str
    folder: Path
    options: dict[str, Any]
    """The options as :meth:`facilitator.request.BuildRequest.from_options` takes them (paths
    point into :attr:`folder`)."""
    plan: Plan
    language: str = "en"
    touched: float = field(default_factory=time.monotonic)
    builds: dict[str, Build] = field(default_factory=dict)


class Workspace:
    """The drafts and builds of one running page, each in a folder under ``root``."""

    def __init__(self, root: Path | None = None, *, max_builds: int = 2, keep_minutes: int = 120) -> None:
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="facilitator-app-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.keep_seconds = keep_minutes * 60
        self._drafts: dict[str, Draft] = {}
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_builds)

    def new_folder(self) -> tuple[str, Path]:
        """A fresh random id and its empty folder, for a draft about to be made."""
        token = secrets.token_urlsafe(12)
        folder = self.root / token
        folder.mkdir()
        return token, folder

    def add(self, draft: Draft) -> Draft:
        self.sweep()
        with self._lock:
            self._drafts[draft.id] = draft
        return draft

    def get(self, draft_id: str) -> Draft | None:
        with self._lock:
            draft = self._drafts.get(draft_id)
        if draft is not None:
            draft.touched = time.monotonic()
        return draft

    def sweep(self) -> int:
        """Remove drafts untouched for longer than the keep time (and their folders, builds
        included), unless a build of theirs is still running. Returns how many went."""
        now = time.monotonic()
        with self._lock:
            old = [d for d in self._drafts.values() if now - d.touched > self.keep_seconds and not any(b.state in ("waiting", "running") for b in d.builds.values())]
            for d in old:
                del self._drafts[d.id]
        for d in old:
            shutil.rmtree(d.folder, ignore_errors=True)
        return len(old)

    def close(self) -> None:
        """Remove every draft and the workspace folder (when the page stops)."""
        shutil.rmtree(self.root, ignore_errors=True)

    def start_build(self, draft: Draft, run: Any) -> Build:
        """Start ``run(build)`` on its own thread once a slot is free; the build's folder is new."""
        build_id = secrets.token_urlsafe(9)
        folder = draft.folder / f"build-{build_id}"
        build = Build(build_id, folder)
        draft.builds[build_id] = build

        def work() -> None:
            with self._slots:
                build.state = "running"
                started = time.perf_counter()
                try:
                    run(build)
                    build.state = "done"
                except FacilitatorError as exc:
                    build.problems = exc.problems
                    build.state = "failed"
                except Exception:  # logged with its traceback; the page says one calm sentence
                    import logging

                    logging.getLogger("facilitator.web").exception("build %s failed", build_id)
                    build.problems = [Problem(message="the pack could not be built because of a fault in facilitator", hint="the details are in the terminal where the page was started; please report them")]
                    build.state = "failed"
                finally:
                    build.seconds = time.perf_counter() - started

        threading.Thread(target=work, name=f"build-{build_id}", daemon=True).start()
        return build


def zip_folder(folder: Path, names: list[str]) -> bytes:
    """The files ``names`` of ``folder`` as a zip, with fixed dates (the same pack gives the same zip)."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            info = zipfile.ZipInfo(f"session-pack/{name}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, (folder / name).read_bytes())
    return data.getvalue()
