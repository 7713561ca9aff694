"""Local help as an input of its own: a contacts file (``contacts.yaml``), in any language.

The same format serves ``--contacts FILE`` (an English-speaking school, an NGO's country) and a
locale pack's ``contacts.yaml``: the national child helpline, the emergency number, a crisis line,
the hotline for abuse material and the route for adults, each with where it was taken from and when
it was checked. A contact without its source is refused with its line; no number is ever invented.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from facilitator.errors import FacilitatorError, Problem
from facilitator.schema import Model, NonEmpty
from facilitator.yamlfile import read_yaml

Role = Literal["helpline", "crisis", "hotline", "emergency", "police", "other"]


class Source(Model):
    """Where a contact was taken from (a page's address or a named document) and when it was checked."""

    name: NonEmpty
    date: dt.date

    @property
    def cited(self) -> str:
        """How the outputs cite it: "the page, 2026-12-02"."""
        return f"{self.name}, {self.date.isoformat()}"


_DOMAIN = r"(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,61}[A-Za-z0-9\u00a1-\uffff])?\.)+[A-Za-z\u00a1-\uffff]{2,63}"
WEB = re.compile(rf"(?:https?://)?{_DOMAIN}(?::\d{{1,5}})?(?:[/?#][^\s<>\"]*)?", re.IGNORECASE)
"""A help website as printed for participants: an http(s) address or a bare domain, nothing else
(never ``javascript:``, ``data:`` or ``file:``)."""


def is_web_address(value: str) -> bool:
    """Whether ``value`` is an ``http(s)://`` address or a bare domain (``www.example.org/help``)."""
    return bool(WEB.fullmatch(value.strip())) and not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in value)


class ContactEntry(Model):
    """One local contact: never shipped without its source."""

    role: Role
    name: NonEmpty
    phone: NonEmpty | None = None
    website: NonEmpty | None = None
    hours: NonEmpty | None = None
    audience: NonEmpty | None = None
    description: NonEmpty | None = None
    source: Source

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not is_web_address(value):
            raise ValueError(f"'{value[:80]}' is not a web address (write https://... or a plain domain such as www.example.org)")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> ContactEntry:
        if not (self.phone or self.website):
            raise ValueError("has neither a phone number nor a website")
        return self


class ContactsFile(Model):
    contacts: list[ContactEntry] = Field(default_factory=list)


def read_contacts(path: Path, folder: Path | None = None) -> tuple[ContactEntry, ...]:
    """The contacts of ``path``, checked: a problem names the file, the line and the field. In a
    locale pack (``folder``), a link out of the pack is refused."""
    from facilitator.inputs import refused
    from facilitator.loader import problems_from

    if not path.exists() and not path.is_symlink() or path.is_dir():
        raise FacilitatorError(Problem(str(path), 0, "--contacts", "is not a file", "make one with `facilitator contacts init --country XX contacts.yaml`"))
    if (problem := refused(path, folder, "" if folder else "--contacts")) is not None:
        raise FacilitatorError(problem)
    data, lines = read_yaml(path, folder=folder)
    if not isinstance(data, dict):
        raise FacilitatorError(Problem(str(path), 1, "contacts", "is not a contacts file (expected `contacts:` with a list)", "make one with `facilitator contacts init`"))
    try:
        return tuple(ContactsFile.model_validate(data).contacts)
    except ValidationError as exc:
        raise FacilitatorError(problems_from(exc, str(path), lines, "each contact has role, name, phone or website, and source: {name, date}")) from None


def starter(country: str) -> str:
    """A commented contacts file to fill in for ``country``: what to look up, never a number."""
    return STARTER.replace("{country}", country.upper())


STARTER = """\
# Local help for sessions in {country}: these contacts fill the local-contacts slot on the help
# slide, the handout and every card (child helpline, emergency number, crisis line), and come first
# in every list of where to get help. Build with: facilitator pack --contacts THIS-FILE
#
# Look each one up on its own official website, call it to check, and write where you found it
# (the page's address or the document's name) and the date you checked it. Never guess a number.
# A contact needs a phone number or a website, and its source.
#
# Roles: helpline (the national child helpline: Child Helpline International's directory,
#        www.childhelplineinternational.org, lists them), emergency (police, ambulance),
#        crisis (a crisis or suicide-prevention line), hotline (for reporting child sexual abuse
#        material: the INHOPE member in {country}, www.inhope.org), police, other (e.g. where
#        adults report a concern about a child).
contacts: []
# contacts:
#   - role: helpline
#     name: ...
#     phone: "..."
#     hours: ...
#     audience: children and young people up to 18
#     source: {name: "the helpline's own page, https://...", date: 2026-12-02}
#   - role: emergency
#     name: ...
#     phone: "..."
#     source: {name: "...", date: 2026-12-02}
#   - role: crisis
#     name: ...
#     phone: "..."
#     source: {name: "...", date: 2026-12-02}
"""
