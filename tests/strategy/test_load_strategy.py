from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from essaim.core.history import entries_of
from essaim.strategy.loading import load_strategy_file
from essaim.strategy.models import Action, Indicator, IndicatorValue, Strategy
from essaim.strategy.strategy_file import parse
from tests.organisations.factories import OrganisationFactory
from tests.strategy.factories import SAMPLE_FILE


@pytest.fixture
def directory(region):
    return OrganisationFactory(name="CRESS de test")


def messages(text):
    return [str(error) for error in parse(text)[1]]


def test_a_valid_file_describes_the_whole_tree():
    spec, errors = parse(SAMPLE_FILE)
    assert errors == []
    assert [(node.code, node.level, node.parent_code) for node in spec.nodes] == [("1", 1, ""), ("1.1", 2, "1")]
    first = spec.actions[0]
    assert first.plans == ["2017-2019", "2019-2021"]
    assert first.budget[0].actual == Decimal("18500")
    assert spec.indicators[0].values[0].source == "CRESS, suivi des orientations"


def test_a_duplicate_code_is_reported_with_both_lines():
    text = SAMPLE_FILE.replace('code: "1.1.2"', 'code: "1.1.1"')
    [message] = messages(text)
    line = SAMPLE_FILE.splitlines().index('          - code: "1.1.2"') + 1
    assert message.startswith(f"ligne {line} : le code « 1.1.1 » est déjà utilisé ligne")


def test_a_yaml_alias_that_could_make_a_cycle_is_refused():
    text = SAMPLE_FILE.replace('  - code: "1"\n', '  - &axe\n    code: "1"\n') + "    - *axe\n"
    text = SAMPLE_FILE.replace(
        '      - code: "1.1"\n        title: Mieux orienter\n',
        '      - &boucle\n        code: "1.1"\n        title: Mieux orienter\n        children: [*boucle]\n',
    )
    [message] = messages(text)
    assert "alias" in message and message.startswith("ligne ")


def test_a_repeated_key_is_refused():
    text = SAMPLE_FILE.replace("  status: running\n", "  status: running\n  status: closed\n")
    [message] = messages(text)
    assert "la clé « status » est répétée" in message


def test_wrong_values_are_all_reported_at_once():
    text = (
        SAMPLE_FILE.replace("status: en_cours", "status: en_retard")
        .replace("starts_on: 2017-09-01", "starts_on: 2019-01-01")
        .replace("value: 120,", "value: 120 €,")
        .replace("group: gp-financement", "group: gp-inconnu")
        .replace("  levels: [Axe, Proposition, Action]", "  levels: [Axe, Proposition, Action]\n  couleur: bleu")
    )
    found = messages(text)
    assert len(found) == 5
    assert any("« en_retard » n'est pas une valeur possible" in message for message in found)
    assert any("précède son début" in message for message in found)
    assert any("Unité « € » inattendue" in message for message in found)
    assert any("« gp-inconnu » n'est pas un groupe-projet" in message for message in found)
    assert any("clé « couleur » inconnue" in message for message in found)


def test_a_number_code_must_be_quoted():
    text = SAMPLE_FILE.replace('code: "1.1"\n', "code: 1.10\n")
    assert any("entre guillemets" in message for message in messages(text))


def test_depth_follows_the_level_labels():
    text = SAMPLE_FILE.replace("levels: [Axe, Proposition, Action]", "levels: [Axe, Action]")
    found = messages(text)
    assert any("clé « children » inconnue dans un nœud de niveau 1" in message for message in found)


def test_loading_writes_everything_and_keeps_a_history(directory):
    report = load_strategy_file(text=SAMPLE_FILE)
    assert report.ok, report.errors
    strategy = Strategy.objects.get(code="sress-test")
    assert strategy.level_labels == ["Axe", "Proposition", "Action"]
    action = Action.objects.get(code="1.1.1")
    assert action.node.code == "1.1" and action.group.name == "Accompagnement et financement"
    assert sorted(action.plans.values_list("code", flat=True)) == ["2017-2019", "2019-2021"]
    assert action.leads.get().email == "referente@example.org"
    assert not action.leads.get().has_usable_password()
    assert Action.objects.get(code="1.1.2").is_public is False
    value = IndicatorValue.objects.get()
    assert value.state == IndicatorValue.State.VALIDATED and value.value == 120
    assert entries_of(action).count() == 1


def test_loading_again_updates_in_place_and_records_only_what_changed(directory):
    load_strategy_file(text=SAMPLE_FILE)
    report = load_strategy_file(text=SAMPLE_FILE.replace("status: en_cours", "status: realisee"))
    assert report.ok
    action = Action.objects.get(code="1.1.1")
    assert action.status == "realisee"
    assert Action.objects.count() == 2 and IndicatorValue.objects.count() == 1
    latest = entries_of(action).first()
    assert latest.changes == {"status": ["en_cours", "realisee"]}


def test_an_unknown_structure_writes_nothing(directory):
    report = load_strategy_file(
        text=SAMPLE_FILE.replace("pilot: CRESS de test\n            group", "pilot: Inconnue\n            group")
    )
    assert not report.ok
    assert "la structure « Inconnue » n'est pas dans l'annuaire" in str(report.errors[0])
    assert not Strategy.objects.exists() and not Indicator.objects.exists()


def test_the_command_dry_run_writes_nothing(directory, tmp_path, capsys):
    path = tmp_path / "strategie.yaml"
    path.write_text(SAMPLE_FILE, encoding="utf-8")
    call_command("load_strategy", str(path), "--dry-run")
    assert "Simulation" in capsys.readouterr().out
    assert not Strategy.objects.exists()
    call_command("load_strategy", str(path))
    assert Strategy.objects.count() == 1


def test_the_command_lists_errors_and_fails(directory, tmp_path, capsys):
    path = tmp_path / "strategie.yaml"
    path.write_text(SAMPLE_FILE.replace('code: "1.1.2"', 'code: "1.1.1"'), encoding="utf-8")
    with pytest.raises(CommandError, match="rien n'a été importé"):
        call_command("load_strategy", str(path))
    assert "strategie.yaml, ligne" in capsys.readouterr().err


def test_reloading_keeps_what_was_done_in_the_platform(directory):
    from datetime import date

    from essaim.strategy.models import Milestone, ProgressReport

    load_strategy_file(text=SAMPLE_FILE.replace("done_on: 2017-12-05", "done_on: null"))
    action = Action.objects.get(code="1.1.1")
    Milestone.objects.filter(action=action).update(done_on=date(2018, 1, 10))
    ProgressReport.objects.create(action=action, state="validated", status="suspendue")
    Action.objects.filter(pk=action.pk).update(status="suspendue")
    assert load_strategy_file(text=SAMPLE_FILE).ok
    action.refresh_from_db()
    assert action.status == "suspendue"  # the validated report, not the file
    assert action.milestones.get().done_on == date(2018, 1, 10)


def counts(report):
    return {tally.noun.singular: (tally.created, tally.updated) for tally in report.tallies.values()}


def test_a_dry_run_counts_exactly_what_the_load_then_does(directory):
    dry = load_strategy_file(text=SAMPLE_FILE, dry_run=True)
    assert dry.ok and not Strategy.objects.exists()
    real = load_strategy_file(text=SAMPLE_FILE)
    assert counts(dry) == counts(real)
    assert dry.summary().startswith(
        "1 stratégie serait créée ; 2 plans d'actions seraient créés ; 1 groupe ou instance"
    )
    assert "2 actions seraient créées" in dry.summary() and "2 actions ont été créées" in real.summary()
    again = load_strategy_file(text=SAMPLE_FILE)
    assert all(tally.created == tally.updated == 0 for tally in again.tallies.values()), again.summary()
    assert "2 actions" in again.summary() and "inchangées" in again.summary()
    changed = load_strategy_file(text=SAMPLE_FILE.replace("status: en_cours", "status: realisee"))
    assert "1 action a été mise à jour" in changed.summary(), changed.summary()


def test_the_command_says_what_the_file_no_longer_names(directory, tmp_path, capsys):
    load_strategy_file(text=SAMPLE_FILE)
    path = tmp_path / "strategie.yaml"
    second = SAMPLE_FILE.index('          - code: "1.1.2"')
    end = SAMPLE_FILE.index("\nindicators:")
    path.write_text(SAMPLE_FILE[:second] + SAMPLE_FILE[end:], encoding="utf-8")
    call_command("load_strategy", str(path), "--dry-run")
    assert "Conservé, absent du fichier : action 1.1.2" in capsys.readouterr().out
