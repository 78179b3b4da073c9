"""How long the book is for a reader: the words each built page shows, against the book's budgets.

A page's words are its article's visible text, tables included. Not counted: code cells, the "Cite this
chapter" box and the printed citation, heading anchors, and the text drawn inside chart graphics (axis
ticks and labels; each figure's caption is counted). Text inside a closed <details> element (an episode's
own register section, say) is "collapsed": it counts toward the whole book but not the main text.
Appendices are the pages under the "Appendices" caption of _toc.yml, back matter those under "About this
book"; every other page, the home page included, is main text.

python -m takenover.release.wordcount --site _build/html [--out _build/bench/words.md]
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from ..core.paths import REPO_ROOT

MAIN_BUDGET = 15_000
BOOK_BUDGET = 30_000
APPENDIX_CAPTION = "Appendices"
BACK_MATTER_CAPTION = "About this book"
NOT_READ = ["script", "style", "svg", ".cell_input", ".tk-cite", ".tk-print-citation", ".tk-pdf", ".headerlink"]


@dataclass(frozen=True)
class PageWords:
    page: str  # the document name, e.g. "book/red-labour"
    part: str  # "main", "appendix" or "back matter"
    shown: int  # words a reader sees without opening anything
    collapsed: int  # words inside closed <details>


def toc_parts(toc_path: Path = REPO_ROOT / "_toc.yml") -> dict[str, str]:
    """Each document in reading order, with the part of the book it belongs to."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    parts = {toc["root"]: "main"}
    for section in toc.get("parts", []):
        caption = section.get("caption", "")
        part = {APPENDIX_CAPTION: "appendix", BACK_MATTER_CAPTION: "back matter"}.get(caption, "main")
        for chapter in section.get("chapters", []):
            parts[chapter["file"]] = part
    return parts


def count_words(markup: str) -> tuple[int, int]:
    """(shown, collapsed) words of one built page's article."""
    soup = BeautifulSoup(markup, "html.parser")
    article = soup.find("article") or soup
    for selector in NOT_READ:
        for node in article.select(selector):
            node.decompose()
    collapsed = 0
    for details in article.select("details:not([open])"):
        summary = details.find("summary")
        summary_words = len(summary.get_text(" ").split()) if summary else 0
        collapsed += len(details.get_text(" ").split()) - summary_words
        for child in list(details.children):
            if child is not summary:
                child.extract()
    return len(article.get_text(" ").split()), collapsed


def measure(site: Path, toc_path: Path = REPO_ROOT / "_toc.yml") -> list[PageWords]:
    rows = []
    for page, part in toc_parts(toc_path).items():
        shown, collapsed = count_words((site / f"{page}.html").read_text(encoding="utf-8"))
        rows.append(PageWords(page, part, shown, collapsed))
    return rows


def totals(rows: list[PageWords]) -> tuple[int, int]:
    """(main text, whole book) word counts, as the budgets define them."""
    main = sum(r.shown for r in rows if r.part == "main")
    return main, sum(r.shown + r.collapsed for r in rows)


def report(rows: list[PageWords]) -> str:
    main, book = totals(rows)
    lines = [
        "| page | part | shown | collapsed |",
        "| --- | --- | ---: | ---: |",
        *(f"| {r.page} | {r.part} | {r.shown:,} | {r.collapsed:,} |" for r in rows),
        "",
        f"Main text: {main:,} words (budget {MAIN_BUDGET:,}). Whole book: {book:,} words (budget {BOOK_BUDGET:,}).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.release.wordcount", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO_ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, help="also write the table to this Markdown file")
    args = parser.parse_args(argv)
    text = report(measure(args.site))
    print(text, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        partial = args.out.with_name(args.out.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
