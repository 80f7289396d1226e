"""Arabic copied out of a PDF's text layer (issue 15, branch `linkbranch`; set 14's security-branch
registers): presentation forms, ligatures and tatweel read as the letters they show, and a line
copied in visual order put back in reading order. Synthetic names only."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mizan.text.bidi import visual_to_logical
from mizan.text.normalise import glyphs_as_letters, normalise_arabic


def test_presentation_forms_are_the_letters_they_show() -> None:
    assert glyphs_as_letters("ﻣﺤﻤﺪ ﺯﻛﺮﻳﺎ ﺍﻟﻤﺴﺎﻟﻤﺔ") == "محمد زكريا المسالمة"
    # The lam-alef and the word ligatures are their letters in reading order.
    assert glyphs_as_letters("ﻋﻼﺀ") == "علاء"
    assert glyphs_as_letters("ﻋﺒﺪ ﷲ") == "عبد الله"
    # Only the glyphs: hamza and taa marbuta stay as written (the matching key folds them).
    assert glyphs_as_letters("ﺃﺣﻤﺪ ﻓﺎﻃﻤﺔ") == "أحمد فاطمة"
    assert normalise_arabic("ﺃﺣﻤﺪ") == normalise_arabic("أحمد")


def test_tatweel_and_zero_width_joiners_go_and_other_text_is_left_alone() -> None:
    assert glyphs_as_letters("محـــمد الـخطيب") == "محمد الخطيب"
    assert glyphs_as_letters("حسـ\u200cـين\u200b") == "حسين"
    text = "Ahmad الحلبي"
    assert glyphs_as_letters(text) is text
    # A bidi control is kept: the list reader refuses it with a message.
    assert glyphs_as_letters("\u202eﻋﻠﻲ") == "\u202eعلي"


def test_a_line_in_visual_order_reads_back_in_reading_order() -> None:
    assert visual_to_logical("يديكعلا ةماسا دمحا") == "احمد اسامة العكيدي"
    # Digits keep their own order, as a right-to-left line shows them.
    assert visual_to_logical("1970 اعرد") == "درعا 1970"
    # A bracket pair reversed is a bracket pair again.
    assert visual_to_logical("]قزمم[ رمع") == "عمر [ممزق]"
    # A ligature is one glyph: reversed before it is read, its letters keep their order.
    assert glyphs_as_letters(visual_to_logical("ءﻼﻋ")) == "علاء"


@given(st.text())
def test_reading_order_twice_is_the_text_again(text: str) -> None:
    assert visual_to_logical(visual_to_logical(text)) == text


@given(st.text())
def test_glyphs_read_as_letters_once_for_all(text: str) -> None:
    once = glyphs_as_letters(text)
    assert glyphs_as_letters(once) == once
