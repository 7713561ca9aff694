"""How the tool addresses each audience in the words it adds itself (``content/audiences.yaml``):
the help line in footers and the labels of the local-contacts slot. Adults are parents, carers and
teachers, so they are never told to "talk to an adult you trust"."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from facilitator.errors import FacilitatorError, Problem
from facilitator.model.audience import BAND_NAMES, Band
from facilitator.schema import Model, NonEmpty
from facilitator.yamlfile import read_yaml


class Voice(Model):
    """The tool's own words for one band."""

    help_line: NonEmpty
    help_line_contact: NonEmpty
    helpline: NonEmpty
    emergency: NonEmpty
    crisis: NonEmpty
    """The crisis line's label: for someone who cannot cope or wants to hurt themselves."""
    discuss: NonEmpty
    """How a question is discussed, on discussion slides ("Talk in pairs")."""


def audiences_file() -> Path:
    return Path(str(resources.files("facilitator") / "content" / "audiences.yaml"))


@lru_cache(maxsize=1)
def _voices() -> dict[str, Voice]:
    path = audiences_file()
    data, lines = read_yaml(path)
    missing = [b for b in BAND_NAMES if not isinstance(data, dict) or b not in data]
    if missing:
        raise FacilitatorError(Problem(str(path), 1, missing[0], "is missing", "give every band its words"))
    return {band: Voice.model_validate(data[band]) for band in BAND_NAMES}


def voice(band: Band) -> Voice:
    """The tool's words for ``band``."""
    return _voices()[band.name]
