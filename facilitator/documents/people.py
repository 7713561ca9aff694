"""The names for ``facilitator certificates`` (peer educators who completed their training) and
an organisation's colours from its .pptx template. Standard library only.

NAMES.csv: a header row, then one row per person: ``name`` (required), and optionally
``training`` (what they completed) and ``date`` (YYYY-MM-DD; else ``--date``)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem

MAX_PEOPLE = 2000


@dataclass(frozen=True)
class Person:
    name: str
    training: str = ""
    date: dt.date | None = None


def read_people(path: Path) -> list[Person]:
    """Everyone in ``path``; a bad row is one line with FILE:LINE: column, and nothing is written."""
    if not path.is_file():
        raise FacilitatorError(Problem(str(path), 0, "NAMES.csv", "is not a file", "give a CSV with a column 'name'"))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FacilitatorError(Problem(str(path), 0, "NAMES.csv", f"is not UTF-8 text ({exc.reason})", "save it as CSV UTF-8")) from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise FacilitatorError(Problem(str(path), 1, "header", "the file is empty", "the first row names the columns: name,training,date"))
    columns = [c.strip().lower() for c in rows[0]]
    if "name" not in columns:
        raise FacilitatorError(Problem(str(path), 1, "header", "has no column 'name'", "the first row names the columns: name,training,date"))
    people: list[Person] = []
    for line, row in enumerate(rows[1:], 2):
        cells = {columns[i]: " ".join(row[i].split()) for i in range(min(len(row), len(columns)))}
        if not any(cells.values()):
            continue
        name = cells.get("name", "")
        if not name:
            raise FacilitatorError(Problem(str(path), line, "name", "is empty", "give each person's name as it should be printed"))
        if len(name) > 80 or len(cells.get("training", "")) > 120:
            raise FacilitatorError(Problem(str(path), line, "name" if len(name) > 80 else "training", "is too long for a certificate", "keep a name under 80 and a training under 120 characters"))
        day = None
        if cells.get("date"):
            try:
                day = dt.date.fromisoformat(cells["date"])
            except ValueError:
                raise FacilitatorError(Problem(str(path), line, "date", f"'{cells['date']}' is not a date", "write it as YYYY-MM-DD")) from None
        people.append(Person(name, cells.get("training", ""), day))
    if not people:
        raise FacilitatorError(Problem(str(path), 2, "name", "the file lists nobody", "one row per person, under the header"))
    if len(people) > MAX_PEOPLE:
        raise FacilitatorError(Problem(str(path), 0, "NAMES.csv", f"lists {len(people)} people", f"at most {MAX_PEOPLE} per run"))
    return people


def theme_colours(pptx: Path) -> tuple[str, str] | None:
    """The template's accent 1 and dark 2 colours ("#1d4f73"), read from its theme; ``None``
    when it has none that can be read."""
    try:
        with zipfile.ZipFile(pptx) as z:
            names = sorted(n for n in z.namelist() if re.fullmatch(r"ppt/theme/theme\d+\.xml", n))
            if not names:
                return None
            info = z.getinfo(names[0])
            if info.file_size > 2_000_000:
                return None
            xml = z.read(names[0]).decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile, KeyError):
        raise FacilitatorError(Problem(str(pptx), 0, "--template", "cannot be read as a .pptx file", "give the organisation's PowerPoint template")) from None

    def colour(slot: str) -> str | None:
        m = re.search(rf"<a:{slot}>\s*<a:(?:srgbClr val|sysClr [^>]*lastClr)=\"([0-9A-Fa-f]{{6}})\"", xml)
        return f"#{m.group(1).lower()}" if m else None

    accent, dark = colour("accent1"), colour("dk2")
    return (accent, dark or accent) if accent else None
