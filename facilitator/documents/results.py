"""Reading the knowledge checks' and feedback forms' results (``facilitator report``).

The CSV format (docs/templates.md, and ``docs/example-results.csv``): one row
per form, with these columns::

    session,band,form,code,q1,q2,...,help,f1,f2,...

- ``session``: any id of the session (several CSVs, or several sessions in one, combine);
- ``band``: ``10-12``, ``13-15``, ``16-17`` or ``adults``;
- ``form``: ``before`` or ``after`` (the knowledge check) or ``feedback``;
- ``code``: the participant's own anonymous code (pairs a before with an after);
- ``q1`` ... : the check's statements in the sheet's order: ``1`` right, ``0`` wrong, empty no answer;
- ``help``: the last statement, "I know where I could get help": ``yes``, ``not sure`` or ``no``;
- ``f1`` ... : the feedback form's questions in order: ``yes``, ``a bit`` or ``no``.

No names, ever: a column that looks like one (name, surname, email, phone...) refuses the file.
A row with a bad value is named (FILE:LINE: column) and left out; the rest is still reported.
Standard library only.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem

BANDS = ("10-12", "13-15", "16-17", "adults")
FORMS = ("before", "after", "feedback")
HELP = ("yes", "not sure", "no")
FEEDBACK = ("yes", "a bit", "no")
FIXED = ("session", "band", "form", "code")
MAX_BYTES = 20 * 1024 * 1024

_NAMEISH = re.compile(
    r"^(name|names|firstname|first|givenname|forename|surname|lastname|familyname|fullname|childname|studentname|student|pupil|participant(name)?"
    r"|e?mail|emailaddress|phone|phonenumber|telephone|tel|mobile|cell|address|postcode|zip|dob|dateofbirth|birthday|birthdate|signature)$"
)


def looks_like_a_name(column: str) -> bool:
    """Whether a column header looks like it holds who someone is."""
    key = re.sub(r"[^a-z]", "", column.lower())
    return bool(_NAMEISH.match(key)) or key.endswith(("name", "email", "phone"))


@dataclass
class Results:
    """What the report prints, computed as a spreadsheet would (shares over the answers given)."""

    files: list[str] = field(default_factory=list)
    sessions: set[str] = field(default_factory=set)
    participants: Counter[str] = field(default_factory=Counter)
    """Distinct (session, code) per band, from the check's rows."""
    forms: Counter[str] = field(default_factory=Counter)
    items: list[str] = field(default_factory=list)
    """The check's columns (q1 ...), in order."""
    right: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(item, before|after) -> [right, answered]."""
    help: dict[str, Counter[str]] = field(default_factory=lambda: {"before": Counter(), "after": Counter()})
    feedback: dict[str, Counter[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    rows: int = 0
    left_out: int = 0

    def share(self, item: str, when: str) -> float | None:
        right, answered = self.right.get((item, when), [0, 0])
        return right / answered if answered else None

    def help_share(self, when: str) -> float | None:
        total = sum(self.help[when].values())
        return self.help[when]["yes"] / total if total else None


def _sorted_items(names: list[str], prefix: str) -> list[str]:
    return sorted((n for n in names if re.fullmatch(prefix + r"[0-9]+", n)), key=lambda n: int(n[1:]))


def read_results(paths: list[Path]) -> Results:
    """Every row of ``paths`` (CSV files) combined; bad rows become warnings and are left out."""
    results = Results()
    codes: dict[str, set[tuple[str, str]]] = {}
    for path in paths:
        if not path.is_file():
            raise FacilitatorError(Problem(str(path), 0, "RESULTS.csv", "is not a file", "give the CSV of the forms' results"))
        if path.stat().st_size > MAX_BYTES:
            raise FacilitatorError(Problem(str(path), 0, "RESULTS.csv", "is larger than 20 MB", "split it into several files"))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FacilitatorError(Problem(str(path), 0, "RESULTS.csv", f"is not UTF-8 text ({exc.reason})", "save it as CSV UTF-8")) from None
        results.files.append(str(path))
        reader = csv.reader(text.splitlines())
        header = next(reader, None)
        if not header:
            raise FacilitatorError(Problem(str(path), 1, "header", "the file is empty", "the first row names the columns: " + ",".join(FIXED)))
        columns = [h.strip().lower() for h in header]
        for i, c in enumerate(columns):
            if looks_like_a_name(c):
                raise FacilitatorError(Problem(str(path), 1, header[i].strip(), "looks like a column of names or contact details; the report takes none, ever",
                                               "delete the column: the forms are anonymous, paired by the participant's own code"))
        missing = [c for c in FIXED if c not in columns]
        if missing:
            raise FacilitatorError(Problem(str(path), 1, "header", f"has no column {', '.join(missing)}", "the first row names the columns: " + ",".join(FIXED) + ",q1,...,help,f1,..."))
        for i, c in enumerate(columns):
            if c not in FIXED and c != "help" and not re.fullmatch(r"[qf][0-9]+", c):
                results.warnings.append(f"{path}:1: {header[i].strip()}: not a column the report knows; left out (the columns are {', '.join(FIXED)}, q1..., help, f1...)")
        for item in _sorted_items(columns, "q"):
            if item not in results.items:
                results.items.append(item)
        for q in _sorted_items(columns, "f"):
            results.feedback.setdefault(q, Counter())
        for line, row in enumerate(reader, 2):
            if not any(cell.strip() for cell in row):
                continue
            results.rows += 1
            cells = {columns[i]: row[i].strip() for i in range(min(len(row), len(columns)))}
            problem = _problem(cells, columns, len(row))
            if problem:
                column, message = problem
                results.warnings.append(f"{path}:{line}: {column}: {message}; row left out")
                results.left_out += 1
                continue
            band, form = cells["band"].lower(), cells["form"].lower()
            results.sessions.add(cells["session"])
            results.forms[form] += 1
            if form == "feedback":
                for q in _sorted_items(columns, "f"):
                    if cells.get(q):
                        results.feedback[q][cells[q].lower()] += 1
                continue
            codes.setdefault(band, set()).add((cells["session"], cells["code"]))
            for item in _sorted_items(columns, "q"):
                value = cells.get(item, "")
                if value:
                    tally = results.right.setdefault((item, form), [0, 0])
                    tally[0] += int(value)
                    tally[1] += 1
            if cells.get("help"):
                results.help[form][cells["help"].lower()] += 1
    results.participants = Counter({band: len(codes[band]) for band in BANDS if band in codes})
    return results


def _problem(cells: dict[str, str], columns: list[str], width: int) -> tuple[str, str] | None:
    """(column, what is wrong) for the first bad cell of a row, or None."""
    if width > len(columns):
        return (f"column {len(columns) + 1}", f"the row has {width} cells, the header {len(columns)}")
    band, form = cells.get("band", "").lower(), cells.get("form", "").lower()
    if band not in BANDS:
        return ("band", f"'{cells.get('band', '')}' is not an age band (use {', '.join(BANDS)})")
    if form not in FORMS:
        return ("form", f"'{cells.get('form', '')}' is not a form (use {', '.join(FORMS)})")
    if not cells.get("session"):
        return ("session", "is empty")
    if form != "feedback" and not cells.get("code"):
        return ("code", "is empty (the participant's own code pairs before and after)")
    for c in columns:
        value = cells.get(c, "")
        if not value:
            continue
        if re.fullmatch(r"q[0-9]+", c) and value not in ("0", "1"):
            return (c, f"'{value}' is not 1 (right), 0 (wrong) or empty (no answer)")
        if c == "help" and value.lower() not in HELP:
            return (c, f"'{value}' is not yes, not sure, no or empty")
        if re.fullmatch(r"f[0-9]+", c) and value.lower() not in FEEDBACK:
            return (c, f"'{value}' is not yes, a bit, no or empty")
    return None
