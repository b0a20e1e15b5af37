"""What the history follows of a place (read by `essaim.core.history`): every field the CRESS
maintains, and the member structures of a PTCE by name."""

from __future__ import annotations

from typing import Any

from essaim.core.history import Extra, track
from essaim.places.models import Place

PLACE_FIELDS = [
    "kind",
    "subtype",
    "name",
    "description",
    "address",
    "commune_id",
    "latitude",
    "longitude",
    "operator_id",
    "website",
    "source",
    "updated_on",
    "is_active",
]


def member_names(place: Any) -> list[str]:
    return sorted(place.members.values_list("name", flat=True))


track(Place, fields=PLACE_FIELDS, extras={"members": Extra("membres du pôle", member_names)})
