"""`schedule_meetings`: a timetable file and a French summary for a good input; for a bad one,
a French message naming the faulty element and exit status 2."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from essaim.esspresso.management.commands.schedule_meetings import Command

GOOD = {
    "slots": ["s01", "s02"],
    "tables": 2,
    "participants": [
        {"id": "p1", "available": ["s01"], "max_meetings": 2},
        {"id": "p2"},
        {"id": "p3"},
        {"id": "p4", "available": ["s02"]},
    ],
    "requests": [
        {"from": "p1", "to": "p2", "weight": 2},
        {"from": "p2", "to": "p1"},
        {"from": "p3", "to": "p4"},
        {"from": "p1", "to": "p4"},
    ],
}


def run(tmp_path, data, *extra):
    source = tmp_path / "instance.json"
    source.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command(Command(), str(source), "--output", str(tmp_path / "planning.json"), *extra, stdout=out)
    return out.getvalue()


def test_a_good_input_gives_a_timetable_and_a_french_summary(tmp_path):
    summary = run(tmp_path, GOOD, "--time-limit", "5")
    written = json.loads((tmp_path / "planning.json").read_text(encoding="utf-8"))
    assert summary.strip() == "2 rendez-vous placés sur un maximum possible de 2 (valeur 4 / borne 4)."
    assert sorted(m["participants"] for m in written["meetings"]) == [["p1", "p2"], ["p3", "p4"]]
    assert all(m["table"] in (1, 2) for m in written["meetings"])
    assert written["value"] == written["upper_bound"] == 4.0
    [unplaced] = written["unplaced"]
    assert unplaced["participants"] == ["p1", "p4"]
    assert unplaced["cause"] == "no_common_slot"
    assert unplaced["reason"].startswith("Aucun créneau commun")


def with_change(**changes):
    return {**GOOD, **changes}


BAD_INPUTS = [
    ("{ pas du json", "n'est pas un JSON valide (ligne 1"),
    (
        with_change(requests=[{"from": "p1", "to": "p9"}]),
        "La demande de « p1 » vers « p9 » cite un participant inconnu : « p9 ».",
    ),
    (
        with_change(participants=[{"id": "p1"}, {"id": "p1"}], requests=[]),
        "L'identifiant de participant « p1 » apparaît deux fois.",
    ),
    (
        with_change(participants=[{"id": "p1", "available": ["s01", "s99"]}], requests=[]),
        "Le créneau « s99 » indiqué dans les disponibilités de « p1 »",
    ),
    (
        with_change(requests=[{"from": "p1", "to": "p2", "weight": -1}]),
        "La demande de « p1 » vers « p2 » a un poids de -1 : il doit être strictement positif.",
    ),
    (
        with_change(requests=[{"from": "p1", "to": "p2", "weight": 0}]),
        "La demande de « p1 » vers « p2 » a un poids de 0 : il doit être strictement positif.",
    ),
    (with_change(requests=[{"from": "p2", "to": "p2"}]), "La demande de « p2 » vers « p2 » vise son propre auteur."),
    (
        with_change(requests=[{"from": "p1", "to": "p2"}, {"from": "p1", "to": "p2"}]),
        "La demande de « p1 » vers « p2 » apparaît deux fois.",
    ),
    (with_change(tables="40"), "« tables » doit être un entier positif ou null (reçu : '40')."),
    (with_change(tables=0), "Le nombre de tables doit être un entier positif ou null (reçu : 0)."),
    (with_change(slots="s01"), "« slots » doit être une liste."),
    (with_change(participants=[{"id": 7}]), "« participants[0].id » doit être une chaîne non vide (reçu : 7)."),
    (
        with_change(requests=[{"from": "p1", "to": "p2", "weight": "2"}]),
        "La demande de « p1 » vers « p2 » a un poids invalide : '2'.",
    ),
    (
        with_change(participants=[{"id": "p1", "max_meetings": 2.5}], requests=[]),
        "« max_meetings » de « p1 » doit être un entier (reçu : 2.5).",
    ),
    ([1, 2], "Le fichier doit être un objet JSON."),
    (
        with_change(locked=[{"slot": "s02", "participants": ["p1", "p2"]}]),
        "Le rendez-vous verrouillé de « p1 » et « p2 » au créneau « s02 » tombe hors des disponibilités de « p1 ».",
    ),
    (with_change(host_tables={"p2": 3}), "La table fixe de « p2 » (n° 3) dépasse le nombre de tables (2)."),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_a_bad_input_is_refused_with_a_message_naming_the_faulty_element(tmp_path, data, message):
    with pytest.raises(CommandError) as refused:
        run(tmp_path, data)
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert not (tmp_path / "planning.json").exists()


def test_a_missing_file_and_a_bad_time_limit_are_refused_too(tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command(Command(), str(tmp_path / "absent.json"), "--output", str(tmp_path / "out.json"))
    assert refused.value.returncode == 2
    assert "Impossible de lire" in str(refused.value)
    with pytest.raises(CommandError) as refused:
        run(tmp_path, GOOD, "--time-limit", "0")
    assert refused.value.returncode == 2


def test_from_the_command_line_a_bad_input_exits_with_status_2_and_a_message_on_stderr(tmp_path, capsys):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(with_change(requests=[{"from": "p1", "to": "p9"}])), encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "schedule_meetings", str(source), "--output", str(tmp_path / "o.json")])
    assert exited.value.code == 2
    assert "participant inconnu : « p9 »" in capsys.readouterr().err
