"""How much of each stored public page the site and the data reproduce, measured on the page's recorded
fragments (the only words of it the project keeps). A fragment word counts as reproduced when it lies in
a run of at least RUN_WORDS words published word for word, as in the budget for the primary texts.
"""

from __future__ import annotations

import pandas as pd

from ..core import paths
from ..data.fragments import reference_fragments
from ..data.loader import load
from ..data.textnorm import words
from .quotation import RUN_WORDS

LONGEST_QUOTE = 8  # words: the longest run of a stored page's words the book may reproduce


def data_texts_for_pages() -> list[str]:
    """The published data, less the search log's queries: a query is recorded as it was run, and some quote
    the page they looked for, so they are the record of a search, not the book quoting the page."""
    texts = []
    for path in sorted((paths.DATA_DIR / "clean").glob("*.csv")):
        if path.stem == "searches":
            texts.append(pd.read_csv(path, dtype=str).drop(columns=["query"]).to_csv(index=False))
        else:
            texts.append(path.read_text(encoding="utf-8"))
    texts += [p.read_text(encoding="utf-8") for p in sorted(paths.DATA_DIR.glob("*")) if p.is_file()]
    return texts


def measure_pages(published: list[str]) -> pd.DataFrame:
    """Per stored page: its fragment words, how many are reproduced, and the longest reproduced run.

    A page's own title is bibliographic data, cited wherever the page is: runs inside it do not count.
    """
    grams = set()
    for text in published:
        tokens = words(text)
        grams.update(tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1))
    titles = load("references").set_index("reference_key")["title"]
    rows = []
    for key, fragments in sorted(reference_fragments().items()):
        title = words(titles.get(key, ""))
        own = {tuple(title[i : i + RUN_WORDS]) for i in range(len(title) - RUN_WORDS + 1)}
        total = reproduced = longest = 0
        for fragment in fragments:
            tokens = words(fragment)
            hit = [False] * len(tokens)
            for i in range(len(tokens) - RUN_WORDS + 1):
                gram = tuple(tokens[i : i + RUN_WORDS])
                if gram in grams and gram not in own:
                    hit[i : i + RUN_WORDS] = [True] * RUN_WORDS
            run = 0
            for h in hit:
                run = run + 1 if h else 0
                longest = max(longest, run)
            total += len(tokens)
            reproduced += sum(hit)
        rows.append({"reference_key": key, "fragment_words": total, "reproduced": reproduced, "longest_run": longest})
    return pd.DataFrame(rows)
