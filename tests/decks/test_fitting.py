from decks.fitting import Para, best_size, block_height, paginate, text_width, wrap


def test_wrap_breaks_at_spaces_and_inside_only_over_long_words() -> None:
    lines = wrap("one two three four five six", 20, text_width("one two three", 20))
    assert lines[0] == "one two three"
    word = "x" * 60
    long = wrap(word, 28, 200)
    assert len(long) > 1 and "".join(long) == word
    assert all(text_width(line, 28) <= 200 for line in long)


def test_best_size_shrinks_to_the_minimum_then_gives_up() -> None:
    paras = [Para("A sentence that needs a little room to breathe on the slide.")] * 4
    assert best_size(paras, 32, 24, 900, 1000) == 32
    tight = block_height(paras, 26, 900)
    assert best_size(paras, 32, 24, 900, tight) == 26
    assert best_size(paras, 32, 24, 900, 50) is None


def test_paginate_keeps_every_page_fitting_and_loses_no_text() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    pages = paginate([Para(text, bullet=False)], 24, 600, 250, max_items=5)
    assert len(pages) > 1
    for paras in pages:
        assert block_height(paras, 24, 600) <= 250
    assert " ".join(p.text for paras in pages for p in paras) == text


def test_paginate_respects_the_point_limit() -> None:
    pages = paginate([Para(f"Point {i}") for i in range(7)], 28, 900, 2000, max_items=5)
    assert [len(p) for p in pages] == [5, 2]


def test_text_is_measured_in_the_widest_font_it_may_be_shown_in() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "Wide enough to tell Arial from DejaVu Sans"
    # DejaVu Sans is wider than Arial (Helvetica metrics): the measure is at least Arial's.
    assert text_width(text, 10) > stringWidth(text, "Helvetica", 10)
