"""The PDFs printed from the built site: one per chapter, one for the book, each linked, citable,
accessible where Chromium allows, and reproducible byte for byte.

Their text is read with poppler's pdftotext (fast, and in reading order), everything else
(metadata, fonts, tags, outline) with pikepdf.
"""

from __future__ import annotations

import html
import re
import subprocess
from functools import cache
from pathlib import Path

import pikepdf
import pytest

import takenover
from takenover.cite.citation import data_sha256, slug
from takenover.cite.claimreview import REGISTER_PAGE
from takenover.cite.edition import edition_stem, licence_text
from takenover.core.metadata import metadata
from takenover.release.frontmatter import part_start_pages
from takenover.release.pdflinks import link_report
from takenover.release.sitemap import Page, reading_order
from takenover.site.print import running_head

from conftest import BIN, REPO, citable_pages, toc_pages

CHAPTERS = citable_pages()
REPRINTED = "book/group-takeover"  # a chapter with a chart, printed a second time
# Words only the screen shows: the code switch, the folded citation box, links, search, code.
# "from takenover" marks a code cell: every chapter's code imports the package, and no prose says it.
SCREEN_ONLY = [
    "Show code",
    "Download the BibTeX entry",
    "Download PDF:",
    "Search this book",
    "from takenover",
]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    log = (built_site / "print.log").read_text() if (built_site / "print.log").exists() else "the site did not build"
    assert (built_site / "print.rc").exists(), log
    assert (built_site / "print.rc").read_text() == "0", log[-3000:]
    return built_site / "_build" / "html"


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {page.path.removesuffix(".html"): page for page in reading_order(site)}


@cache
def texts(path: Path) -> list[str]:
    """The text of each page; pdftotext ends every page with a form feed."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def test_every_chapter_links_a_pdf_that_exists(site, pages):
    for chapter in CHAPTERS:
        page = pages[chapter]
        assert page.chapter_pdf == f"_pdf/{chapter}.pdf", f"{chapter} has no Download PDF link"
        assert (site / page.chapter_pdf).read_bytes().startswith(b"%PDF-"), page.chapter_pdf
        assert page.book_pdf == f"_pdf/{edition_stem()}.pdf"
    assert (site / f"_pdf/{edition_stem()}.pdf").read_bytes().startswith(b"%PDF-")
    others = [name for name in pages if name not in CHAPTERS]
    assert others == [toc_pages()[0]], "every page but the root, which is the book, has its own PDF"
    assert pages[others[0]].chapter_pdf is None
    assert pages[others[0]].book_pdf == f"_pdf/{edition_stem()}.pdf"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_page_carries_the_title_and_citation(chapter, site, pages):
    first = flat(texts(site / pages[chapter].chapter_pdf)[0])
    page_html = (site / f"{chapter}.html").read_text(encoding="utf-8")
    reference = html.unescape(re.search(r'<p class="tk-cite-reference">(.*?)</p>', page_html, re.S).group(1))
    assert pages[chapter].title in first
    assert flat(reference) in first, "the printed reference differs from the Cite this chapter box"
    assert f"Version {metadata()['version']}" in first
    date = re.search(r'name="citation_publication_date" content="([^"]+)"', page_html).group(1)
    day = int(date.split("/")[2])
    assert re.search(rf"Date {day} \w+ {date[:4]}", first), "the chapter's date is missing"
    assert f"Licence {licence_text()}" in first
    assert data_sha256() in first.replace(" ", ""), "the data's SHA-256 is missing"


def test_text_comes_in_reading_order(site, pages):
    text = flat(" ".join(texts(site / pages["book/data-dictionary"].chapter_pdf)))
    order = ["Data dictionary", "Abstract.", "Cite as", "The tables", "What the columns share", "Licences"]
    positions = [text.find(words) for words in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_metadata_comes_from_metadata_yml(chapter, site, pages):
    meta = metadata()
    with pikepdf.open(site / pages[chapter].chapter_pdf) as pdf:
        info = {key: str(value) for key, value in pdf.docinfo.items()}
        xmp_title = pdf.open_metadata()["dc:title"]
    assert info["/Title"] == f"{pages[chapter].title} \u2014 {meta['title']}"
    assert info["/Author"] == "; ".join(a["name"] for a in meta["authors"])
    assert info["/Subject"] == (pages[chapter].abstract or info["/Subject"])
    assert info["/Subject"]
    assert info["/Keywords"] == "; ".join(meta["keywords"])
    released = meta["released"].strftime("D:%Y%m%d000000Z")
    assert info["/CreationDate"] == info["/ModDate"] == released, "dates must be the release date"
    assert xmp_title == info["/Title"]


def all_pdfs(site: Path) -> list[Path]:
    return sorted((site / "_pdf").rglob("*.pdf"))


def _fonts(resources) -> list:
    """The fonts a page or form uses, including those of the forms it draws."""
    if resources is None:
        return []
    found = list((resources.get("/Font") or {}).values())
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"))
    return found


def test_every_font_is_embedded(site):
    for path in all_pdfs(site):
        with pikepdf.open(path) as pdf:
            fonts = [f for page in pdf.pages for f in _fonts(page.obj.get("/Resources"))]
            assert fonts, f"{path.name} has no fonts at all"
            for font in fonts:
                if font.Subtype == "/Type3":
                    continue  # drawn with PDF operators inside the file
                descriptor = (font.DescendantFonts[0] if font.Subtype == "/Type0" else font).FontDescriptor
                embedded = {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys())
                assert embedded, f"{path.name}: {font.get('/BaseFont')} is not embedded"


def test_no_page_is_blank(site, pages):
    """Every page has something besides its running head and page number."""
    furniture = {metadata()["title"], *(p.title for p in pages.values())}
    for path in all_pdfs(site):
        for number, text in enumerate(texts(path), start=1):
            lines = [line.strip() for line in text.splitlines()]
            body = [line for line in lines if line and line not in furniture and not re.fullmatch(r"\d+ / \d+", line)]
            assert body, f"{path.relative_to(site)} page {number} is blank"


def test_chart_text_and_alt_text_are_in_the_pdf(site, pages):
    """A chart prints as its static SVG: its words are real text, and its alt text tags the figure."""
    page_html = (site / f"{REPRINTED}.html").read_text(encoding="utf-8")
    chart = page_html[
        page_html.index('class="tk-chart"') : page_html.index("</svg>", page_html.index('class="tk-chart"'))
    ]
    words = [html.unescape(w) for w in re.findall(r"<text[^>]*>([^<]+)</text>", chart)]
    assert len(words) > 5, "the chart should have axis labels"
    printed = flat(" ".join(texts(site / pages[REPRINTED].chapter_pdf)))
    assert [w for w in words if w not in printed] == []
    alt = html.unescape(re.search(r'class="tk-chart"[^>]*aria-label="([^"]*)"', page_html).group(1))
    with pikepdf.open(site / pages[REPRINTED].chapter_pdf) as pdf:
        assert pdf.Root.MarkInfo.Marked, "the PDF is not tagged"
        assert str(pdf.Root.Lang) == metadata()["language"]
        figures = []

        def walk(node):
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure" and "/Alt" in node:
                    figures.append(str(node.Alt))
                walk(node.get("/K"))
            elif isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)

        walk(pdf.Root.StructTreeRoot)
    assert alt in figures, "the chart's alt text should tag its figure"


def test_print_leaves_out_the_screen_furniture(site, pages):
    for chapter in CHAPTERS:
        text = flat(" ".join(texts(site / pages[chapter].chapter_pdf)))
        for screen_only in SCREEN_ONLY:
            assert screen_only not in text, f"{chapter}: '{screen_only}' is printed"


def test_pages_have_running_heads_and_numbers(site, pages):
    path = site / pages[REPRINTED].chapter_pdf
    second, count = texts(path)[1], len(texts(path))
    assert metadata()["title"] in second
    assert pages[REPRINTED].title in second
    assert re.search(rf"\b2 ?/ ?{count}\b", second), "page numbers should read 2 / N"


def test_the_book_has_every_page_in_reading_order(site, pages):
    book = site / f"_pdf/{edition_stem()}.pdf"
    with pikepdf.open(book) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        count = len(pdf.pages)
    assert titles == [page.title for page in pages.values()]
    assert re.search(rf"\b{count} ?/ ?{count}\b", texts(book)[-1]), "one page numbering runs through the book"
    starts = part_start_pages(book.read_bytes())
    assert starts == sorted(set(starts)), "each part starts on a later page than the one before"
    for page in pages.values():
        part = flat(" ".join(texts(book)[starts[list(pages.values()).index(page)] - 1 :]))
        assert page.title in part


def test_the_book_opens_with_a_title_page_and_a_contents_that_gives_each_parts_page(site, pages):
    book = site / f"_pdf/{edition_stem()}.pdf"
    title_page, contents = flat(texts(book)[0]), flat(texts(book)[1])
    meta = metadata()
    for words in (meta["title"], meta["subtitle"], meta["authors"][0]["name"], f"Version {meta['version']}"):
        assert words in title_page
    assert contents.startswith(f"{meta['title']} Contents") or "Contents" in contents
    starts = part_start_pages(book.read_bytes())
    for page, start in zip(pages.values(), starts, strict=True):
        assert re.search(rf"{re.escape(page.title)} {start}\b", contents), f"contents: {page.title} on page {start}"


def test_every_link_inside_every_pdf_lands(site):
    found = {}
    for pdf in all_pdfs(site):
        internal, dangling = link_report(pdf)
        assert dangling == [], f"{pdf.name}: {dangling[:5]}"
        found[pdf.name] = internal
    assert found[f"{edition_stem()}.pdf"] > 100, "the book's claim links and contents should be links"


def test_the_register_prints_whole_and_its_claim_links_land_on_its_rows(site, pages):
    book = site / f"_pdf/{edition_stem()}.pdf"
    text = flat(" ".join(texts(book)))
    claims = takenover.load("claims")
    assert all(claim_id in text for claim_id in claims["claim_id"]), "a register row is missing from the book"
    with pikepdf.open(book) as pdf:
        names = {str(k)[1:] for k in pdf.Root.Dests}
    register = slug(REGISTER_PAGE)
    assert {f"{register}--{c.lower()}" for c in claims["claim_id"]} <= names
    for pdf in all_pdfs(site):
        assert "Type in the box" not in flat(" ".join(texts(pdf))), f"{pdf.name} prints the search box's help"


def test_a_second_print_is_byte_identical(site, pages, tmp_path):
    first = (site / pages[REPRINTED].chapter_pdf).read_bytes()
    command = ["-m", "takenover.release.pdf", "--site", str(site), "--only", REPRINTED, "--out", str(tmp_path)]
    result = subprocess.run([str(BIN / "python"), *command], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count(".pdf") == 1, "--only must print that one chapter and not the book"
    assert (tmp_path / pages[REPRINTED].chapter_pdf).read_bytes() == first


def test_links_show_their_address_where_the_words_are_not_it(site):
    """The licences page links "MIT licence"; on paper the address follows the words."""
    book = flat(" ".join(texts(site / f"_pdf/{edition_stem()}.pdf")))
    assert "MIT licence <https://opensource.org/license/mit>" in book
    assert "<https://ukileft.wordpress.com" not in book, "a link that shows its address needs no second copy"


def test_running_head_text_cannot_break_out_of_its_style():
    head = running_head('Taken "Over"', "A </style><script>x</script> title\\")
    assert "</style><script>" not in head
    assert head.count("</style>") == 1
    assert '"Taken \\"Over\\""' in head


def in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether `wanted` occurs in `words` in order, other words allowed between (the other columns' words
    on the same printed lines). Words with a hyphen are not looked for: pdftotext may join a word broken
    after its hyphen at a line's end to the next word it reads, which in a table is another column's."""
    rest = iter(words)
    return all(any(w == word for word in rest) for w in wanted if "-" not in w)


def test_the_register_and_the_episodes_claims_print_whole(site, pages):
    """Nothing folded is lost on paper: the register's PDF has every claim's verdict and its evidence (its
    chain of report, here the £5,000 claim's), and each episode's PDF lists every claim about it."""
    claims = takenover.load("claims")
    # With -layout each printed line keeps its columns side by side, so a row's cells follow its id.
    laid_out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(site / pages["book/register"].chapter_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    register = flat(laid_out)
    words = register.split()
    for c in claims.itertuples():
        assert c.claim_id in words, f"{c.claim_id} is not in the printed register"
        # A table's columns interleave line by line in the PDF's text, but each cell's words keep their order.
        start = words.index(c.claim_id)
        assert in_order(c.verdict.split(), words[start:]), f"{c.claim_id}'s verdict is not printed after its id"
    chain = claims.set_index("claim_id").loc["CL-C08", "attribution_chain"].split(" ← ")[1]
    assert chain in register, "the folded evidence did not print"
    assert "Episode all" not in register, "the register's filters printed"
    for stem, incident in [("group-takeover", "facebook-group-2016"), ("labour-hq-2017", "labour-hq-2017")]:
        printed = flat(" ".join(texts(site / pages[f"book/{stem}"].chapter_pdf)))
        missing = [c for c in claims.loc[claims["incident_id"] == incident, "claim_id"] if c not in printed]
        assert missing == [], f"book/{stem}'s PDF leaves out its claims {missing}"
