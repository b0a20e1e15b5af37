"""The pure checks of a place's point: on Earth, and near its commune."""

from __future__ import annotations

import pytest

from essaim.places.coordinates import distance_km, position_problem, range_problem

NANTES = (47.2184, -1.5536)


def test_distances_are_great_circle_kilometres():
    assert distance_km(NANTES, NANTES) == 0
    # Nantes to Paris (Notre-Dame) is about 343 km as the crow flies.
    assert distance_km(NANTES, (48.8530, 2.3499)) == pytest.approx(343, abs=3)


def test_a_point_off_the_globe_is_refused():
    assert "latitude est comprise entre -90 et 90" in range_problem(91, 0)
    assert "longitude est comprise entre -180 et 180" in range_problem(0, -181)
    assert range_problem(float("nan"), 0) == "les coordonnées doivent être des nombres"
    assert range_problem(47.2, -1.55) == ""


def test_a_point_near_its_commune_is_accepted():
    assert position_problem(47.2017, -1.5703, centre=NANTES, commune="Nantes") == ""
    assert position_problem(47.2017, -1.5703, centre=None, commune="Nantes") == ""


def test_swapped_latitude_and_longitude_are_named_as_such():
    problem = position_problem(-1.5703, 47.2017, centre=NANTES, commune="Nantes")
    assert "km du centre de Nantes" in problem
    assert problem.endswith("la latitude et la longitude semblent inversées")


def test_a_mistyped_degree_is_refused_with_the_distance():
    problem = position_problem(48.9, -1.5703, centre=NANTES, commune="Nantes")
    assert problem.startswith("le point (48,9 ; -1,5703) est à 187 km du centre de Nantes")
    assert problem.endswith("vérifiez les coordonnées ou la commune")
