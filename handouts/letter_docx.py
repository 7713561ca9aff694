"""The letter home as an editable Word document (.docx, python-docx), for schools that put
letters on their letterhead in Word or Google Docs: the same template, the same blocks as the
PDF letter. Reproducible: fixed core properties and zip dates (``SOURCE_DATE_EPOCH``)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any, BinaryIO

from facilitator.model import ParticipantPack, RenderConfig
from facilitator.xmltext import xml_safe
from handouts.letter import blocks as letter_blocks

BOX = "\u2610"
"""A ballot box, for a line to tick (Word's own fonts have it)."""


def _date(epoch: int | None) -> dt.datetime:
    if epoch is None:
        return dt.datetime(1980, 1, 1)
    return max(dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None), dt.datetime(1980, 1, 1))


def _text(text: str) -> str:
    return " ".join(xml_safe(text).split())


def write(pack: ParticipantPack, out: BinaryIO, config: RenderConfig) -> int:
    """Write the letter home for ``pack`` to ``out`` as .docx; return its number of pages (the
    slip is on a page of its own, so 2)."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    _ = config.words
    document: Any = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12 if pack.info.band.name == "10-12" else 11)
    section = document.sections[0]
    if config.paper == "letter":
        from docx.shared import Inches

        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        from docx.shared import Mm

        section.page_width, section.page_height = Mm(210), Mm(297)
    pages = 1

    for b in letter_blocks(pack, config):
        if b.kind == "title":
            document.add_heading(_text(b.text), level=1)
        elif b.kind == "heading":
            document.add_heading(_text(b.text), level=2)
        elif b.kind == "bullet":
            document.add_paragraph(_text(b.text), style="List Bullet")
        elif b.kind == "tick":
            document.add_paragraph(f"{BOX}  {_text(b.text)}")
        elif b.kind == "field":
            document.add_paragraph(f"{_text(b.text)} " + "_" * 30)
        elif b.kind == "cut":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            pages += 1
        elif b.kind == "contacts":
            for c in pack.local_contacts:
                line = f"{c.label}: " + (f"{c.name}: {c.where}" if c.name and c.filled else c.where or "_" * 20)
                document.add_paragraph(_text(line), style="List Bullet")
            document.add_paragraph(_text(pack.help_line))
            for contact in pack.contacts:
                where = contact.phone or contact.website or ""
                document.add_paragraph(_text(f"{contact.name}: {where}" if where else contact.name), style="List Bullet")
        elif b.text:
            document.add_paragraph(_text(b.text))

    when = _date(config.epoch)
    props = document.core_properties
    props.title = _text(f"{pack.info.title} \u2013 {_('Letter home')}")[:255]
    props.subject = _("A letter to parents and carers")
    props.author = props.last_modified_by = pack.info.org[:255] or "facilitator"
    props.language = pack.info.language
    props.keywords = props.category = props.comments = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when
    raw = io.BytesIO()
    document.save(raw)
    stamp = when.timetuple()[:6]
    data = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in sorted(zin.infolist(), key=lambda i: i.filename != "[Content_Types].xml"):
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, zin.read(item.filename))
    out.write(data.getvalue())
    return pages
