"""Fuzzy search over record names: folded for case, accents and script, indexed by trigrams.

Names and queries are folded the same way: lower case, accents dropped, Cyrillic
transliterated to Latin letters (so "Восток" finds Vostok) and Chinese characters to pinyin
(so "haishang lianhe" finds 海上联合), punctuation read as spaces. A trigram index narrows a
query to the names it could match before they are scored, so a query stays fast as the
records grow.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["NameIndex", "fold_name"]

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
"""Russian (and Ukrainian, Belarusian) letters in the transliteration most English sources use."""
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_CJK = re.compile(r"[\u3400-\u9fff]")
_NOT_WORD = re.compile(r"[\W_]+")
_FUZZY_WEIGHT = 0.85
"""Fuzzy similarity is scaled below substring matches, which rank higher."""
_CANDIDATES = 400
"""How many names sharing the most trigrams with a query are scored."""
_COMMON_SHARE = 0.25
_COMMON_LEAST = 10_000
"""A trigram found in more than `_COMMON_SHARE` of all names and in more than `_COMMON_LEAST`
names (the leading letter of a name most of them share, say) tells names apart too little to
be counted, when a query has rarer ones."""


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A name as search compares it: lower case, no accents, Latin letters, single spaces."""
    if _CJK.search(text):
        from pypinyin import lazy_pinyin

        text = " ".join(lazy_pinyin(text))
    text = text.casefold()
    if not text.isascii():  # plain ASCII has no Cyrillic letters and no accents to drop
        text = text.translate(_CYRILLIC_TABLE)
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _trigrams(folded: str) -> set[str]:
    padded = f"  {folded} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class NameIndex:
    """Every name of a sequence of records, folded and indexed for `search`."""

    def __init__(self, names: Sequence[Sequence[str]]) -> None:
        """`names[i]` holds the names (id, name, aliases) of record `i`."""
        self._owner: list[int] = []
        self._names: list[str] = []
        self._grams: defaultdict[str, list[int]] = defaultdict(list)
        for position, record_names in enumerate(names):
            for folded in dict.fromkeys(fold_name(n) for n in record_names):
                if folded:
                    entry = len(self._names)
                    self._owner.append(position)
                    self._names.append(folded)
                    for gram in _trigrams(folded):
                        self._grams[gram].append(entry)

    def search(self, text: str, floor: float) -> dict[int, float]:
        """The positions of the records whose names match `text`, each with its best score
        above `floor`: 1.0 for the same name, then names containing the text, then fuzzy."""
        from rapidfuzz import fuzz

        query = fold_name(text)
        if not query:
            return {}
        shared: Counter[int] = Counter()
        for postings in self._telling_postings(query):
            shared.update(postings)
        scores: dict[int, float] = {}
        for entry, _ in shared.most_common(_CANDIDATES):
            name = self._names[entry]
            if name == query:
                score = 1.0
            elif query in name:
                score = 0.9 - 0.3 * (1 - len(query) / len(name))
            elif name in query:
                score = 0.6
            else:
                score = fuzz.ratio(query, name) / 100 * _FUZZY_WEIGHT
            owner = self._owner[entry]
            if score > floor and score > scores.get(owner, 0.0):
                scores[owner] = score
        return scores

    def _telling_postings(self, query: str) -> list[list[int]]:
        """The names holding each trigram of `query`, in the trigrams' order (so that names
        sharing as many trigrams are taken in the same order in every process), leaving out the
        common trigrams (see `_COMMON_SHARE`) when a rarer one is found: the work of a query then
        stays bounded as the names grow, rather than growing with them."""
        found = [postings for gram in sorted(_trigrams(query)) if (postings := self._grams.get(gram))]
        common = max(_COMMON_SHARE * len(self._names), _COMMON_LEAST)
        telling = [postings for postings in found if len(postings) <= common]
        return telling or found
