"""Turn text into search stems: accents folded, French stemming, stop words dropped.
Pure Python (no Django), so the same rule serves SQLite and PostgreSQL and can be tested alone.

"Financement", "financer" and "financements" all give the stem "financ", so a search for one
finds the others. An offer's indexed document is its stems, each surrounded by spaces, and a
query stem matches when " stem" appears in it (so "financ" also matches "financi...").

Ranking reads, for the title, the summary and the description, the same stems in the order of
the text, repeats kept (`sequence`), so a query stem's occurrences can be counted in SQL.
A word scores by where it occurs and how often (`FIELD_WEIGHTS`), with diminishing returns so
that a long description repeating a word does not outrank a title naming it (see `word_score`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping

import snowballstemmer

from essaim.core.text import fold

_STEMMER = snowballstemmer.stemmer("french")
MAX_QUERY_WORDS = 12
MIN_STEM_LENGTH = 2

# Words too common to help a search (folded forms).
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du elle en et eux il je la le les leur leurs lui ma
    mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te
    tes toi ton tu un une vos votre vous c d j l m n s t y est sont etre avoir ete plus tout tous
    """.split()
)


def words(text: str) -> list[str]:
    """The folded words of a text, without stop words."""
    return [word for word in fold(text).split() if word not in STOP_WORDS]


# E-mail addresses, web addresses and handles: never kept in a search log.
_CONTACTS = re.compile(r"\S*@\S*|\S*://\S*|www\.\S*", re.IGNORECASE)


def loggable_words(text: str) -> str:
    """The words of a search worth keeping in the gaps dashboard, without what could identify
    someone: no e-mail or web address, no word with a digit (phone, SIRET, postcode), folded,
    at most the MAX_QUERY_WORDS the search itself reads."""
    kept = [word for word in words(_CONTACTS.sub(" ", text)) if not any(char.isdigit() for char in word)]
    return " ".join(kept[:MAX_QUERY_WORDS])


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The French stem of a folded word. Cached: the same words come back on every page, and
    the pure-Python stemmer takes about 0.1 ms a word."""
    return str(_STEMMER.stemWord(word))


def document(*texts: str) -> str:
    """The indexed form of some texts: their distinct stems, space-separated with a leading
    and trailing space."""
    stems = dict.fromkeys(stem(word) for text in texts for word in words(text))
    return " " + " ".join(stems) + " " if stems else ""


def sequence(*texts: str) -> str:
    """The stems of some texts in order, repeats kept, space-separated with a leading and
    trailing space: " stem" occurs in it as many times as the word does in the texts."""
    stems = [stem(word) for text in texts for word in words(text)]
    return " " + " ".join(stems) + " " if stems else ""


# Points for a query word found in each part of an offer (the operator's name and the taxonomy
# labels are only in the whole document, and score FOUND_ELSEWHERE): a word in the title says
# what the offer is, in the summary what it does, in the description what it touches on.
FIELD_WEIGHTS = {"title": 12.0, "summary": 5.0, "description": 2.0}
FOUND_ELSEWHERE = 1.0


def saturation(count: float) -> float:
    """How much `count` occurrences of a word are worth, between 0 and 1: 1 occurrence 0.5,
    2 occurrences 0.67, 5 occurrences 0.83; the first occurrence matters most."""
    return count / (count + 1.0)


def word_score(counts: Mapping[str, float]) -> float:
    """A query word's score in an offer from its number of occurrences in each field: the
    document matched it somewhere (FOUND_ELSEWHERE), then each field adds its weight times the
    saturation of its count. `TextIndex.relevance` computes it for every offer found."""
    return FOUND_ELSEWHERE + sum(weight * saturation(counts.get(field, 0)) for field, weight in FIELD_WEIGHTS.items())


def query_terms(text: str, synonyms: Mapping[str, list[str]] | None = None) -> list[list[str]]:
    """For each word of the query, the stems that may match it (the word's own stem and those of
    its synonyms). A document matches a query when every word has at least one stem in it."""
    synonyms = synonyms or {}
    terms: list[list[str]] = []
    for word in words(text[:1000])[:MAX_QUERY_WORDS]:
        alternatives = [word, *map(_key_word, synonyms.get(word, []))]
        stems = list(dict.fromkeys(stem(alternative) for alternative in alternatives if alternative))
        stems = [value for value in stems if len(value) >= MIN_STEM_LENGTH]
        if stems:
            terms.append(stems)
    return terms


def _key_word(synonym: str) -> str:
    """The word that stands for a synonym in a search: itself, or the longest word of a
    phrase ("pret d honneur" gives "honneur"), since each query word matches one stem."""
    significant = words(synonym)
    return max(significant, key=len) if significant else ""


def highlight_spans(text: str, terms: Iterable[list[str]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_match) pieces, where a word matches when its stem starts
    with one of the query stems; used to mark matches in results."""
    wanted = [value for stems in terms for value in stems]
    if not wanted:
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    current = ""
    for token in _tokens(text):
        folded = fold(token)
        matched = bool(folded) and folded not in STOP_WORDS and stem(folded).startswith(tuple(wanted))
        if matched:
            if current:
                pieces.append((current, False))
                current = ""
            pieces.append((token, True))
        else:
            current += token
    if current:
        pieces.append((current, False))
    return pieces


def _tokens(text: str) -> list[str]:
    """Words and the separators between them, in order (joining them gives back the text)."""
    tokens: list[str] = []
    current = ""
    for char in text:
        if char.isalnum() == bool(current and current[-1].isalnum()) or not current:
            current += char
        else:
            tokens.append(current)
            current = char
    if current:
        tokens.append(current)
    return tokens


class TextIndex:
    """The stored stems of many offers, inverted: which offers hold a stem in their document,
    and how many times each field's sequence holds it. A query stem matches every stem it
    starts, as in the stored form (" stem" found in " financement "), so a sorted vocabulary
    gives those stems by bisection. Answers a search in a few dictionary reads, however many
    offers the catalogue holds."""

    def __init__(self) -> None:
        self._documents: dict[str, set[int]] = {}
        self._fields: dict[str, dict[str, dict[int, int]]] = {name: {} for name in FIELD_WEIGHTS}
        self._vocabulary: list[str] = []
        self._sorted = True

    def add(self, offer_id: int, *, document: str, fields: Mapping[str, str]) -> None:
        """Index an offer from its stored forms: `document` (distinct stems) and, for each
        field of FIELD_WEIGHTS, its stem sequence."""
        for value in document.split():
            self._documents.setdefault(value, set()).add(offer_id)
        for name, counts in self._fields.items():
            for value in fields.get(name, "").split():
                postings = counts.setdefault(value, {})
                postings[offer_id] = postings.get(offer_id, 0) + 1
        self._sorted = False

    def _starting_with(self, prefix: str) -> list[str]:
        if not self._sorted:
            self._vocabulary = sorted(self._documents)
            self._sorted = True
        start = bisect.bisect_left(self._vocabulary, prefix)
        end = bisect.bisect_left(self._vocabulary, prefix + "\U0010ffff")
        return self._vocabulary[start:end]

    def matching(self, terms: list[list[str]]) -> set[int]:
        """Offers whose document holds, for every query word, one of its stems."""
        found: set[int] | None = None
        for stems in terms:
            word = set().union(*(self._documents[value] for stem in stems for value in self._starting_with(stem)))
            found = word if found is None else found & word
            if not found:
                return set()
        return found or set()

    def relevance(self, terms: list[list[str]], offer_ids: Iterable[int]) -> dict[int, float]:
        """Each offer's relevance: the sum of `word_score` over the query words, from how many
        times the words' stems start a word of each field (computed here field by field, with
        the same arithmetic, since it runs for every offer found)."""
        wanted = set(offer_ids)
        scores = dict.fromkeys(wanted, 0.0)
        for stems in terms:
            fields = []
            for name, weight in FIELD_WEIGHTS.items():
                counts: dict[int, int] = {}
                by_stem = self._fields[name]
                for stem in stems:
                    for value in self._starting_with(stem):
                        for offer_id, count in by_stem.get(value, {}).items():
                            counts[offer_id] = counts.get(offer_id, 0) + count
                fields.append((weight, counts))
            for offer_id in wanted:
                total = 0.0
                for weight, counts in fields:
                    count = counts.get(offer_id, 0)
                    total += weight * saturation(count)
                scores[offer_id] += FOUND_ELSEWHERE + total
        return scores
