"""Text that every writer can put into XML (pptx) or reportlab markup safely."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")
"""What XML 1.0 cannot hold, and what no printed pack may: DEL, C1 controls, bidi overrides and isolates."""


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters, lone surrogates);
    a carriage return is a line end (python-pptx would print it as ``_x000D_``)."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def markup_escape(text: str) -> str:
    """``text`` safe to hand to a parser of XML-like markup (reportlab's ``Paragraph``)."""
    return escape(xml_safe(text), {'"': "&quot;", "'": "&#39;"})
