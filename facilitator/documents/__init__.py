"""The wording of the documents around a session (letter home, knowledge check, feedback form,
certificate) as Jinja2 templates an organisation can override (``--templates DIR``).

Templates are rendered in Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` with
:class:`~jinja2.StrictUndefined`: a template cannot reach Python objects or attributes that start
with ``_``, names no variable it is not given, and loads (``include``, ``extends``, ``import``)
only from its own folder, then the shipped one; nothing outside them, no absolute paths, no
symlinks leading out. Every problem is one :class:`~facilitator.errors.FacilitatorError` line
with the template's FILE:LINE.

**Structure comes from the writer.** A template renders to plain text in a tiny line-based
markup (see :func:`parse`), never to reportlab or Word markup: the writer lays the blocks out and
escapes every piece of text for its target (``& < >`` for reportlab's paragraphs, XML-invalid
characters removed for both PDF and .docx). A variable's value is printed on one line (its line
breaks become spaces), so a value can never start a block of its own.

The tool's words in a template go through the pack's catalog: ``{{ _("Dear parent or carer,") }}``
(placeholders as the catalogs write them: ``{{ _("Ages {ages}", ages=audience) }}``), or
``{% trans %}A whole sentence.{% endtrans %}`` for text without variables. ``facilitator locale
template`` extracts both into the ``.pot``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError, Problem

SHIPPED = Path(__file__).resolve().parent / "templates"
"""The shipped templates (``facilitator templates init DIR`` copies them)."""
TEMPLATES: tuple[str, ...] = ("letter.j2", "check.j2", "feedback.j2", "certificate.j2")
"""The template of each document, by file name (an organisation's folder uses the same names)."""
MAX_TEMPLATE = 256 * 1024
"""The largest template file read."""
MAX_OUTPUT = 200_000
"""The most characters a template may render to (a loop cannot fill the disk)."""

_HINT = "see docs/templates.md for the variables and the markup each template gets"


def _refuse(file: str, line: int, message: str, hint: str = _HINT) -> FacilitatorError:
    return FacilitatorError(Problem(file, line, "template", message, hint))


def _one_line(value: Any) -> Any:
    """What ``{{ value }}`` prints: a value's text on one line (no block of its own)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


class _Loader:
    """Loads ``name`` from the user's folder, then the shipped one; nothing else."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [f.resolve() for f in folders]

    def find(self, name: str) -> Path | None:
        if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name or re.match(r"^[A-Za-z]:", name):
            return None
        parts = name.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            return None
        for folder in self.folders:
            path = folder.joinpath(*parts)
            if not path.exists():
                continue
            real = path.resolve()
            if not real.is_relative_to(folder) or not real.is_file():  # a link leading out, a folder, a FIFO: never read
                raise _refuse(str(path), 0, "is a link to a file outside the templates folder, or not a regular file",
                              "copy the template into the folder instead of linking to it")
            return real
        return None


def environment(templates: Path | None, words: Callable[..., str]) -> Any:
    """A sandboxed environment reading ``templates`` (an organisation's folder) then the shipped
    templates, its ``_`` and ``{% trans %}`` translating with ``words`` (a pack's
    :class:`~facilitator.model.Words`)."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    folders = ([templates] if templates is not None else []) + [SHIPPED]
    finder = _Loader(folders)

    class Loader(jinja2.BaseLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
            path = finder.find(template)
            if path is None:
                raise jinja2.TemplateNotFound(template)
            if path.stat().st_size > MAX_TEMPLATE:
                raise _refuse(str(path), 0, f"is larger than {MAX_TEMPLATE // 1024} KB", "keep a template to the wording of one document")
            try:
                source = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise _refuse(str(path), 0, f"is not UTF-8 text ({exc.reason})", "save it as UTF-8") from None
            return source, str(path), lambda: True

    env = SandboxedEnvironment(
        loader=Loader(), undefined=jinja2.StrictUndefined, autoescape=False, finalize=_one_line,
        extensions=["jinja2.ext.i18n"], keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True,
    )

    def gettext(message: str, **values: Any) -> str:
        return words(message, **values)

    def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
        return words.plural(singular, plural, n, **values)  # type: ignore[attr-defined,no-any-return]

    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.globals["_"] = gettext
    return env


def _template_line(exc: BaseException, file: str) -> int:
    """The line of ``file`` a runtime error happened on (Jinja2 rewrites its tracebacks so
    template frames carry the template's file and line)."""
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render(name: str, variables: Mapping[str, Any], templates: Path | None, words: Callable[..., str]) -> str:
    """The template ``name`` rendered with ``variables``; every problem a FacilitatorError with
    the template's FILE:LINE."""
    import jinja2
    from jinja2.exceptions import SecurityError

    env = environment(templates, words)
    path = _Loader(([templates] if templates is not None else []) + [SHIPPED]).find(name)
    file = str(path) if path is not None else name
    try:
        template = env.get_template(name)
        text = template.render(**variables)
    except FacilitatorError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise _refuse(exc.filename or file, exc.lineno or 0, f"syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        where = exc.__traceback__
        line, owner = 0, file
        while where is not None:  # the template that tried to include it
            code = where.tb_frame.f_code.co_filename
            if code.endswith(".j2") or (templates is not None and code.startswith(str(templates.resolve()))):
                line, owner = where.tb_lineno, code
            where = where.tb_next
        if exc.name == name:
            raise _refuse(file, 0, f"there is no template {name}", "run `facilitator templates init DIR` to start from the shipped ones") from None
        raise _refuse(owner, line, f"cannot load '{exc.name}': a template loads only templates of its own folder (no absolute paths, no '..', no symlinks out)") from None
    except jinja2.UndefinedError as exc:
        known = ", ".join(sorted(variables))
        raise _refuse(file, _template_line(exc, file), f"{exc.message}", f"the variables of {name} are: {known}") from None
    except SecurityError as exc:
        raise _refuse(file, _template_line(exc, file), f"not allowed in a template: {exc}", "a template can use its variables, not Python objects") from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError, OverflowError, RecursionError) as exc:
        raise _refuse(file, _template_line(exc, file), f"{type(exc).__name__}: {exc}") from None
    if len(text) > MAX_OUTPUT:
        raise _refuse(file, 0, f"renders to {len(text)} characters", f"a document's wording is at most {MAX_OUTPUT} characters")
    return text


def check_folder(folder: Path, option: str = "--templates") -> Path:
    """``folder`` if it is a folder of templates, else a one-line refusal."""
    if not folder.is_dir():
        raise FacilitatorError(Problem("", 0, option, f"{folder} is not a folder", "give a folder made with `facilitator templates init DIR`"))
    return folder


def init_folder(folder: Path) -> list[Path]:
    """Copy the shipped templates into ``folder`` (made if needed), never over a file there."""
    folder.mkdir(parents=True, exist_ok=True)
    there = [folder / n for n in TEMPLATES if (folder / n).exists()]
    if there:
        raise FacilitatorError(Problem(str(there[0]), 0, "templates init", "already exists", "choose an empty folder, or remove the file first"))
    written = []
    for n in TEMPLATES:
        (folder / n).write_bytes((SHIPPED / n).read_bytes())
        written.append(folder / n)
    return written


# -- the markup ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One piece of a rendered template: ``kind`` is title, heading, para, bullet, tick, field,
    question, open, cut, items or contacts (see :func:`parse`)."""

    kind: str
    text: str = ""


_MARKS: tuple[tuple[str, str], ...] = (
    ("# ", "title"), ("## ", "heading"), ("- ", "bullet"), ("[ ] ", "tick"), ("?? ", "open"), ("? ", "question"),
)


def parse(text: str) -> list[Block]:
    """The blocks of a rendered template. One block per line, paragraphs joined across lines
    until a blank line:

    ``# Title`` · ``## Heading`` · ``- a bullet`` · ``[ ] a line with a box to tick`` ·
    ``Label: ___`` (a line ending in three or more underscores: a label with a line to write on)
    · ``? a question to answer with tick boxes`` (feedback) · ``?? a question with lines to
    write on`` · ``--8<--`` (a cut line) · ``@items`` (the check's items) · ``@contacts``
    (where to get help) · anything else: a paragraph."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("para", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line == "--8<--":
            flush()
            blocks.append(Block("cut"))
            continue
        if line in ("@items", "@contacts"):
            flush()
            blocks.append(Block(line[1:]))
            continue
        for mark, kind in _MARKS:
            if line.startswith(mark):
                flush()
                blocks.append(Block(kind, line[len(mark):].strip()))
                break
        else:
            if re.search(r"_{3,}\s*$", line):
                flush()
                blocks.append(Block("field", re.sub(r"\s*_{3,}\s*$", "", line)))
            else:
                para.append(line)
    flush()
    return blocks
