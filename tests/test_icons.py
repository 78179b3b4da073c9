"""Every icon the theme shows is still drawn, from the site's icon subset (takenover.site.icons).

For each page, every element whose ::before or ::after draws an icon-font character is found
in Chromium, and that character is drawn twice on a canvas: in the page's own icon font, and
in the theme's full Font Awesome font. The two drawings must be identical and not blank, and
the page must never have fetched the full fonts (which a browser would do to fill a glyph
missing from the subset).
"""

from __future__ import annotations

import pytest

from conftest import site_pages

FULL_FONTS = "/_static/vendor/fontawesome/webfonts/"
# The theme's families and weights -> its full fonts.
FULL_FONT_FILES = {
    ("Font Awesome 6 Free", "900"): "fa-solid-900.woff2",
    ("Font Awesome 6 Free", "400"): "fa-regular-400.woff2",
    ("Font Awesome 6 Brands", "400"): "fa-brands-400.woff2",
}

FIND_ICONS = """() => {
  const icons = [];
  for (const el of document.querySelectorAll('body *')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const family = style.fontFamily;
      const match = /^"(.*)"$/.exec(style.content);
      if (!match || !/Font Awesome/.test(family)) continue;
      const text = match[1];
      if (![...text].some(c => c.codePointAt(0) >= 0xe000 && c.codePointAt(0) <= 0xf8ff)) continue;
      icons.push({text, family: family.replace(/"/g, ''), weight: style.fontWeight,
                  where: el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + pseudo});
    }
  }
  return icons;
}"""

# With no fonts given, icons are drawn in the page's own fonts as already loaded (asking the
# browser to load them would fetch every face of the family, the theme's full fonts included).
DRAW = """async ([icons, fonts]) => {
  for (const [name, url, weight] of fonts) {
    const face = new FontFace(name, `url(${url})`, {weight});
    document.fonts.add(await face.load());
  }
  await document.fonts.ready;
  const out = [];
  for (const icon of icons) {
    const family = fonts.length ? `TK full ${icon.family} ${icon.weight}` : icon.family;
    const font = `${icon.weight} 48px "${family}"`;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d');
    ctx.font = font;
    ctx.fillText(icon.text, 4, 52);
    const inked = ctx.getImageData(0, 0, 64, 64).data.some(v => v !== 0);
    out.push(inked ? canvas.toDataURL() : 'blank');
  }
  await new Promise(resolve => setTimeout(resolve, 300));  // let any fallback font request start
  return out;
}"""


@pytest.mark.parametrize("page_path", site_pages())
def test_every_icon_is_drawn_as_the_full_font_draws_it(page_path, server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/{page_path}", wait_until="load")

    icons = page.evaluate(FIND_ICONS)
    assert len(icons) >= 5, f"{page_path}: the theme's header icons are missing: {icons}"
    with_subset = page.evaluate(DRAW, [icons, []])
    full_fonts_fetched = [url for url in requests if FULL_FONTS in url]

    fonts = {(i["family"], i["weight"]) for i in icons}
    unknown = fonts - FULL_FONT_FILES.keys()
    assert unknown == set(), f"{page_path}: icons in fonts this test does not know: {unknown}"
    faces = [
        [f"TK full {family} {weight}", f"{server}{FULL_FONTS}{FULL_FONT_FILES[family, weight]}", weight]
        for family, weight in fonts
    ]
    with_full_font = page.evaluate(DRAW, [icons, faces])
    context.close()

    assert full_fonts_fetched == [], f"{page_path} fetched the full icon fonts: {full_fonts_fetched}"
    blank = [i["where"] for i, drawn in zip(icons, with_full_font, strict=True) if drawn == "blank"]
    assert blank == [], f"{page_path}: the full font draws nothing for {blank}"
    differ = [
        f"{i['where']} ({i['text']!r})"
        for i, subset, full in zip(icons, with_subset, with_full_font, strict=True)
        if subset != full
    ]
    assert differ == [], f"{page_path}: icons drawn differently from the full font: {differ}"
