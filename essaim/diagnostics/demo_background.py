"""Demo background for the CRESS's regional view: thirty more structures of the demo directory
(associations first, so that families and sizes pass the threshold of ten, both in what a table
shows and in what it leaves out), whose teams ran the quick path on three to five themes last year (closed, all taking part in the
comparison with similar structures) and this year (open, half consolidated so far).

The regional view reads only the themes chosen and the positions a team retained, so these
campaigns hold no respondent's answers: each pilot (an account without a password, nobody logs
in as them) retains levels drawn around where the structure stands. Loaded after the three
structures of `demo.py`, through the same services, dated the same way; loading again replaces
them."""

from __future__ import annotations

import random
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.emails import emails_withheld
from essaim.core.registries import demo_loaders
from essaim.core.text import fold
from essaim.diagnostics.demo import Calendar, clear_campaigns, dated, last_year_calendar, this_year_calendar
from essaim.diagnostics.demo_plans import ORGANISATIONS
from essaim.diagnostics.models import Campaign, Item, Position
from essaim.diagnostics.services import campaign_close, campaign_open, campaign_share_with_peers, position_save
from essaim.diagnostics.services.campaigns import current_framework
from essaim.diagnostics.vocabulary import MATURITY
from essaim.organisations.demo import demo_region
from essaim.organisations.models import EssFamily, Membership, Organisation

OTHERS = "autres"
# How many structures of each family: each family shown, and the smaller ones pooled, reach ten.
QUOTAS = [(EssFamily.ASSOCIATION, 16), (EssFamily.COOPERATIVE, 10), (OTHERS, 12)]
STRUCTURES = sum(wanted for _family, wanted in QUOTAS)
# The themes structures take up most (the guide's first ones), then the rest.
POPULAR = ["gouvernance", "concertation-strategie", "politique-salariale", "territorialite"]
SCALE = [value for value, _label in MATURITY]


def background_structures(region: str) -> list[Organisation]:
    """Structures of the demo directory, other than the three of `demo.py`: associations first,
    then cooperatives, then the other families (enough of each for the regional view)."""
    featured = {fold(identity.name) for identity in ORGANISATIONS[region]}
    candidates = [
        organisation
        for organisation in Organisation.objects.filter(commune__departement__region__code=region, is_active=True)
        .exclude(ess_family__in=["", EssFamily.HORS_ESS])
        .order_by("name")
        if organisation.search_name not in featured
    ]
    named = {EssFamily.ASSOCIATION, EssFamily.COOPERATIVE}
    chosen = []
    for family, wanted in QUOTAS:
        chosen += [o for o in candidates if (o.ess_family if o.ess_family in named else OTHERS) == family][:wanted]
    return chosen


@demo_loaders.register("autodiagnostic-region", order=71)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    themes = {theme.code: theme for theme in current_framework().themes.all()}
    now = timezone.now()
    structures = background_structures(region)
    with emails_withheld():
        for organisation in structures:
            clear_campaigns(organisation)
            pilot = _pilot(organisation)
            rng = random.Random(f"background/{organisation.search_name}")
            stance = rng.uniform(0.6, 2.6)  # where the structure stands on the scale
            chosen = [themes[code] for code in POPULAR[: rng.randint(2, 4)] if code in themes]
            chosen += rng.sample([t for code, t in themes.items() if code not in POPULAR], 1)
            _campaign(organisation, pilot, chosen, last_year_calendar(now), rng, stance, share=1.0, peers=True)
            _campaign(organisation, pilot, chosen, this_year_calendar(now), rng, stance + 0.3, share=0.5, peers=False)
    log(f"  Autodiagnostic — vue régionale : {len(structures)} autres structures, sur deux années")


def _pilot(organisation: Organisation) -> User:
    email = f"autodiag.{organisation.slug}@demo.essaim.example"
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": f"Équipe {organisation.name}"[:150]})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": "editor"})
    return user


def _campaign(
    organisation: Organisation,
    pilot: User,
    themes: list,  # type: ignore[type-arg]
    calendar: Calendar,
    rng: random.Random,
    stance: float,
    *,
    share: float,
    peers: bool,
) -> Campaign:
    """A quick-path campaign whose pilot retained a level on `share` of its questions; with
    `peers`, the structure takes part in the comparison with similar structures."""
    with dated(calendar.opened):
        campaign = campaign_open(
            organisation=organisation,
            year=calendar.year,
            pilot=pilot,
            pilot_role="direction",
            mode="rapide",
            themes=themes,
            closes_on=calendar.closes_on,
            general_meeting_on=calendar.general_meeting_on,
        )
    Campaign.objects.filter(pk=campaign.pk).update(created_at=calendar.opened)
    questions = [item for item in campaign.items() if item.kind == Item.Kind.QUESTION]
    retained_on = calendar.closed or calendar.answers_until
    with dated(retained_on):
        for item in questions[: round(share * len(questions))]:
            rank = min(len(SCALE) - 1, max(0, round(rng.gauss(stance, 0.9))))
            position_save(campaign=campaign, item=item, level=SCALE[rank], comment="", by=pilot)
    Position.objects.filter(campaign=campaign).update(updated_at=retained_on)
    if peers:
        with dated(retained_on):
            campaign_share_with_peers(campaign=campaign, share=True, by=pilot)
    if calendar.closed is not None:
        with dated(calendar.closed):
            campaign_close(campaign=campaign, by=pilot, now=calendar.closed)
    return campaign
