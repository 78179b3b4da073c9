"""Every claim id a reader sees links to the claim's row in the register.

The linker (takenover.site.claim_links) is tested on small fragments, including the places it
must leave alone. The built site is then read by an independent checker: its own pattern for
claim ids, its own parser, and the target page's real element ids.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from takenover.site.claim_links import link_claim_ids, register_anchors

# Deliberately looser than the linker's pattern: any CL-<capital><digits> a reader could see.
SEEN_CLAIM_ID = re.compile(r"CL-[A-Z][0-9]+")
NOT_READ_AS_TEXT = {"script", "style", "svg", "template", "title", "code", "pre"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ANCHORS = {"cl-u06", "cl-a15"}


def link(html: str) -> tuple[str, list[str]]:
    return link_claim_ids(html, "claims.html", ANCHORS)


def test_ids_in_prose_and_table_cells_become_links():
    html, missing = link("<p>See CL-U06.</p><table><tr><td>CL-A15</td></tr></table>")
    assert html == (
        '<p>See <a class="reference internal tk-claim-link" href="claims.html#cl-u06">CL-U06</a>.</p>'
        '<table><tr><td><a class="reference internal tk-claim-link" href="claims.html#cl-a15">CL-A15</a>'
        "</td></tr></table>"
    )
    assert missing == []


@pytest.mark.parametrize(
    "fragment",
    [
        '<div class="tk-chart" role="img" aria-label="Claims CL-U06 and CL-A15">x</div>',
        "<script>var ids = ['CL-U06'];</script>",
        '<script type="application/json">{"title": "CL-U06"}</script>',
        "<style>/* CL-U06 */</style>",
        "<svg><title>CL-U06</title><text>CL-A15</text></svg>",
        "<p><code>CL-U06</code></p>",
        "<pre>claim_summary(['CL-U06'])</pre>",
        '<p><a href="elsewhere.html">CL-U06</a></p>',
        '<h2>Heading<a class="headerlink" href="#h">CL-U06</a></h2>',
        "<!-- CL-U06 -->",
    ],
)
def test_ids_where_a_link_does_not_belong_are_left_alone(fragment):
    assert link(fragment) == (fragment, [])


def test_markup_around_the_ids_is_kept_byte_for_byte():
    html = '<P CLASS=x>Odd&nbsp;markup, CL-U06\n<br>\n<td data-x="CL-A15">&amp; more</td></P>'
    linked, _ = link(html)
    assert linked == html.replace(
        "CL-U06", '<a class="reference internal tk-claim-link" href="claims.html#cl-u06">CL-U06</a>'
    )


def test_an_id_without_a_row_stays_text_and_is_reported():
    html, missing = link("<p>CL-Z99 and CL-U06</p>")
    assert "CL-Z99</a>" not in html
    assert "#cl-u06" in html
    assert missing == ["CL-Z99"]


def test_the_register_rows_are_the_anchors():
    rows = '<table><tr id="cl-u01"><td>x</td></tr><tr id="other"></tr><tr id="cl-k12"></tr></table><p id="cl-a01">'
    assert register_anchors(rows) == {"cl-u01", "cl-k12"}


class _ClaimIdsAsSeen(HTMLParser):
    """Each claim id in the text a reader sees, with the href of the link it sits in (or None)."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("href") if tag == "a" else None))

    def handle_endtag(self, tag):
        if any(t == tag for t, _ in self.open):
            while self.open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if NOT_READ_AS_TEXT.intersection(t for t, _ in self.open):
            return
        hrefs = [href for t, href in self.open if t == "a"]
        for claim_id in SEEN_CLAIM_ID.findall(data):
            self.found.append((claim_id, hrefs[-1] if hrefs else None))


def element_ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        cache[path] = set(re.findall(r'\sid="([^"]+)"', text))
    return cache[path]


def claim_link_problems(page: Path, site: Path, cache: dict[Path, set[str]]) -> tuple[list[str], int]:
    """Claim ids on `page` that are not links to an existing element for that claim; and the link count."""
    parser = _ClaimIdsAsSeen()
    parser.feed(page.read_text(encoding="utf-8"))
    problems, links = [], 0
    for claim_id, href in parser.found:
        if href is None:
            problems.append(f"{claim_id} is not a link")
            continue
        target = urlsplit(href)
        path = (page.parent / target.path).resolve() if target.path else page.resolve()
        if target.fragment != claim_id.lower() or target.fragment not in element_ids(path, cache):
            problems.append(f"{claim_id} links to {href}, which does not exist")
        else:
            links += 1
    return problems, links


def test_the_checker_finds_bare_ids_and_dead_links(tmp_path):
    (tmp_path / "claims.html").write_text('<tr id="cl-u06"></tr>', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        '<p>CL-U06 <a href="claims.html#cl-u06">CL-U06</a> <a href="claims.html#cl-u07">CL-U07</a>'
        ' <a href="gone.html#cl-u06">CL-U06</a> <a href="claims.html#cl-u06">CL-A15</a></p>',
        encoding="utf-8",
    )
    problems, links = claim_link_problems(page, tmp_path, {})
    assert links == 1
    assert problems == [
        "CL-U06 is not a link",
        "CL-U07 links to claims.html#cl-u07, which does not exist",
        "CL-U06 links to gone.html#cl-u06, which does not exist",
        "CL-A15 links to claims.html#cl-u06, which does not exist",
    ]


def test_every_claim_id_in_the_built_pages_links_to_its_row(built_site):
    site = built_site / "_build" / "html"
    pages = [p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts]
    assert (site / "book" / "register.html").is_file(), "the site did not build; see test_build"
    cache: dict[Path, set[str]] = {}
    problems, links = [], 0
    for page in pages:
        found, count = claim_link_problems(page, site, cache)
        problems += [f"{page.relative_to(site)}: {p}" for p in found]
        links += count
    assert problems == []
    rows = len(register_anchors((site / "book" / "register.html").read_text(encoding="utf-8")))
    assert rows > 50, "the register lost its rows"
    assert links > rows, f"only {links} claim links for {rows} register rows"
