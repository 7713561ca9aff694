"""The impact report (``facilitator report``): participants by band, the share of right answers
per statement before and after with the change, "I know where I could get help" before and after,
and the feedback tallies. Each as a bar chart (reportlab graphics: labelled bars, the number beside
each, before hollow and after solid, so black-and-white printing loses nothing) with a table of
the same numbers. ``results`` is a :class:`facilitator.documents.results.Results`."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from facilitator.model import RenderConfig, band_named
from handouts.flowables import heading, ruled_table, space
from handouts.pages import Metadata, Running, body_area, build_pdf
from handouts.printer import INK, Printer

SOLID = colors.HexColor("#333333")


def percent(share: float | None) -> str:
    return "\u2013" if share is None else f"{round(share * 100)}%"


def chart(printer: Printer, labels: list[str], series: list[list[float | None]], names: list[str], width: float, unit: str = "%", top: float = 100) -> Drawing:
    """Horizontal bars, one group per label; the first series hollow, the next solid; the value
    printed beside each bar; a legend in words."""
    size = printer.sizes.small
    bar = size * 1.15
    group = bar * len(series) + size * 0.9
    label_w = width * 0.34
    height = group * len(labels) + size * 4.6
    d = Drawing(width, height)
    c = HorizontalBarChart()
    c.x, c.y = label_w, size * 3.2
    c.width, c.height = width - label_w - size * 4.5, group * len(labels)
    c.data = [[(v if v is not None else 0) * (100 if unit == "%" else 1) for v in s][::-1] for s in series]
    c.categoryAxis.categoryNames = [printer.text(label) for label in labels][::-1]
    c.categoryAxis.labels.fontName = printer.fonts.regular
    c.categoryAxis.labels.fontSize = size
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.labels.dx = -4
    c.valueAxis.valueMin, c.valueAxis.valueMax = 0, top
    c.valueAxis.valueStep = 25 if unit == "%" else max(1, round(top / 4))
    c.valueAxis.labels.fontName = printer.fonts.regular
    c.valueAxis.labels.fontSize = size * 0.85
    c.valueAxis.labelTextFormat = "%d%%" if unit == "%" else "%d"
    c.barWidth = bar
    c.groupSpacing = size * 0.9
    c.barSpacing = 0
    fills = [colors.white, SOLID, colors.HexColor("#9a9a9a")]
    for i in range(len(series)):
        c.bars[i].fillColor = fills[i % len(fills)]
        c.bars[i].strokeColor = INK
        c.bars[i].strokeWidth = 0.7
    c.barLabelFormat = (lambda v: f"{round(v)}%") if unit == "%" else (lambda v: f"{round(v)}")
    c.barLabels.fontName = printer.fonts.regular
    c.barLabels.fontSize = size * 0.9
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    d.add(c)
    x = label_w
    for i, name in enumerate(names):  # the legend: a swatch and the word
        d.add(Rect(x, 0, size, size * 0.8, fillColor=fills[i % len(fills)], strokeColor=INK, strokeWidth=0.7))
        d.add(String(x + size * 1.3, size * 0.05, printer.text(name), fontName=printer.fonts.regular, fontSize=size))
        x += size * 1.3 + len(name) * size * 0.6 + size * 2
    return d


def write(results: Any, out: BinaryIO, config: RenderConfig, title: str = "") -> int:
    """Write the impact report for ``results`` to ``out`` as PDF; return its number of pages."""
    printer = Printer(config, band_named("adults"))
    _ = printer.words
    width = body_area(printer).width
    document = _("Impact report")
    title = title or document
    story: list[Flowable] = [printer.para(title, "title")]
    sessions = len(results.sessions)
    story.append(printer.para(_("{sessions} sessions, {forms} forms ({left} rows left out: see the warnings).", sessions=sessions,
                                forms=sum(results.forms.values()), left=results.left_out)))
    story += heading(printer, _("Participants by age band"), "h2")
    bands = list(results.participants)
    rows = [[printer.para(_("Ages"), "cell_bold"), printer.para(_("Participants"), "cell_bold")]]
    rows += [[printer.para(b, "cell"), printer.para(str(results.participants[b]), "cell")] for b in bands]
    rows.append([printer.para(_("All"), "cell_bold"), printer.para(str(sum(results.participants.values())), "cell_bold")])
    story.append(ruled_table(printer, rows, [width * 0.4, width * 0.3], header=True))
    story.append(printer.para(_("A participant is one code in one session, on a before or an after sheet."), "small"))
    if results.items:
        before, after = _("Before"), _("After")
        story += heading(printer, _("Right answers per statement, before and after"), "h2")
        labels = [_("Statement {n}", n=item[1:]) for item in results.items]
        story.append(chart(printer, labels, [[results.share(i, "before") for i in results.items], [results.share(i, "after") for i in results.items]],
                           [before, after], width))
        rows = [[printer.para(h, "cell_bold") for h in (_("Statement"), before, after, _("Change"))]]
        for item, label in zip(results.items, labels):
            b, a = results.share(item, "before"), results.share(item, "after")
            change = "\u2013" if a is None or b is None else f"{round(a * 100) - round(b * 100):+d}"
            rows.append([printer.para(label, "cell"), printer.para(f"{percent(b)} ({_count(results, item, 'before')})", "cell"),
                         printer.para(f"{percent(a)} ({_count(results, item, 'after')})", "cell"), printer.para(change, "cell")])
        story.append(ruled_table(printer, rows, [width * 0.3, width * 0.23, width * 0.23, width * 0.24], header=True))
        story.append(printer.para(_("The share of right answers among the sheets that answered the statement (right/answered); the change in percentage points. The statements are numbered as on the check; the guide's answer key names them."), "small"))
    story += heading(printer, _("\u201cI know where I could get help\u201d"), "h2")
    story.append(chart(printer, [_("Before"), _("After")], [[results.help_share("before"), results.help_share("after")]], [_("Yes")], width))
    rows = [[printer.para(h, "cell_bold") for h in ("", _("Yes"), _("Not sure"), _("No"))]]
    for when, label in (("before", _("Before")), ("after", _("After"))):
        t = results.help[when]
        rows.append([printer.para(label, "cell_bold"), *[printer.para(str(t[k]), "cell") for k in ("yes", "not sure", "no")]])
    story.append(ruled_table(printer, rows, [width * 0.25] * 4, header=True))
    if results.feedback:
        story += heading(printer, _("Feedback"), "h2")
        names = list(results.feedback)
        labels = [_("Question {n}", n=q[1:]) for q in names]
        top = max([max(t.values(), default=0) for t in results.feedback.values()] + [1])
        story.append(chart(printer, labels, [[results.feedback[q]["yes"] for q in names], [results.feedback[q]["a bit"] for q in names],
                                             [results.feedback[q]["no"] for q in names]], [_("Yes"), _("A bit"), _("No")], width, unit="", top=top))
        rows = [[printer.para(h, "cell_bold") for h in (_("Question"), _("Yes"), _("A bit"), _("No"))]]
        for q, label in zip(names, labels):
            rows.append([printer.para(label, "cell"), *[printer.para(str(results.feedback[q][k]), "cell") for k in ("yes", "a bit", "no")]])
        story.append(ruled_table(printer, rows, [width * 0.34, width * 0.22, width * 0.22, width * 0.22], header=True))
        story.append(printer.para(_("The questions are numbered as on the feedback form."), "small"))
    story.append(space(4))
    meta = Metadata(title=title, subject=document, language=config.language, creator="facilitator")
    return build_pdf(printer, out, story, meta, Running(title, document))


def _count(results: Any, item: str, when: str) -> str:
    right, answered = results.right.get((item, when), [0, 0])
    return f"{right}/{answered}"
