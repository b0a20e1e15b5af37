"""What the history follows on requests for support (read by `essaim.core.history`): a
request's state, who took it in hand and its outcome; a team's referencing (needs, audiences and
legal forms shown by their names, its territories and advisers); the module's settings."""

from __future__ import annotations

from typing import Any

from essaim.core.history import Extra, track
from essaim.organisations.legal_categories import legal_category_label
from essaim.referrals.models import Dispatch, Referral, ReferralSettings, Team
from essaim.referrals.services.common import vocabulary_label


def _slugs(name: str) -> Any:
    return lambda team: sorted(getattr(team, name) or [])


def _territories(team: Team) -> list[str]:
    return sorted(str(territory) for territory in team.territories.all())


def _advisers(team: Team) -> list[str]:
    return sorted(team.advisers.values_list("email", flat=True))


track(Referral, fields=["status", "taken_team_id", "taken_by_id", "outcome"])
track(Dispatch, fields=["status", "decline_reason"])
track(
    Team,
    fields=[
        "organisation_id",
        "name",
        "email",
        "phone",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "is_active",
    ],
    extras={
        "needs": Extra("besoins traités", _slugs("needs"), lambda slug: vocabulary_label("needs", slug)),
        "audiences": Extra(
            "publics accompagnés", _slugs("audiences"), lambda slug: vocabulary_label("audiences", slug)
        ),
        "legal_forms": Extra(
            "formes juridiques acceptées", _slugs("legal_forms"), lambda code: legal_category_label(code) or code
        ),
        "territories": Extra("territoires couverts", _territories),
        "advisers": Extra("conseillers", _advisers),
    },
)
track(ReferralSettings, fields=["max_partners", "retention_months"])
