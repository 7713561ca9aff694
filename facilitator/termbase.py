"""A locale's term base (``terms.yaml``): the one rendering of each key term in its language, and
the renderings to avoid. ``facilitator check --locale`` flags every catalog entry whose English
names a term and whose translation uses an avoided rendering, so the key words of a safeguarding
session (abuser, child sexual abuse material, safeguarding lead) read the same everywhere."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from pydantic import Field, TypeAdapter, ValidationError

from facilitator.errors import FacilitatorError, Problem
from facilitator.loader import problems_from
from facilitator.schema import Model, NonEmpty
from facilitator.yamlfile import read_yaml

TERMS = "terms.yaml"


class Term(Model):
    """One key term: its English words, the rendering to use and the ones to avoid."""

    en: NonEmpty
    use: NonEmpty
    also: list[str] = Field(default_factory=list)
    """Other accepted forms of ``use`` (a short form, a plural the language builds differently)."""
    avoid: list[str] = Field(default_factory=list)
    note: str = ""


def load_terms(folder: Path) -> list[Term]:
    """The locale's term base, or none when it has no ``terms.yaml``."""
    path = folder / TERMS
    if not path.exists() and not path.is_symlink():
        return []
    data, lines = read_yaml(path, folder=folder)
    if not isinstance(data, list):
        raise FacilitatorError(Problem(str(path), 1, "", "is not a list of terms", "write one `- en: …, use: …, avoid: […]` entry per term"))
    try:
        return TypeAdapter(list[Term]).validate_python(data)
    except ValidationError as exc:
        raise FacilitatorError(problems_from(exc, str(path), lines, "each term has en, use and, if any, also, avoid and note")) from None


def _mentions(text: str, words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words.casefold())}", text.casefold()) is not None


def check_terms(catalog: Catalog, terms: list[Term], po: Path) -> list[Problem]:
    """Every translated entry whose English names a term and whose translation renders it with a
    word the term base avoids instead of its own (an avoided word the English itself quotes, such
    as a treaty's title, is not a rendering), with the PO file and line."""
    problems = []
    for message in catalog:
        if not message.id or message.fuzzy or not isinstance(message.string, str) or not message.string:
            continue
        for term in terms:
            if not _mentions(str(message.id), term.en):
                continue
            if any(_mentions(message.string, form) for form in (term.use, *term.also)):
                continue
            for wrong in term.avoid:
                if _mentions(message.string, wrong) and not _mentions(str(message.id), wrong):
                    problems.append(Problem(str(po), message.lineno or 0, message.context or "",
                                            f"renders '{term.en}' as '{wrong}'", f"use '{term.use}' ({TERMS})"))
    return problems
