"""The event's directory as a participant sees it: the listed participants, searched and
filtered, and "Suggestions pour vous", ranked by the pure `suggestions` module."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from essaim.esspresso.models import Event, Participant, Wish
from essaim.esspresso.suggestions import Profile, Suggestion, SuggestionIndex
from essaim.territories.places import places_related

SUGGESTIONS = 10


def listed_participants(event: Event) -> QuerySet[Participant]:
    """Who the directory shows: confirmed participants who agreed to be listed."""
    return (
        Participant.objects.listed()
        .filter(event=event)
        .select_related("organisation__commune__departement")
        .prefetch_related("offers", "seeks", "sectors")
    )


def filter_participants(queryset: QuerySet[Participant], data: dict[str, Any]) -> QuerySet[Participant]:
    """Narrow the directory by the filters a participant chose (every one optional): words,
    kind, a topic offered, a topic sought, a sector, a département code."""
    if text := (data.get("q") or "").strip():
        queryset = queryset.matching(text)  # type: ignore[attr-defined]
    if kind := data.get("kind"):
        queryset = queryset.filter(kind=kind)
    if offer := data.get("offers"):
        queryset = queryset.filter(offers=offer)
    if seek := data.get("seeks"):
        queryset = queryset.filter(seeks=seek)
    if sector := data.get("sector"):
        queryset = queryset.filter(sectors=sector)
    if departement := data.get("departement"):
        queryset = queryset.filter(organisation__commune__departement__code=departement)
    return queryset.distinct().order_by("last_name", "first_name", "pk")


def departements_of(event: Event) -> list[tuple[str, str]]:
    """The départements of the listed participants' structures, as (code, "code — nom")."""
    rows = (
        listed_participants(event)
        .exclude(organisation__commune__isnull=True)
        .values_list("organisation__commune__departement__code", "organisation__commune__departement__name")
        .distinct()
    )
    return sorted({(code, f"{code} — {name}") for code, name in rows})


def requests_received(event: Event) -> dict[int, int]:
    """How many requests each participant received that were not declined."""
    counts = (
        Wish.objects.filter(event=event)
        .exclude(status=Wish.Status.DECLINED)
        .values("recipient_id")
        .annotate(n=Count("pk"))
    )
    return {row["recipient_id"]: row["n"] for row in counts}


def profile_of(participant: Participant, *, received: int = 0) -> Profile:
    """A participant as the suggestions read them (topics, free texts, sectors, territory of
    their structure, requests received against the meetings they can have)."""
    commune = participant.organisation.commune
    places = commune.places if commune is not None else None
    return Profile(
        id=str(participant.pk),
        name=participant.full_name,
        organisation=str(participant.organisation_id),
        kind=participant.kind,
        offers=tuple(topic.label for topic in participant.offers.all()),
        seeks=tuple(topic.label for topic in participant.seeks.all()),
        offers_text=participant.offers_text,
        seeks_text=participant.seeks_text,
        sectors=tuple(sector.label for sector in participant.sectors.all()),
        epci=(places.epci or "") if places else "",
        departement=places.departement if places else "",
        region=places.region if places else "",
        requests_received=received,
        capacity=participant.capacity(),
    )


@dataclass(frozen=True)
class Suggested:
    participant: Participant
    suggestion: Suggestion
    received: int
    capacity: int

    @property
    def over_requested(self) -> bool:
        return self.capacity > 0 and self.received > self.capacity


def suggestions_for(me: Participant, *, limit: int = SUGGESTIONS) -> list[Suggested]:
    """The best people for `me` to ask, with their reason: never themselves, their own structure,
    someone a request already links them to (sent, received or declined), or a kind of participant
    the organiser does not let them meet. Over-requested people come lower, never off the list."""
    event = me.event
    people = list(
        listed_participants(event).select_related(*places_related("organisation__commune")).prefetch_related("sessions")
    )
    if me.pk not in {person.pk for person in people}:
        mine = Participant.objects.prefetch_related("offers", "seeks", "sectors", "sessions").select_related(
            *places_related("organisation__commune")
        )
        people.append(mine.get(pk=me.pk))
    received = requests_received(event)
    index = SuggestionIndex(profile_of(person, received=received.get(person.pk, 0)) for person in people)
    linked = Wish.objects.filter(Q(sender=me) | Q(recipient=me)).values_list("sender_id", "recipient_id")
    excluded = frozenset(str(pid) for pair in linked for pid in pair if pid != me.pk)
    by_id = {str(person.pk): person for person in people}
    found = index.suggest(str(me.pk), allowed_kinds=event.may_meet, excluded=excluded, limit=limit)
    return [
        Suggested(
            participant=by_id[item.id],
            suggestion=item,
            received=received.get(by_id[item.id].pk, 0),
            capacity=by_id[item.id].capacity(),
        )
        for item in found
    ]
