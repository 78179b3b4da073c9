"""Every icon the theme shows is still drawn, from the site's icon subset (takenover.site.icons).

On each page's visit (tests/support/page_visit.py), every element whose ::before or ::after
draws an icon-font character is found, and the character is drawn twice on a canvas: in the
page's own icon font, and in the theme's full Font Awesome font. The drawings must be
identical and not blank, and the page must never have fetched the full fonts (which a browser
does to fill a glyph missing from the subset).
"""

from __future__ import annotations

import pytest

from conftest import site_pages
from support.page_visit import FULL_ICON_FONT_FILES


@pytest.mark.parametrize("page_path", site_pages())
def test_every_icon_is_drawn_as_the_full_font_draws_it(page_path, visited):
    seen = visited(page_path)
    assert len(seen.icons) >= 5, f"{page_path}: the theme's header icons are missing"
    unknown = {(i["family"], i["weight"]) for i in seen.icons} - FULL_ICON_FONT_FILES.keys()
    assert unknown == set(), f"{page_path}: icons in fonts this test does not know"
    assert seen.full_icon_fonts_fetched == [], f"{page_path} fetched the full icon fonts"
    drawings = list(zip(seen.icons, seen.icons_in_page_font, seen.icons_in_full_font, strict=True))
    blank = [icon["where"] for icon, _, full in drawings if full == "blank"]
    assert blank == [], f"{page_path}: the full font draws nothing for these"
    differ = [f"{icon['where']} ({icon['text']!r})" for icon, own, full in drawings if own != full]
    assert differ == [], f"{page_path}: icons drawn differently from the full font"
