"""The site extensions' rules on small inputs, including the inputs each rule must reject.

The built site is checked as a whole elsewhere (test_page_loading, test_icons, test_html_valid,
test_claim_links); these tests pin down what each rule does at its edges.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

from takenover.site.eval_role import NAME
from takenover.site.icons import characters_in_rules, css_string, icon_characters, subset_font
from takenover.site.loading import defer_scripts, drop_scripts
from takenover.site.unused_css import purge, required_classes
from takenover.site.valid_html import redirect_page


def test_every_external_script_is_deferred_once_and_inline_ones_are_left():
    html = (
        '<script src="a.js"></script><script defer src="b.js"></script><script async="async" src="c.js">'
        '</script><script type="module" src="d.js"></script><script>var x = "src=";</script>'
    )
    assert defer_scripts(html) == (
        '<script src="a.js" defer></script><script defer src="b.js"></script><script async="async" src="c.js">'
        '</script><script type="module" src="d.js"></script><script>var x = "src=";</script>'
    )


def test_named_scripts_are_dropped_whatever_their_query_or_folder():
    html = (
        '<script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
        '<script src="../_static/searchtools.js"></script>\n<script src="../_static/mine.js"></script>\n'
    )
    assert (
        drop_scripts(html, "scripts/fontawesome.js", "searchtools.js") == '<script src="../_static/mine.js"></script>\n'
    )


def test_a_rule_needing_a_class_nothing_mentions_is_dropped():
    css = ".used{a:1}.unused{b:2}.used .unused{c:3}p{d:4}.unused,.used{e:5}"
    assert purge(css, {"used"}) == ".used{a:1}p{d:4}.unused,.used{e:5}"


def test_classes_in_parentheses_and_attributes_do_not_count_as_required():
    assert required_classes(".a:not(.b) > .c[href$='.pdf']") == {"a", "c"}
    css = '.a:not(.gone){x:1}a[href$=".pdf"]{y:2}'
    assert purge(css, {"a"}) == css


def test_grouping_rules_are_purged_inside_and_other_at_rules_kept():
    css = (
        "@media (min-width:1px){.used{a:1}.unused{b:2}}@media print{.unused{c:3}}"
        "@font-face{font-family:x;src:url(x.woff)}@keyframes k{from{opacity:0}}/*# sourceMappingURL=x.map */"
    )
    assert purge(css, {"used"}) == (
        "@media (min-width:1px){.used{a:1}}@font-face{font-family:x;src:url(x.woff)}@keyframes k{from{opacity:0}}"
    )


def test_icon_rules_give_each_name_its_character():
    css = (
        '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-at:before{content:"\\@"}.fa-0:before{content:"\\30 "}'
    )
    assert icon_characters(css) == {
        "fa-bars": {0xF0C9},
        "fa-navicon": {0xF0C9},
        "fa-at": {ord("@")},
        "fa-0": {ord("0")},
    }


def test_icon_characters_used_outside_the_icon_rules_are_found():
    css = ':root{--pst-icon-bell:"\uf0f3"}.fa-bars:before{content:"\\f0c9"}.x:after{content:"\\f107";y:"a"}'
    assert characters_in_rules(css) == {0xF0F3, 0xF107}
    assert css_string("\\f0c9 x\\@") == "\uf0c9x@"


def test_the_root_redirect_is_a_whole_document():
    page = redirect_page("book/index.html", 'Taken "Over"', "en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Taken &quot;Over&quot;</title>" in page
    assert re.search(r'<meta http-equiv="refresh" content="0; url=book/index.html">', page)
    assert '<a href="book/index.html">' in page


def test_eval_takes_plain_names_only():
    assert NAME.fullmatch("comments_stated")
    for not_a_name in ["n + 1", "n:d", "page.ipynb::n", "f(x)", "1st"]:
        assert not NAME.fullmatch(not_a_name), not_a_name


def test_use_in_prose_binds_each_value_in_the_running_notebook(monkeypatch):
    from takenover.chapters import display

    glued = {}
    namespace = {}

    class Shell:
        user_ns = namespace

    monkeypatch.setattr(display, "glue_all", lambda values: glued.update(values))
    monkeypatch.setattr("IPython.get_ipython", lambda: Shell())
    display.use_in_prose({"n_claims": 12, "published": "Friday 29 January 2016"})
    assert glued == namespace == {"n_claims": 12, "published": "Friday 29 January 2016"}


def test_an_icon_subset_is_the_same_bytes_whenever_it_is_written(tmp_path, monkeypatch):
    """fontTools stamps a font it saves with the time (or SOURCE_DATE_EPOCH) unless told to keep the source's."""
    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    written = []
    for when in ("1000000000", "1700000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", when)
        target = tmp_path / f"subset-{when}.woff"
        assert subset_font(source, {ord("a"), ord("b"), 0x2603}, target) == 3
        written.append(target.read_bytes())
    assert written[0] == written[1]


def test_the_epub_relinks_hand_written_links_to_the_books_pages():
    """Chapter outputs link other pages by their .html name; in the EPUB they must name the page's file."""
    from takenover.site.epub import links_between_pages

    def uri(source: str, target: str) -> str:
        return f"{target.rsplit('/', 1)[-1]}.xhtml"

    body = (
        '<a href="bibliography.html#ref-guido2016">G</a> <a href="../book/register.html">R</a> '
        '<a href="https://example.org/page.html#x">web</a> <a href="nowhere.html">?</a> <a href="#here">h</a>'
    )
    assert links_between_pages(body, "book/register", {"book/bibliography", "book/register"}, uri) == (
        '<a href="bibliography.xhtml#ref-guido2016">G</a> <a href="register.xhtml">R</a> '
        '<a href="https://example.org/page.html#x">web</a> <a href="nowhere.html">?</a> <a href="#here">h</a>'
    )
