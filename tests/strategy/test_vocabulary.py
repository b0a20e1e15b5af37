"""Each set of states is defined once: the models, the strategy-file reader and the bilan counts
all say the same values, in the same order, with the same labels."""

import pytest

from essaim.strategy import bilan_data, vocabulary
from essaim.strategy.models import (
    Action,
    ActionDocument,
    Body,
    BudgetLine,
    Campaign,
    Decision,
    Indicator,
    IndicatorValue,
    ProgressReport,
    Strategy,
    StrategyMember,
)
from essaim.strategy.strategy_file import parse
from tests.strategy.factories import SAMPLE_FILE

FIELDS = [
    (Strategy, "status", vocabulary.STRATEGY_STATUS),
    (StrategyMember, "role", vocabulary.MEMBER_ROLE),
    (Body, "kind", vocabulary.BODY_KIND),
    (Action, "status", vocabulary.ACTION_STATUS),
    (Action, "weather", vocabulary.WEATHER),
    (BudgetLine, "kind", vocabulary.BUDGET_KIND),
    (ActionDocument, "kind", vocabulary.DOCUMENT_KIND),
    (Indicator, "kind", vocabulary.INDICATOR_KIND),
    (IndicatorValue, "state", vocabulary.VALUE_STATE),
    (Campaign, "status", vocabulary.CAMPAIGN_STATUS),
    (ProgressReport, "state", vocabulary.REPORT_STATE),
    (ProgressReport, "status", vocabulary.ACTION_STATUS),
    (ProgressReport, "weather", vocabulary.WEATHER),
    (Decision, "status", vocabulary.DECISION_STATUS),
]


@pytest.mark.parametrize(("model", "name", "words"), FIELDS, ids=lambda item: getattr(item, "__name__", str(item)))
def test_model_choices_are_the_vocabulary_in_its_order(model, name, words):
    assert model._meta.get_field(name).choices == list(words.labels.items())


def test_the_constants_the_code_uses_are_the_vocabulary_names():
    assert [member.name for member in Action.Status] == [term.name for term in vocabulary.ACTION_STATUS.terms]
    assert Action.Status.DONE == "realisee" and Action.Status.DONE.label == "Réalisée"
    assert Action.Weather.UNKNOWN == "" and repr(Action.Weather.SECURED) == "Action.Weather.SECURED"


def with_action_status(value):
    return SAMPLE_FILE.replace("status: en_cours", f"status: {value}")


@pytest.mark.parametrize("value", vocabulary.ACTION_STATUS.values)
def test_the_reader_accepts_every_action_status_of_the_model(value):
    spec, errors = parse(with_action_status(value))
    assert errors == [] and spec.actions[0].status == value


@pytest.mark.parametrize("value", [value for value, _label in Action.Weather.choices if value])
def test_the_reader_accepts_every_judged_weather_of_the_model(value):
    spec, errors = parse(SAMPLE_FILE.replace("weather: atteignable", f"weather: {value}"))
    assert errors == [] and spec.actions[0].weather == value


def test_the_reader_lists_the_model_values_when_it_refuses_one():
    [error] = parse(with_action_status("en_retard"))[1]
    values = ", ".join(value for value, _label in Action.Status.choices)
    assert error.message.endswith(f"(valeurs : {values}).")


def test_bilan_counts_cover_every_status_and_weather_of_the_model():
    counted = bilan_data.counts([{"status": "a_lancer", "weather": "", "late": False}])
    assert list(counted["status"]) == [value for value, _label in Action.Status.choices]
    assert set(counted["weather"]) == {value for value, _label in Action.Weather.choices}
    assert counted["weather"][""] == 1 and list(counted["weather"])[-1] == ""  # not judged: last
