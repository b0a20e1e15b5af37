"""Who should meet whom at an ESSpresso, scored in both directions. Pure Python, no Django.

For me and another participant of the event (research note, section 3.3):

- `forward` says how well what they offer answers what I seek, `backward` the same the other way.
  Each is a similarity between 0 and 1: when both sides chose topics from the CRESS's taxonomy,
  half is the overlap of topics (set cosine; labels compared folded and stemmed, so
  « Restaurations » is « restauration ») and half the free text; otherwise the free text alone.
  The free text is a TF-IDF cosine over French stems, the IDF taken over the participants given
  (the event), topic labels counting as text too so that « traiteur » in a text meets a topic.
- Complementarity is the harmonic mean of the two (both sides should gain), plus ONE_SIDED times
  the larger one, so that a one-sided match stays visible, below a mutual one of the same strength.
- A shared sector adds SECTOR_WEIGHT × Jaccard of the sectors; the territory adds
  TERRITORY_POINTS for the closest level shared (same EPCI > same département > same région).
- The total is multiplied by the other's popularity factor, 1 / (1 + requests received /
  capacity): someone with as many requests as meetings counts half. Over-requested participants
  go down the list, never off it. An unknown capacity (0) means no penalty.

Someone is suggested only if the complementarity or a shared sector is positive: sharing a
territory alone is no reason to meet. Never suggested: oneself, one's own organisation, the ids
`excluded` (a « non merci », a pair already met), kinds the organiser does not let meet.
Order: score, then name (accents and case folded, so « Éole » comes before « Zéphyr »), then id,
so the same event gives the same list whatever the order the participants are given in.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import snowballstemmer

from essaim.core.text import fold

ONE_SIDED = 0.2
SECTOR_WEIGHT = 0.15
TERRITORY_POINTS = {"epci": 0.15, "departement": 0.1, "region": 0.05}
TOPIC_SHARE = 0.5
MAX_FRAGMENT = 70

_STEMMER = snowballstemmer.stemmer("french")

# Folded French words too common to tell two profiles apart.
STOP_WORDS = frozenset(
    """
    a afin ainsi au aupres aux avec c ce ceci cela ces cet cette chez comme d dans de des du elle elles en
    entre et etc etre eux il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos
    notre nous on ou par pas pour qu que quel quelle quels qui s sa sans se ses si son sont sur t ta te
    tes toi ton tous tout toute toutes tres tu un une vers vos votre vous y est ete avoir ont plus
    besoin besoins cherche cherchons recherche recherchons propose proposons offre offrons
    souhaite souhaitons notamment aussi autre autres faire
    """.split()
)
# Free text is cut into fragments at these marks to quote the part that matched.
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_FRAGMENT_BREAKS = re.compile(r"[.;,:!?\n()\[\]/•]+|\s[-–—]\s")


@dataclass(frozen=True)
class Profile:
    """A participant as the suggestions see them. `organisation` is an organisation id, `kind`
    a participant type code ("ess", "entreprise", "collectivite", "accompagnement"), `offers`
    and `seeks` topic labels of the CRESS's taxonomy, `capacity` the number of meetings they
    can have (0 when unknown)."""

    id: str
    name: str
    organisation: str
    kind: str
    offers: tuple[str, ...]
    seeks: tuple[str, ...]
    offers_text: str = ""
    seeks_text: str = ""
    sectors: tuple[str, ...] = ()
    epci: str = ""
    departement: str = ""
    region: str = ""
    requests_received: int = 0
    capacity: int = 0


@dataclass(frozen=True)
class Suggestion:
    """Someone to meet: their id, the final score, both one-way similarities and a short
    reason in French."""

    id: str
    score: float
    forward: float
    backward: float
    reason: str


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The French stem of a folded word (cached: the stemmer is pure Python)."""
    return str(_STEMMER.stemWord(word))


def fast_fold(text: str) -> str:
    """`core.text.fold` for Latin text in a few regular expressions, not a loop per character
    (an event's free texts are read at each index build): the same words for French text."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).replace("œ", "oe").replace("æ", "ae")
    return _NON_ALNUM.sub(" ", _COMBINING_MARKS.sub("", decomposed)).strip()


def stems(text: str) -> list[str]:
    """The stems of a text's significant words, in order, repeats kept."""
    return [stem(word) for word in fast_fold(text).split() if word not in STOP_WORDS and len(word) > 1]


@functools.lru_cache(maxsize=20_000)
def topic_key(label: str) -> str:
    """The form under which two topic labels are the same topic: « Restaurations » and
    « restauration » share it."""
    return " ".join(stems(label)) or fold(label)


Vector = dict[str, float]


def _cosine(left: Vector, right: Vector) -> float:
    if len(right) < len(left):
        left, right = right, left
    return sum(weight * right[term] for term, weight in left.items() if term in right)


def _set_cosine(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


# « Nous cherchons un traiteur » is quoted as « un traiteur »: the sentence already says who seeks.
_LEAD = re.compile(
    r"^(?:(?:nous|je|on)\s+(?:re)?cherch\w*|(?:nous|je|on)\s+propos\w*|(?:nous\s+)?offrons"
    r"|(?:nous\s+avons|j['’]ai|on\s+a)\s+besoin)\s+(?:de\s+|d['’]\s*)?",
    re.IGNORECASE,
)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    text = _LEAD.sub("", text) or text
    if len(text) <= MAX_FRAGMENT:
        return text
    return text[:MAX_FRAGMENT].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class _Side:
    """One side of a profile (what it seeks, or what it offers), ready to compare."""

    topics: dict[str, str]  # topic key -> label as typed
    keys: frozenset[str]
    vector: Vector
    fragments: tuple[tuple[str, tuple[str, ...]], ...]  # quotable piece -> its stems


@dataclass(frozen=True)
class _Text:
    """A side's words read once: its stems (labels, then free text) and its quotable pieces."""

    labels: tuple[str, ...]
    terms: tuple[str, ...]
    pieces: tuple[tuple[str, tuple[str, ...]], ...]  # label or fragment of the text -> its stems


def _read(labels: tuple[str, ...], text: str) -> _Text:
    fragments = [piece for piece in _FRAGMENT_BREAKS.split(text) if piece.strip()]
    pieces = tuple((piece, tuple(_cached_stems(piece))) for piece in [*labels, *fragments])
    pieces = tuple((piece, terms) for piece, terms in pieces if terms)
    return _Text(labels=labels, terms=tuple(term for _, terms in pieces for term in terms), pieces=pieces)


@functools.lru_cache(maxsize=20_000)
def _cached_stems(text: str) -> tuple[str, ...]:
    # Topic labels come back for every participant choosing them.
    return tuple(stems(text))


def _side(read: _Text, idf: dict[str, float]) -> _Side:
    counts = Counter(read.terms)
    weights = {term: (1.0 + math.log(count)) * idf[term] for term, count in counts.items()}
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    vector = {term: weight / norm for term, weight in weights.items()} if norm else {}
    topics = {topic_key(label): label for label in read.labels}
    return _Side(topics=topics, keys=frozenset(topics), vector=vector, fragments=read.pieces)


@dataclass(frozen=True)
class _Prepared:
    profile: Profile
    needs: _Side
    offers: _Side
    sectors: frozenset[str]
    popularity: float


def _similarity(wanted: _Side, given: _Side) -> float:
    text = _cosine(wanted.vector, given.vector)
    if not wanted.topics or not given.topics:
        return text
    topics = _set_cosine(wanted.keys, given.keys)
    return TOPIC_SHARE * topics + (1.0 - TOPIC_SHARE) * text


def complementarity(forward: float, backward: float) -> float:
    """Harmonic mean of the two one-way similarities, plus ONE_SIDED times the larger one."""
    if forward + backward <= 0:
        return 0.0
    return 2 * forward * backward / (forward + backward) + ONE_SIDED * max(forward, backward)


def _territory(a: Profile, b: Profile) -> tuple[str, float]:
    for level in ("epci", "departement", "region"):
        mine, theirs = getattr(a, level), getattr(b, level)
        if mine and mine == theirs:
            return level, TERRITORY_POINTS[level]
    return "", 0.0


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    return len(left & right) / len(left | right) if left and right else 0.0


class SuggestionIndex:
    """The participants of one event, prepared once (stems, TF-IDF vectors, topic keys), so
    that each participant's suggestions take a few milliseconds even with a thousand others."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        given = list(profiles)
        ids = [profile.id for profile in given]
        if len(set(ids)) != len(ids):
            duplicates = sorted({value for value in ids if ids.count(value) > 1})
            raise ValueError(f"Identifiants en double : {', '.join(duplicates)}.")
        read = {
            profile.id: (_read(profile.seeks, profile.seeks_text), _read(profile.offers, profile.offers_text))
            for profile in given
        }
        documents = [side.terms for sides in read.values() for side in sides]
        frequency = Counter(term for terms in documents for term in set(terms))
        idf = {term: math.log((1 + len(documents)) / (1 + count)) + 1.0 for term, count in frequency.items()}
        self._profiles = {
            profile.id: _Prepared(
                profile=profile,
                needs=_side(read[profile.id][0], idf),
                offers=_side(read[profile.id][1], idf),
                sectors=frozenset(fold(sector) for sector in profile.sectors),
                popularity=_popularity(profile),
            )
            for profile in given
        }
        self._order = sorted(given, key=lambda profile: (fast_fold(profile.name), profile.name, profile.id))

    def _score(self, me: _Prepared, other: _Prepared) -> tuple[float, float, float, float]:
        """(score before popularity, forward, backward, complementarity)."""
        forward = _similarity(me.needs, other.offers)
        backward = _similarity(other.needs, me.offers)
        mutual = complementarity(forward, backward)
        sector = _jaccard(me.sectors, other.sectors)
        if mutual <= 0 and sector <= 0:
            return 0.0, forward, backward, mutual
        territory = _territory(me.profile, other.profile)[1]
        return mutual + SECTOR_WEIGHT * sector + territory, forward, backward, mutual

    def pair_score(self, a_id: str, b_id: str) -> float:
        """The reciprocal score of two participants, the same both ways, without the popularity
        factor (on the day, requests no longer matter); 0 for two people of one organisation."""
        a, b = self._profiles[a_id], self._profiles[b_id]
        if a_id == b_id or (a.profile.organisation and a.profile.organisation == b.profile.organisation):
            return 0.0
        return round(self._score(a, b)[0], 9)

    def suggest(
        self,
        me_id: str,
        *,
        allowed_kinds: Callable[[str, str], bool] | None = None,
        excluded: frozenset[str] = frozenset(),
        limit: int = 10,
    ) -> list[Suggestion]:
        """The `limit` best people for `me_id` to meet, best first (see the module's rule)."""
        me = self._profiles[me_id]
        found: list[tuple[float, Profile, float, float, float]] = []
        for profile in self._order:
            if profile.id == me_id or profile.id in excluded:
                continue
            if me.profile.organisation and profile.organisation == me.profile.organisation:
                continue
            if allowed_kinds is not None and not allowed_kinds(me.profile.kind, profile.kind):
                continue
            other = self._profiles[profile.id]
            score, forward, backward, mutual = self._score(me, other)
            if score > 0:
                found.append((round(score * other.popularity, 9), profile, forward, backward, mutual))
        # `self._order` is by name then id, and the sort is stable: ties keep that order.
        found.sort(key=lambda item: -item[0])
        return [
            Suggestion(
                id=profile.id,
                score=score,
                forward=round(forward, 9),
                backward=round(backward, 9),
                reason=self._reason(me, self._profiles[profile.id], forward, backward, mutual),
            )
            for score, profile, forward, backward, mutual in found[: max(limit, 0)]
        ]

    def _reason(self, me: _Prepared, other: _Prepared, forward: float, backward: float, mutual: float) -> str:
        sentences: list[str] = []
        if forward > 0:
            wanted, given = _matched(me.needs, other.offers)
            if fast_fold(wanted) == fast_fold(given):
                sentences.append(f"Vous cherchez « {wanted} », qu'elle propose.")
            else:
                sentences.append(f"Vous cherchez « {wanted} » ; elle propose « {given} ».")
        if backward > 0:
            wanted = _matched(other.needs, me.offers)[0]
            sentences.append(f"Elle cherche « {wanted} », que vous proposez.")
        if mutual <= 0:
            shared = sorted(sector for sector in me.profile.sectors if fold(sector) in other.sectors)
            sentences.append(f"Même secteur : « {shared[0]} ».")
        # Every participant of a regional event shares the région: saying so explains nothing.
        level = _territory(me.profile, other.profile)[0]
        if level == "epci":
            sentences.append("Même EPCI.")
        elif level == "departement":
            sentences.append("Même département.")
        return " ".join(sentences)


def _popularity(profile: Profile) -> float:
    if profile.capacity <= 0 or profile.requests_received <= 0:
        return 1.0
    return 1.0 / (1.0 + profile.requests_received / profile.capacity)


def _matched(wanted: _Side, given: _Side) -> tuple[str, str]:
    """What to quote on each side: the shared topics if any (as each side typed them), else
    the fragment of each side that carries most of the shared stems' weight."""
    shared = [key for key in wanted.topics if key in given.topics]
    if shared:
        return (
            " » et « ".join(wanted.topics[key] for key in shared[:2]),
            " » et « ".join(given.topics[key] for key in shared[:2]),
        )
    contributions = {
        term: weight * given.vector[term] for term, weight in wanted.vector.items() if term in given.vector
    }
    return _best_fragment(wanted, contributions), _best_fragment(given, contributions)


def _best_fragment(side: _Side, contributions: dict[str, float]) -> str:
    best, best_value = "", 0.0
    for text, terms in side.fragments:
        value = sum(contributions.get(term, 0.0) for term in set(terms))
        if value > best_value:
            best, best_value = text, value
    return _shorten(best)


def suggest(
    me: Profile,
    others: Iterable[Profile],
    *,
    allowed_kinds: Callable[[str, str], bool] | None = None,
    excluded: frozenset[str] = frozenset(),
    limit: int = 10,
) -> list[Suggestion]:
    """The `limit` best people for `me` to meet among `others` (the IDF taken over them and me).
    For many calls on one event, build a `SuggestionIndex` once."""
    population = [me, *(other for other in others if other.id != me.id)]
    return SuggestionIndex(population).suggest(me.id, allowed_kinds=allowed_kinds, excluded=excluded, limit=limit)


def pair_score(a: Profile, b: Profile) -> float:
    """The reciprocal score of two people (see `SuggestionIndex.pair_score`), the IDF taken
    over the two of them; for a whole room, build a `SuggestionIndex` once."""
    if a.id == b.id:
        return 0.0
    return SuggestionIndex([a, b]).pair_score(a.id, b.id)
