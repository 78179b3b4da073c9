"""How much of each stored public page the site and the data reproduce, measured on the page's recorded
fragments (the only words of it the project keeps). A fragment word counts as reproduced when it lies in
a run of at least RUN_WORDS words published word for word, as in the budget for the primary texts.
"""

from __future__ import annotations

import pandas as pd

from ..data.fragments import reference_fragments
from ..data.loader import load
from ..data.textnorm import words
from .quotation import RUN_WORDS

LONGEST_QUOTE = 8  # words: the longest run of a stored page's words the book may reproduce


def measure_pages(published: list[str]) -> pd.DataFrame:
    """Per stored page: its fragment words, how many are reproduced, and the longest run copied whole.

    `reproduced` counts a fragment word when it lies in a run of RUN_WORDS words found anywhere in what is
    published (as the primary texts' budget does); `longest_run` is the longest stretch of a fragment found
    word for word in any one published text. A page's own title is bibliographic data, cited wherever the
    page is: words of it do not count.
    """
    # One string, texts separated by a mark no word contains, so a phrase cannot run from one text into the next.
    streams = " " + " | ".join(" ".join(words(text)) for text in published) + " "
    grams = set()
    for text in published:
        tokens = words(text)
        grams.update(tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1))
    titles = load("references").set_index("reference_key")["title"]
    rows = []
    for key, fragments in sorted(reference_fragments().items()):
        title = words(titles.get(key, ""))
        own = {tuple(title[i : i + RUN_WORDS]) for i in range(len(title) - RUN_WORDS + 1)}
        title_text = " " + " ".join(title) + " "
        total = reproduced = longest = 0
        for fragment in fragments:
            tokens = words(fragment)
            hit = [False] * len(tokens)
            for i in range(len(tokens) - RUN_WORDS + 1):
                gram = tuple(tokens[i : i + RUN_WORDS])
                if gram in grams and gram not in own:
                    hit[i : i + RUN_WORDS] = [True] * RUN_WORDS
            total += len(tokens)
            reproduced += sum(hit)
            longest = max(longest, _longest_copied(tokens, hit, streams, title_text))
        rows.append({"reference_key": key, "fragment_words": total, "reproduced": reproduced, "longest_run": longest})
    return pd.DataFrame(rows)


def _longest_copied(tokens: list[str], hit: list[bool], streams: str, title_text: str) -> int:
    """The most consecutive words of `tokens` found together in one published text (not the page's title).

    Only stretches whose every RUN_WORDS-gram is published somewhere can qualify, so only those are searched.
    """
    best, i = 0, 0
    while i < len(tokens):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and hit[j]:
            j += 1
        for length in range(j - i, best, -1):
            if any(
                (phrase := " " + " ".join(tokens[k : k + length]) + " ") in streams and phrase not in title_text
                for k in range(i, j - length + 1)
            ):
                best = length
                break
        i = j
    return best
