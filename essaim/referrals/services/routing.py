"""From the database to the pure routing rule (`referrals/routing.py`) and back: which teams a
request goes to, and the dispatches and e-mails that follow."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings

from essaim.accounts.services import password_set_url
from essaim.core.emails import send_templated_email
from essaim.referrals import routing
from essaim.referrals.models import Dispatch, Referral, ReferralSettings, Team
from essaim.referrals.services.common import cress_addresses, email_context
from essaim.territories.places import Territory


def team_profile(team: Team) -> routing.TeamProfile:
    return routing.TeamProfile(
        id=team.pk,
        partner=team.organisation_id,
        needs=frozenset(team.needs or ()),
        territories=tuple(Territory(t.kind, t.code) for t in team.territories.all()),
        audiences=frozenset(team.audiences or ()),
        legal_forms=frozenset(team.legal_forms or ()),
        min_years=team.min_years,
        max_years=team.max_years,
        min_employees=team.min_employees,
        max_employees=team.max_employees,
    )


def team_profiles(teams: Iterable[Team] | None = None) -> list[routing.TeamProfile]:
    """The profiles of the active teams (or of the given ones), territories read in one query."""
    if teams is None:
        teams = Team.objects.active().prefetch_related("territories")
    return [team_profile(team) for team in teams]


def request_profile(referral: Referral) -> routing.RequestProfile:
    return routing.RequestProfile(
        need=referral.need,
        place=referral.commune.places,
        audience=referral.audience or None,
        legal_form=referral.legal_form or None,
        years=referral.years,
        employees=referral.employees,
    )


def route_referral(referral: Referral) -> routing.Routing:
    """Where the request goes now, leaving out the teams it was already sent to. A request
    addressed to a structure (from its offer's page) goes to that structure's team first, when
    one handles it; the others follow within the limit of partners."""
    already = frozenset(referral.dispatches.values_list("team_id", flat=True))
    request = request_profile(referral)
    profiles = team_profiles()
    limit = ReferralSettings.current().max_partners
    found = routing.route(request, profiles, max_partners=limit, exclude=already)
    preferred = referral.preferred_partner_id
    if preferred is None:
        return found
    own = routing.route(request, [p for p in profiles if p.partner == preferred], max_partners=1, exclude=already)
    if not own.teams:
        return found
    partner_of = {profile.id: profile.partner for profile in profiles}
    others = [team for team in found.teams if partner_of[team] != preferred]
    return routing.Routing(teams=(*own.teams, *others[: limit - 1]))


def dispatch_to(referral: Referral, team_ids: Iterable[int], *, now: datetime, by: Any = None) -> list[Dispatch]:
    """Send the request to these teams: one dispatch each, and an e-mail to their advisers."""
    wanted = list(team_ids)
    teams = Team.objects.in_bulk(wanted)
    created = [
        Dispatch.objects.create(referral=referral, team=teams[pk], sent_at=now, routed_by=by)
        for pk in wanted
        if pk in teams
    ]
    for dispatch in created:
        notify_team(dispatch, template="emails/referral_new_request")
    return created


def notify_team(dispatch: Dispatch, *, template: str, extra: dict[str, Any] | None = None) -> None:
    """An e-mail to each adviser of the team (and to the team's address when it has no adviser).
    It names the need and the commune, never what the requester typed: the text is read on the
    platform, after logging in."""
    team = dispatch.team
    advisers = list(team.advisers.filter(is_active=True))
    context = {**email_context(dispatch.referral), "team": team, "dispatch": dispatch, **(extra or {})}
    for adviser in advisers:
        send_templated_email(
            template=template,
            to=[adviser.email],
            context={
                **context,
                "adviser": adviser,
                "password_url": "" if adviser.has_usable_password() else password_set_url(adviser),
            },
        )
    if not advisers and team.email:
        send_templated_email(template=template, to=[team.email], context={**context, "adviser": None})


def notify_cress(referral: Referral, *, template: str) -> None:
    """An e-mail to the CRESS team (its administrators, else the platform's contact address)."""
    send_templated_email(
        template=template, to=cress_addresses() or [settings.CONTACT_EMAIL], context=email_context(referral)
    )


def teams_handling(referral: Referral) -> set[int]:
    """The active teams whose referencing covers the request (need, territory, filters),
    whatever the limit of partners: what the CRESS is shown first when it routes by hand."""
    request = request_profile(referral)
    return {profile.id for profile in team_profiles() if routing.handles(profile, request) is not None}
