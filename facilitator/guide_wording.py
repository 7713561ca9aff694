"""The facilitator guide's own instructions around the sections (``content/guide.yaml``): the
preparation checklist and what to print. Content an organisation may reword, read and checked
once, and put into the Pack in the pack's language."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ValidationError

from facilitator.errors import FacilitatorError
from facilitator.model import Words
from facilitator.schema import Model, NonEmpty
from facilitator.yamlfile import read_yaml


class Line(Model):
    """One line: always printed, or only ``when`` the plan has (``cards``) or has no
    (``no-cards``) scenario and role-play cards."""

    text: NonEmpty
    when: Literal["cards", "no-cards"] | None = None


def _as_lines(value: Any) -> Any:
    return [{"text": v} if isinstance(v, str) else v for v in value] if isinstance(value, list) else value


Lines = Annotated[list[Line], BeforeValidator(_as_lines)]


class GuideWording(Model):
    preparation: Lines
    to_print: Lines


def guide_file() -> Path:
    return Path(str(resources.files("facilitator") / "content" / "guide.yaml"))


@lru_cache(maxsize=1)
def guide_wording() -> GuideWording:
    path = guide_file()
    data, lines = read_yaml(path)
    try:
        return GuideWording.model_validate(data)
    except ValidationError as exc:
        from facilitator.loader import problems_from

        raise FacilitatorError(problems_from(exc, str(path), lines, "see the comment at the top of guide.yaml")) from None


def printed(lines: list[Line], words: Words, cards: int) -> tuple[str, ...]:
    """The lines for a plan with ``cards`` cards, in the pack's language."""
    wanted = "cards" if cards else "no-cards"
    return tuple(words(line.text, count=cards) if "{count}" in line.text else words(line.text) for line in lines if line.when in (None, wanted))
