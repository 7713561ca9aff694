"""One layout per slide kind for the built-in theme: where each kind's text goes, how it is
measured, and how it is drawn.

Every kind has a *main text* (the points, the question, the story...) set at one size per kind for
the whole deck (see :mod:`decks.writer`); :func:`main_text` gives its box and paragraphs so the
writer can measure it before anything is drawn. Geometry is in points on a 960 x 540 slide.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide

from decks import draw
from decks.fitting import Para, best_size, block_height, line_height, paginate, text_width, wrap
from decks.slides import SlideSpec
from decks.theme import BODY_BOX, INSET_PT, MARGIN, PAGE_H, PAGE_W, RULE_BOX, TITLE_BOX, Box, Theme, TypeScale
from facilitator.errors import FacilitatorError, Problem
from facilitator.fitting import largest_fitting

CARD_PAD = 18.0
GAP = 12.0
BAND_H = 118.0
"""Height of the question band a points slide may end with."""
PILL_H = 46.0


def start_size(kind: str, scale: TypeScale) -> int:
    """The size a kind's main text starts at before any shrinking."""
    return scale.large if kind in ("discussion", "statement") else scale.body


# -- measuring ----------------------------------------------------------------------------------


def main_text(spec: SlideSpec, theme: Theme) -> tuple[Box, list[Para]] | None:
    """The box and paragraphs of a kind's main text (None for kinds laid out on their own)."""
    k = spec.kind
    if k == "points":
        box = _points_box(spec)
        return box, [Para(p) for p in spec.points]
    if k == "discussion":
        return _inset(_question_card(spec, theme), CARD_PAD), _question_paras(spec)
    if k == "story":
        return _story_text_box(), [Para(t.strip(), bullet=False) for t in spec.text.split("\n\n") if t.strip()]
    if k == "chat":
        return Box(BODY_BOX.left, BODY_BOX.top, _bubble_width(), BODY_BOX.height), [Para(t, bullet=False) for _who, t in spec.chat]
    if k == "statement":
        return _inset(_statement_card(), CARD_PAD), [Para(spec.text, bullet=False, bold=True)]
    if k == "answer":
        return _inset(_answer_card(spec, theme), CARD_PAD), [Para(spec.text, bullet=False, bold=True)]
    if k == "activity":
        return _steps_box(spec), _activity_paras(spec)
    if k == "note":
        return _inset(_note_card(), CARD_PAD), [Para(spec.text, bullet=False), *(Para(x, bullet=False, bold=True) for x in spec.lines)]
    if k == "help":
        return _contacts_box(), [Para(p) for p in spec.points]
    return None


def fits(spec: SlideSpec, theme: Theme, size: int) -> bool:
    """Whether the spec's main text fits its box at ``size``."""
    found = main_text(spec, theme)
    if found is None:
        return True
    box, paras = found
    if spec.kind == "chat":
        return _chat_height(spec, size) <= box.height
    width, height = box.inner()
    return block_height(paras, size, width) <= height


def split(spec: SlideSpec, theme: Theme, size: int) -> list[SlideSpec]:
    """The spec as several slides of its kind whose main text each fit at ``size`` (points,
    steps, contacts and chat messages never break; a story breaks between sentences)."""
    if fits(spec, theme, size):
        return [spec]
    k = spec.kind
    if k in ("points", "activity", "help") and len(spec.points) > 1:
        return _halves(spec, theme, size, "points")
    if k == "chat" and len(spec.chat) > 1:
        return _halves(spec, theme, size, "chat")
    if k == "story":
        found = main_text(spec, theme)
        assert found is not None
        box, paras = found
        width, height = box.inner()
        pages = paginate(paras, size, width, height, max_items=99)
        return [replace(spec, text="\n\n".join(p.text for p in page), continued=spec.continued + i) for i, page in enumerate(pages)]
    return [spec]  # one question or statement: set at its kind's size, continued nowhere


def _halves(spec: SlideSpec, theme: Theme, size: int, field: str) -> list[SlideSpec]:
    """The items of ``field`` over as few slides as fit, shared out evenly (never a last slide
    holding one line while the one before is full)."""
    def holding(page: list[Any], **more: Any) -> SlideSpec:
        changes: dict[str, Any] = {field: tuple(page), **more}
        return replace(spec, **changes)

    pages: list[list[Any]] = [[]]
    for item in getattr(spec, field):  # greedy: as many as fit on each slide
        if pages[-1] and not fits(holding([*pages[-1], item]), theme, size):
            pages.append([])
        pages[-1].append(item)
    # Then even them out: move items back to a later slide while they still fit there.
    for i in range(len(pages) - 2, -1, -1):
        while len(pages[i]) > len(pages[i + 1]) and fits(holding([pages[i][-1], *pages[i + 1]]), theme, size):
            pages[i + 1].insert(0, pages[i].pop())
    return [
        holding(page, continued=spec.continued + n, text=spec.text if n == 0 or spec.kind != "points" else "")
        for n, page in enumerate(pages)
    ]


# -- geometry ------------------------------------------------------------------------------------


def _inset(box: Box, pad: float) -> Box:
    return Box(box.left + pad - INSET_PT, box.top + pad - INSET_PT, box.width - 2 * (pad - INSET_PT), box.height - 2 * (pad - INSET_PT))


def _points_box(spec: SlideSpec) -> Box:
    if spec.text:
        return Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width, BODY_BOX.height - BAND_H - GAP)
    return BODY_BOX


def _question_card(spec: SlideSpec, theme: Theme) -> Box:
    top = BODY_BOX.top + PILL_H + GAP
    return Box(BODY_BOX.left, top, BODY_BOX.width, BODY_BOX.bottom - top)


def _story_text_box() -> Box:
    top = BODY_BOX.top + CARD_PAD + PILL_H + 6
    return Box(BODY_BOX.left + CARD_PAD, top, BODY_BOX.width - 2 * CARD_PAD, BODY_BOX.bottom - CARD_PAD - top)


def _bubble_width() -> float:
    return BODY_BOX.width * 0.72


def _statement_card() -> Box:
    return Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width, BODY_BOX.height - PILL_H - GAP * 2)


def _answer_card(spec: SlideSpec, theme: Theme) -> Box:
    top = BODY_BOX.top + 70 + GAP + _statement_height(spec, theme) + GAP
    return Box(BODY_BOX.left, top, BODY_BOX.width, BODY_BOX.bottom - top)


def _statement_height(spec: SlideSpec, theme: Theme) -> float:
    width = BODY_BOX.width - 2 * INSET_PT
    return block_height([Para(x, bullet=False) for x in spec.lines], theme.scale.body_min, width) + 2 * INSET_PT


def _steps_box(spec: SlideSpec) -> Box:
    return Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width - SIDEBAR_W - GAP * 2, BODY_BOX.height)


SIDEBAR_W = 220.0


def _note_card() -> Box:
    return BODY_BOX


LOCAL_H = 150
"""The local-contacts row: three slots (helpline, emergency, crisis line), each a label of up to
two lines and the number, at the band's body size."""


def _local_box() -> Box:
    return Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width, LOCAL_H)


def _contacts_box() -> Box:
    top = BODY_BOX.top + LOCAL_H + GAP * 1.5
    return Box(BODY_BOX.left, top, BODY_BOX.width, BODY_BOX.bottom - top)


# -- drawing -------------------------------------------------------------------------------------


def draw_slide(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    """Draw everything of ``spec`` but its title (set by the writer) and footer."""
    DRAWERS[spec.kind](slide, spec, theme, size)


def title_box(spec: SlideSpec) -> Box:
    """Where the title placeholder goes for this kind."""
    if spec.kind in ("title", "closing"):
        return Box(MARGIN, 30, PAGE_W - 2 * MARGIN, COVER_SPLIT - 46)
    if spec.kind == "opener":
        return Box(OPENER_TEXT_LEFT, 150, PAGE_W - MARGIN - OPENER_TEXT_LEFT, 150)
    return TITLE_BOX


def title_style(spec: SlideSpec, theme: Theme) -> tuple[int, int, int, str]:
    """Start size, smallest size, most lines and colour of the title of this kind."""
    s, p = theme.scale, theme.palette
    if spec.kind in ("title", "closing"):
        return s.cover, s.title_min, 6, p.on_accent
    if spec.kind == "opener":
        return s.cover, s.title_min, 3, p.ink
    return s.title, s.title_min, 2, p.accent


def _rule(slide: Slide, theme: Theme) -> None:
    draw.shape(slide, "Accent rule", RULE_BOX, theme.palette.accent, radius=0.5 if theme.radius else 0.0)


def _pill(slide: Slide, name: str, left: float, top: float, label: str, size: int, fill: str, colour: str, theme: Theme) -> float:
    """A rounded label sized to its text; returns its width."""
    width = text_width(label, size, bold=True) + 2 * 18 + 2 * INSET_PT
    draw.labelled_shape(slide, name, Box(left, top, width, PILL_H), fill, [Para(label, bullet=False, bold=True)], size, colour,
                        radius=0.5, inset=2.0)
    return width


COVER_SPLIT = 300.0
DETAILS_BOTTOM = 500.0
"""The session details on the title slide end above the footer."""
"""Where the accent top of a cover slide (title, closing) meets its light lower part."""


def _draw_title(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    draw.shape(slide, "Lower part", Box(0, COVER_SPLIT, PAGE_W, PAGE_H - COVER_SPLIT), p.background)
    width = PAGE_W - 2 * MARGIN
    if theme.radius:  # rounder shapes for the youngest: soft circles in the corner, clear of all text
        draw.shape(slide, "Circle", Box(PAGE_W - 150, COVER_SPLIT + 40, 220, 220), p.tint, kind=MSO_SHAPE.OVAL)
        draw.shape(slide, "Circle", Box(PAGE_W - 205, COVER_SPLIT + 20, 70, 70), p.second, kind=MSO_SHAPE.OVAL)
        width -= 170
    lines = [Para(x, bullet=False, bold=i == 0) for i, x in enumerate(spec.lines)]
    box = Box(MARGIN, COVER_SPLIT + 14, width, DETAILS_BOTTOM - COVER_SPLIT - 14)
    fitted = best_size(lines, theme.scale.body, theme.scale.body_min, *box.inner())
    if fitted is None:
        raise FacilitatorError(Problem(field="--place", message="the place and organisation are too long for the title slide", hint="shorten them"))
    draw.text(slide, "Session details", box, lines, fitted, p.ink)


def _draw_closing(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    draw.shape(slide, "Lower part", Box(0, COVER_SPLIT, PAGE_W, PAGE_H - COVER_SPLIT), p.background)
    card = Box(MARGIN, COVER_SPLIT + 24, PAGE_W - 2 * MARGIN, 150)
    draw.shape(slide, "Help card", card, p.tint, radius=theme.radius)
    paras = [Para(spec.text, bullet=False, bold=True)]
    inner = _inset(card, CARD_PAD)
    fitted = best_size(paras, theme.scale.body, theme.scale.body_min, *inner.inner()) or theme.scale.body_min
    draw.text(slide, "Where to get help", inner, paras, fitted, p.ink, anchor=MSO_ANCHOR.MIDDLE)


OPENER_TEXT_LEFT = 290.0


def _draw_opener(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    draw.shape(slide, "Side band", Box(0, 0, 230, PAGE_H), p.tint)
    badge = Box(80, 165, 150, 150)
    kind = MSO_SHAPE.OVAL if theme.radius >= 0.2 else None
    draw.labelled_shape(slide, "Part number", badge, p.accent, [Para(spec.label, bullet=False, bold=True)], theme.scale.cover + 18, p.on_accent,
                        radius=theme.radius, kind=kind)
    if spec.text:
        box = Box(OPENER_TEXT_LEFT, 318, PAGE_W - MARGIN - OPENER_TEXT_LEFT, 150)
        paras = [Para(spec.text, bullet=False)]
        fitted = best_size(paras, theme.scale.body, theme.scale.body_min, *box.inner()) or theme.scale.body_min
        draw.text(slide, "Why it matters", box, paras, fitted, p.muted)


ROW_GAP = 6.0


def _agenda_columns(spec: SlideSpec, columns: int, size: int) -> tuple[float, float, float, float]:
    """Column width, time width, minutes width and title width of the agenda at ``size``."""
    col_w = (BODY_BOX.width - GAP * 3 * (columns - 1)) / columns
    time_w = text_width("00:00", size, True) + 2 * INSET_PT + 2
    min_w = text_width("00 min", size) + 2 * INSET_PT + 2
    return col_w, time_w, min_w, col_w - time_w - min_w - 30


def _row_height(title: str, size: int, width: float) -> float:
    return len(wrap(title, size, width - 2 * INSET_PT)) * line_height(size)


def agenda_layout(spec: SlideSpec, theme: Theme) -> tuple[int, int]:
    """Columns and type size for the agenda timeline: one column at the largest size that fits,
    else two."""
    s = theme.scale
    for columns in (1, 2):
        per_column = -(-len(spec.rows) // columns)
        chunks = [spec.rows[c * per_column : (c + 1) * per_column] for c in range(columns)]

        def fits(size: float) -> bool:
            title_w = _agenda_columns(spec, columns, int(size))[3]
            return all(sum(_row_height(r.title, int(size), title_w) for r in rows) + ROW_GAP * (len(rows) - 1) <= BODY_BOX.height for rows in chunks)

        size = largest_fitting(s.body, s.body_min, fits)
        if size is not None:
            return columns, int(size)
    return 2, s.body_min


def _draw_agenda(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    columns, row_size = agenda_layout(spec, theme)
    per_column = -(-len(spec.rows) // columns)
    col_w, time_w, min_w, title_w = _agenda_columns(spec, columns, row_size)
    lh = line_height(row_size)
    for c in range(columns):
        rows = spec.rows[c * per_column : (c + 1) * per_column]
        if not rows:
            continue
        left = BODY_BOX.left + c * (col_w + GAP * 3)
        heights = [_row_height(r.title, row_size, title_w) for r in rows]
        spare = BODY_BOX.height - sum(heights)
        gap = min(lh * 0.6, spare / max(1, len(rows) - 1))
        line_x = left + time_w + 12
        draw.shape(slide, "Timeline", Box(line_x - 1.5, BODY_BOX.top + lh / 2, 3, sum(heights[:-1]) + gap * (len(rows) - 1)), p.line)
        top = BODY_BOX.top
        for row, h in zip(rows, heights):
            dot = max(12.0, row_size * 0.45)
            draw.shape(slide, "Timeline dot", Box(line_x - dot / 2, top + lh / 2 - dot / 2, dot, dot), p.accent, kind=MSO_SHAPE.OVAL)
            cell = {"inset": 0.0}
            draw.text(slide, "Time", Box(left, top, time_w, h), [Para(row.start, bullet=False, bold=True)], row_size, p.accent, **cell)  # type: ignore[arg-type]
            draw.text(slide, "Part", Box(line_x + 18, top, title_w, h), [Para(row.title, bullet=False)], row_size, p.ink, **cell)  # type: ignore[arg-type]
            draw.text(slide, "Minutes", Box(left + col_w - min_w, top, min_w, h), [Para(f"{row.minutes} min", bullet=False)], row_size, p.muted,
                      align=PP_ALIGN.RIGHT, **cell)  # type: ignore[arg-type]
            top += h + gap


def _draw_points(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    box = _points_box(spec)
    draw.text(slide, "Body", box, [Para(x) for x in spec.points], size, p.ink)
    if spec.text:
        band = Box(BODY_BOX.left, BODY_BOX.bottom - BAND_H, BODY_BOX.width, BAND_H)
        draw.shape(slide, "Question band", band, p.tint, radius=theme.radius)
        label_size = theme.scale.body_min
        pill_w = _pill(slide, "How to discuss", band.left + CARD_PAD, band.top + (BAND_H - PILL_H) / 2, spec.label, label_size, p.second, p.on_accent, theme)
        q_box = Box(band.left + CARD_PAD + pill_w + GAP, band.top + 6, band.width - pill_w - 2 * CARD_PAD - GAP, BAND_H - 12)
        paras = [Para(spec.text, bullet=False, bold=True)]
        fitted = best_size(paras, size, theme.scale.body_min, *q_box.inner()) or theme.scale.body_min
        draw.text(slide, "Question", q_box, paras, fitted, p.ink, anchor=MSO_ANCHOR.MIDDLE)


def _draw_discussion(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    _pill(slide, "How to discuss", BODY_BOX.left, BODY_BOX.top, spec.label, theme.scale.body_min, p.second, p.on_accent, theme)
    card = _question_card(spec, theme)
    draw.shape(slide, "Question card", card, p.tint, radius=theme.radius)
    draw.text(slide, "Question", _inset(card, CARD_PAD), _question_paras(spec), size, p.ink, anchor=MSO_ANCHOR.MIDDLE)


def _question_paras(spec: SlideSpec) -> list[Para]:
    """One question, or several (each a bulleted paragraph)."""
    questions = [q for q in spec.text.split("\n\n") if q.strip()]
    return [Para(q, bullet=len(questions) > 1, bold=True) for q in questions]


def fill(spec: SlideSpec, theme: Theme, size: int) -> float:
    """How much of its main text box a slide's text fills at ``size`` (0 to 1)."""
    found = main_text(spec, theme)
    if found is None:
        return 1.0
    box, paras = found
    if spec.kind == "chat":
        return _chat_height(spec, size) / box.height
    width, height = box.inner()
    return block_height(paras, size, width) / height


def _draw_story(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    draw.shape(slide, "Story card", BODY_BOX, p.tint, radius=theme.radius)
    _pill(slide, "Character", BODY_BOX.left + CARD_PAD, BODY_BOX.top + CARD_PAD, spec.label, theme.scale.body_min, p.accent, p.on_accent, theme)
    paras = [Para(t.strip(), bullet=False) for t in spec.text.split("\n\n") if t.strip()]
    draw.text(slide, "Story", _story_text_box(), paras, size, p.ink)


def _chat_height(spec: SlideSpec, size: int) -> float:
    return sum(_bubble(who, text, size)[1] for who, text in spec.chat) + GAP * max(0, len(spec.chat) - 1)


def _bubble(who: str, text: str, size: int) -> tuple[list[Para], float, float]:
    """A message's paragraphs, bubble height and bubble width (narrower for short messages)."""
    paras = ([Para(who, bullet=False, bold=True)] if who else []) + [Para(text, bullet=False, bold=not who)]
    pad = CARD_PAD - INSET_PT
    # Slack for the renderer: a line measured to the point may still wrap where it is drawn.
    widest = max(text_width(x.text, size, x.bold) for x in paras) * 1.1 + 2 * INSET_PT + 2 * pad + 8
    width = min(_bubble_width(), max(widest, 160.0))
    inner = width - 2 * pad - 2 * INSET_PT
    height = block_height(paras, size, inner) + 2 * INSET_PT + 2 * pad
    return paras, height, width


def _draw_chat(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    top = BODY_BOX.top
    for who, text in spec.chat:
        paras, height, width = _bubble(who, text, size)
        if not who:  # narration: centred, no bubble
            box = Box((PAGE_W - width) / 2, top, width, height)
            draw.text(slide, "Narration", box, paras, size, p.muted, align=PP_ALIGN.CENTER)
        else:
            mine = who == spec.label
            left = BODY_BOX.right - width if mine else BODY_BOX.left
            box = Box(left, top, width, height)
            fill, colour = (p.accent, p.on_accent) if mine else (p.tint, p.ink)
            draw.labelled_shape(slide, f"Message from {who}", box, fill, paras, size, colour, radius=max(theme.radius, 0.18),
                                align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, inset=CARD_PAD)
        top += height + GAP


def _draw_statement(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    card = _statement_card()
    draw.shape(slide, "Statement card", card, p.tint, radius=theme.radius)
    draw.text(slide, "Statement", _inset(card, CARD_PAD), [Para(spec.text, bullet=False, bold=True)], size, p.ink, anchor=MSO_ANCHOR.MIDDLE)
    label = theme.scale.body_min
    top = card.bottom + GAP
    myth, fact = spec.choices
    w = _pill(slide, "Choice", card.left, top, myth, label, p.accent, p.on_accent, theme)
    _pill(slide, "Choice", card.left + w + GAP, top, fact, label, p.second, p.on_accent, theme)


def _draw_answer(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    is_fact = spec.fact
    badge = Box(BODY_BOX.left, BODY_BOX.top, 300, 70)
    mark = ("✓ " if is_fact else "✗ ") + spec.label.upper()
    draw.labelled_shape(slide, "Answer", badge, p.second if is_fact else p.accent, [Para(mark, bullet=False, bold=True)], theme.scale.large, p.on_accent,
                        radius=theme.radius)
    statement = Box(BODY_BOX.left, badge.bottom + GAP, BODY_BOX.width, _statement_height(spec, theme))
    draw.text(slide, "Statement", statement, [Para(x, bullet=False) for x in spec.lines], theme.scale.body_min, p.muted)
    card = _answer_card(spec, theme)
    draw.shape(slide, "Reason card", card, p.tint, radius=theme.radius)
    draw.text(slide, "Reason", _inset(card, CARD_PAD), [Para(spec.text, bullet=False, bold=True)], size, p.ink, anchor=MSO_ANCHOR.MIDDLE)


def _activity_paras(spec: SlideSpec) -> list[Para]:
    """The steps, numbered, then what to bring in one line."""
    paras = [Para(f"{i}.  {p}", bullet=False) for i, p in enumerate(spec.points, 1)]
    if spec.lines:
        paras.append(Para(spec.need, bullet=False, bold=True))
    return paras


def _draw_activity(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    draw.text(slide, "Steps", _steps_box(spec), _activity_paras(spec), size, p.ink)
    side = Box(BODY_BOX.right - SIDEBAR_W, BODY_BOX.top, SIDEBAR_W, BODY_BOX.height)
    draw.shape(slide, "Activity card", side, p.tint, radius=theme.radius)
    inner = _inset(side, CARD_PAD)
    minutes = [Para(spec.label, bullet=False, bold=True)]
    draw.text(slide, "Minutes", inner, minutes, theme.scale.cover, p.accent, align=PP_ALIGN.CENTER, anchor=MSO_ANCHOR.MIDDLE)


def _draw_note(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    card = _note_card()
    draw.shape(slide, "Note card", card, p.tint, radius=theme.radius)
    draw.shape(slide, "Note mark", Box(card.left, card.top + 24, 8, card.height - 48), p.second)
    paras = [Para(spec.text, bullet=False), *(Para(x, bullet=False, bold=True) for x in spec.lines)]
    draw.text(slide, "Note", _inset(card, CARD_PAD), paras, size, p.ink, anchor=MSO_ANCHOR.MIDDLE)


def _draw_help(slide: Slide, spec: SlideSpec, theme: Theme, size: int) -> None:
    p = theme.palette
    _rule(slide, theme)
    local = _local_box()
    n = max(1, len(spec.lines))
    w = (local.width - GAP * (n - 1)) / n
    for i, line in enumerate(spec.lines):
        label, _sep, value = line.partition(": ")
        box = Box(local.left + i * (w + GAP), local.top, w, local.height)
        paras = [Para(label, bullet=False), Para(value, bullet=False, bold=True)]
        fitted = best_size(paras, theme.scale.large, theme.scale.body_min, *_inset(box, CARD_PAD).inner()) or theme.scale.body_min
        draw.labelled_shape(slide, "Local contact", box, p.tint, paras, fitted, p.ink, radius=theme.radius, align=PP_ALIGN.LEFT,
                            anchor=MSO_ANCHOR.MIDDLE, inset=CARD_PAD)
    draw.text(slide, "Body", _contacts_box(), [Para(x) for x in spec.points], size, p.ink)


DRAWERS = {
    "title": _draw_title,
    "closing": _draw_closing,
    "opener": _draw_opener,
    "agenda": _draw_agenda,
    "points": _draw_points,
    "discussion": _draw_discussion,
    "story": _draw_story,
    "chat": _draw_chat,
    "statement": _draw_statement,
    "answer": _draw_answer,
    "activity": _draw_activity,
    "note": _draw_note,
    "help": _draw_help,
}
