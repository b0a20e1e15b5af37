"""Demo ESSpresso events of the instance's région (`ESSAIM_REGION`), dated from the day the demo
loads.

Pays de la Loire: a past regional ESSpresso in Nantes (about 60 participants, their requests, the
timetable built by the real scheduler and published, no-shows and feedback, so that statistics
mean something) and one open for registration at the scale of Angers Loire Métropole (about 20
registered, requests waiting for an answer, no timetable yet). Centre-Val de Loire: its own
regional ESSpresso in Orléans, open, with registrations waiting for the organiser's validation.

The participants (`demo_data/participants-<région>.csv`) are fictional people of structures of the
demo directory. Registrations and requests are written directly, as their history, without
e-mails; the timetable goes through `timetable_build`. The scheduler refuses a past event, so the
past event is built the day before it "happens", then moved to its date. Requests are drawn from
the profiles (what one seeks against what the other offers), the same at every load.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core import history
from essaim.core.imports import read_csv_file
from essaim.core.registries import demo_loaders, demo_summaries
from essaim.core.text import fold
from essaim.esspresso.demo_events import AGENT, EVENTS, DemoEvent
from essaim.esspresso.models import (
    Appointment,
    Event,
    Participant,
    Priority,
    ScheduleRun,
    Seat,
    Sector,
    Session,
    Topic,
    Wish,
)
from essaim.esspresso.services import event_save, event_slots_refresh, event_tables_set, timetable_build
from essaim.organisations.demo import DEMO_PASSWORD, demo_region
from essaim.organisations.models import Membership, Organisation
from essaim.territories.models import Commune

DEMO_DIR = Path(__file__).parent / "demo_data"
COLUMNS = ["events", "organisation", "kind", "first_name", "last_name", "job_title", "offers", "seeks", "sectors"]
OPTIONAL = ["offers_text", "seeks_text"]
CRESS_EMAIL = "cress@demo.essaim.example"
MEMBER_EMAIL = "membre@demo.essaim.example"  # the demo account of an ESS structure's member


@demo_loaders.register("esspresso", order=50)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    today = timezone.localdate()
    rows = read_csv_file(DEMO_DIR / f"participants-{region}.csv", required=COLUMNS, optional=OPTIONAL)
    people = [row.values for row in rows]
    cress = User.objects.filter(email=CRESS_EMAIL).first()
    for plan in EVENTS[region]:
        # `--force` loads again: the event is made anew with today's dates.
        Event.objects.filter(slug=plan.slug).delete()
        event = _event(plan, today, cress)
        participants = _register(event, plan, [p for p in people if plan.key in p["events"].split("|")], today)
        wishes = _wishes(event, plan, participants)
        if plan.days < 0:
            summary = _past(event, plan, today, cress)
            log(f"  {event.title} : {len(participants)} participants, {wishes} demandes, {summary}")
        else:
            log(f"  {event.title} : {len(participants)} inscrits, {wishes} demandes, inscriptions ouvertes")


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


# Fixed-date public holidays in France (month, day): no business meeting falls on them.
HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def working_day(day: date) -> date:
    """The first Tuesday to Thursday from `day` on that is not a fixed public holiday: an
    ESSpresso is held on a working day, never on 1 January."""
    while day.weekday() not in (1, 2, 3) or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    return day


def _event(plan: DemoEvent, today: date, cress: User | None) -> Event:
    day = working_day(today + timedelta(days=plan.days))
    commune = Commune.objects.filter(code=plan.commune).select_related("epci").first()
    scope_code = ""
    if plan.scope == Event.Scope.EPCI and commune is not None and commune.epci is not None:
        scope_code = commune.epci.code
    event = Event(
        title=plan.title,
        slug=plan.slug,
        description=plan.description,
        # A past event is built the day before it happens (the scheduler refuses past events).
        date=max(day, today + timedelta(days=1)),
        place=plan.place,
        address=plan.address,
        commune=commune,
        scope=plan.scope if scope_code or plan.scope != Event.Scope.EPCI else Event.Scope.REGION,
        scope_code=scope_code,
        registration_closes_on=day - timedelta(days=plan.registration_days_before),
        requests_close_on=day - timedelta(days=plan.requests_days_before),
        needs_validation=plan.needs_validation,
        default_max_meetings=plan.max_meetings,
        is_published=True,
    )
    event_save(event=event, by=cress, summary="Création de l'événement (démonstration)")
    for label, start, end in plan.sessions:
        Session.objects.create(event=event, label=label, starts_at=_time(start), ends_at=_time(end))
    event_slots_refresh(event=event)
    event_tables_set(event=event, count=plan.tables, names=plan.table_names)
    if cress is not None:
        event.organisers.add(cress)
    if plan.organiser is not None:
        event.organisers.add(_organiser_account(*plan.organiser))
    # Created when its registrations opened, two months before.
    Event.objects.filter(pk=event.pk).update(created_at=_at(day - timedelta(days=60)))
    return event


def _organiser_account(email: str, full_name: str) -> User:
    """A collectivité's agent who co-organises an event, with the demo password."""
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    organisation = Organisation.objects.filter(name="Communauté urbaine Angers Loire Métropole").first()
    if organisation is not None:
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": "member"})
    return user


def _email(first_name: str, last_name: str) -> str:
    local = ".".join(fold(part).replace(" ", "-").replace("'", "") for part in (first_name, last_name))
    return f"{local}@demo.essaim.example"


def _register(event: Event, plan: DemoEvent, rows: list[dict[str, str]], today: date) -> list[Participant]:
    """Register each person of the file (and the demo member's account for an open event)."""
    rng = random.Random(plan.slug)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    sessions = list(event.sessions.all())
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(name__in={row["organisation"] for row in rows})
    }
    missing = sorted({row["organisation"] for row in rows} - set(organisations))
    if missing:
        raise RuntimeError("Structures absentes de l'annuaire de démonstration : " + ", ".join(missing))
    participants = []
    for row in rows:
        email = _email(row["first_name"], row["last_name"])
        participant = Participant.objects.create(
            event=event,
            organisation=organisations[row["organisation"]],
            first_name=row["first_name"],
            last_name=row["last_name"],
            job_title=row["job_title"],
            email=email,
            user=User.objects.filter(email=email).first(),
            kind=row["kind"],
            offers_text=row.get("offers_text", ""),
            seeks_text=row.get("seeks_text", ""),
            max_meetings=rng.choice([plan.max_meetings] * 3 + [plan.max_meetings - 2]),
            status=Participant.Status.CONFIRMED,
        )
        participant.offers.set([topics[slug] for slug in row["offers"].split("|") if slug in topics])
        participant.seeks.set([topics[slug] for slug in row["seeks"].split("|") if slug in topics])
        participant.sectors.set([sectors[slug] for slug in row["sectors"].split("|") if slug in sectors])
        # Some can stay only for the first session.
        participant.sessions.set(sessions[:1] if len(sessions) > 1 and rng.random() < 0.2 else sessions)
        participants.append(participant)
    member = User.objects.filter(email=MEMBER_EMAIL).first()
    membership = member.memberships.select_related("organisation").first() if member else None
    if plan.days > 0 and member is not None and membership is not None:
        first_name, _, last_name = member.full_name.partition(" ")
        participant = Participant.objects.create(
            event=event,
            organisation=membership.organisation,
            user=member,
            first_name=first_name,
            last_name=last_name or first_name,
            job_title="Chargé de développement",
            email=member.email,
            kind="ess",
            offers_text="Nos services aux entreprises et aux collectivités du territoire.",
            seeks_text="Des clients et des partenaires pour développer nos activités.",
            max_meetings=plan.max_meetings,
        )
        participant.offers.set([topics["recrutement_insertion"], topics["entretien_nettoyage"]])
        participant.seeks.set([topics["achats_responsables"]])
        participant.sessions.set(sessions)
        participants.append(participant)
    # A named table is kept for the structure it names, which hosts its meetings there.
    for table in event.tables.exclude(name=""):
        table.host = next((p for p in participants if table.name in p.organisation.name), None)
        table.save(update_fields=["host"])
    # The last to register wait for the organiser's validation.
    for participant in participants[len(participants) - plan.pending_registrations :]:
        participant.status = Participant.Status.PENDING
        participant.save(update_fields=["status"])
    opened = event.date - timedelta(days=60) if plan.days > 0 else today + timedelta(days=plan.days - 60)
    closes = min(event.registration_closes_on, today)
    for index, participant in enumerate(participants):
        registered = opened + timedelta(days=(closes - opened).days * index // max(len(participants), 1))
        Participant.objects.filter(pk=participant.pk).update(created_at=_at(registered, 9 + index % 8))
        history.record_event(
            participant, by=participant.user, summary="Inscription", changes={"status": [None, participant.status]}
        )
    return participants


def _score(
    sender: Participant, recipient: Participant, profile: dict[int, tuple[set[int], set[int], set[int]]]
) -> float:
    """What the sender finds in the recipient: their offers against my needs first, then the other
    way round, then a shared sector."""
    offers, seeks, sectors = profile[sender.pk]
    their_offers, their_seeks, their_sectors = profile[recipient.pk]
    return 2 * len(seeks & their_offers) + len(their_seeks & offers) + 0.5 * bool(sectors & their_sectors)


def _wishes(event: Event, plan: DemoEvent, participants: list[Participant]) -> int:
    """Each confirmed participant asks the people whose profile fits theirs best; answers follow
    the plan's shares; a request both ways is mutual, a "non merci" forbids the pair."""
    rng = random.Random(plan.slug + "/wishes")
    confirmed = [p for p in participants if p.status == Participant.Status.CONFIRMED]
    profile = {
        p.pk: (
            {t.pk for t in p.offers.all()},
            {t.pk for t in p.seeks.all()},
            {s.pk for s in p.sectors.all()},
        )
        for p in confirmed
    }
    pairs: dict[tuple[int, int], str] = {}
    for sender in confirmed:
        candidates = [
            (score + rng.random() * 0.9, recipient)
            for recipient in confirmed
            if recipient.organisation_id != sender.organisation_id
            and event.may_meet(sender.kind, recipient.kind)
            and (score := _score(sender, recipient, profile)) >= 1
        ]
        candidates.sort(key=lambda pair: -pair[0])
        for rank, (_score_value, recipient) in enumerate(candidates[: rng.randint(3, 6)]):
            pairs[(sender.pk, recipient.pk)] = Priority.MUST if rank == 0 else Priority.LIKE
    statuses: dict[tuple[int, int], str] = {}
    for sender_id, recipient_id in pairs:
        if (recipient_id, sender_id) in pairs:
            statuses[(sender_id, recipient_id)] = Wish.Status.ACCEPTED
        elif rng.random() >= plan.answered:
            statuses[(sender_id, recipient_id)] = Wish.Status.PENDING
        else:
            statuses[(sender_id, recipient_id)] = (
                Wish.Status.DECLINED if rng.random() < plan.declined else Wish.Status.ACCEPTED
            )
    asked = event.requests_close_on - timedelta(days=12)
    Wish.objects.bulk_create(
        Wish(
            event=event,
            sender_id=sender_id,
            recipient_id=recipient_id,
            priority=priority,
            status=statuses[(sender_id, recipient_id)],
            answered_at=_at(asked + timedelta(days=2 + index % 5))
            if statuses[(sender_id, recipient_id)] != Wish.Status.PENDING
            else None,
        )
        for index, ((sender_id, recipient_id), priority) in enumerate(pairs.items())
    )
    Wish.objects.filter(event=event).update(created_at=_at(asked))
    return len(pairs)


def _past(event: Event, plan: DemoEvent, today: date, cress: User | None) -> str:
    """Build and publish the timetable, move the event to its date, then the day itself: a few
    no-shows, everyone else present, and most people's word on their rendez-vous."""
    day = working_day(today + timedelta(days=plan.days))
    run = timetable_build(event=event, by=cress, time_limit=3.0)
    ScheduleRun.objects.filter(pk=run.pk).update(created_at=_at(day - timedelta(days=7), 15))
    with history.tracking(event, by=cress, summary="Agendas publiés"):
        event.timetable_published_at = _at(day - timedelta(days=6), 11)
        event.save(update_fields=["timetable_published_at"])
    Event.objects.filter(pk=event.pk).update(date=day, reminder_sent_at=_at(day - timedelta(days=1), 7))
    event.refresh_from_db()
    rng = random.Random(plan.slug + "/day")
    seated = sorted(set(Seat.objects.filter(appointment__event=event).values_list("participant_id", flat=True)))
    absent = set(rng.sample(seated, min(4, len(seated))))
    participants = Participant.objects.filter(event=event)
    participants.exclude(pk__in=absent).update(arrived=True)
    Seat.objects.filter(appointment__event=event, participant_id__in=absent).update(attended=False)
    Seat.objects.filter(appointment__event=event).exclude(participant_id__in=absent).update(attended=True)
    seats = list(Seat.objects.filter(appointment__in=Appointment.objects.held().filter(event=event)).order_by("pk"))
    usefulness = [Seat.Usefulness.VERY] * 7 + [Seat.Usefulness.RATHER] * 8 + [Seat.Usefulness.LITTLE] * 4
    usefulness += [Seat.Usefulness.NOT]
    follow_ups = [Seat.FollowUp.CONTACT] * 8 + [Seat.FollowUp.PROPOSAL] * 4 + [Seat.FollowUp.PARTNERSHIP] * 2
    follow_ups += [Seat.FollowUp.NONE] * 6
    given = []
    for seat in seats:
        if rng.random() > 0.7:
            continue  # not everyone answers the feedback form
        seat.happened = rng.random() > 0.03
        seat.usefulness = rng.choice(usefulness) if seat.happened else ""
        seat.follow_up = rng.choice(follow_ups) if seat.happened else ""
        seat.feedback_at = _at(day + timedelta(days=rng.randint(0, 6)), rng.randint(9, 18))
        given.append(seat)
    Seat.objects.bulk_update(given, ["happened", "usefulness", "follow_up", "feedback_at"])
    held = Appointment.objects.held().filter(event=event).count()
    return (
        f"{run.placed} rendez-vous placés sur {run.possible} possibles, {len(absent)} absents, "
        f"{held} rendez-vous tenus, {len(given)} avis"
    )


@demo_summaries.register("esspresso", order=50)
def accounts_summary() -> str:
    if not User.objects.filter(email=AGENT[0]).exists():
        return ""
    return (
        "Compte de démonstration des rendez-vous ESSpresso :\n"
        f"  {AGENT[0]} — agent d'une collectivité, co-organisateur d'un ESSpresso"
    )
