"""Every choice of a strategy form is one its user may see: a group lead who may not read an
internal action neither sees its title nor attaches a decision to it, and is not shown the
names of people they do not work with."""

import pytest
from django.urls import reverse

from essaim.strategy.models import Action, Decision, Meeting
from tests.accounts.factories import UserFactory


@pytest.fixture
def setting(world):
    """A group lead (not a reader of internals), a meeting of their group, and an internal action
    outside their group led by someone they do not work with."""
    group_lead = UserFactory(full_name="Gaëlle Animatrice")
    world.group.leads.add(group_lead)
    outsider = UserFactory(full_name="Oscar Confidentiel")
    secret = Action.objects.create(
        strategy=world.strategy, node=world.proposition, code="1.1.9", title="Action confidentielle", is_public=False
    )
    secret.leads.add(outsider)
    meeting = Meeting.objects.create(body=world.group, title="Groupe de juin", held_on="2026-06-10")
    return group_lead, secret, outsider, meeting


def _choices(response, meeting, name):
    form = dict(response.context["meetings"])[meeting]
    return {label for _, label in form.fields[name].choices}


def test_a_group_lead_is_offered_only_the_actions_and_people_they_may_see(client, world, setting):
    group_lead, secret, outsider, meeting = setting
    client.force_login(group_lead)
    response = client.get(reverse("strategy:governance", args=["sress-test"]))
    page = response.content.decode()
    assert "Action confidentielle" not in page and "Oscar Confidentiel" not in page
    actions = _choices(response, meeting, "actions")
    assert any("Un parcours d'orientation commun" in label for label in actions)
    assert not any("Action confidentielle" in label for label in actions)
    people = _choices(response, meeting, "owner")
    # Themselves and the lead of an action of their group; not the outsider nor the co-pilot.
    assert {group_lead.get_full_name(), world.lead.get_full_name()} <= people
    assert outsider.get_full_name() not in people and world.copilot.get_full_name() not in people


def test_a_group_lead_cannot_attach_a_decision_to_an_action_they_may_not_see(client, world, setting):
    group_lead, secret, outsider, meeting = setting
    client.force_login(group_lead)
    url = reverse("strategy:decision_create", args=[meeting.pk])
    data = {f"decision-{meeting.pk}-text": "Relancer l'étude", f"decision-{meeting.pk}-actions": [secret.pk]}
    response = client.post(url, data)
    assert response.status_code == 400 and not Decision.objects.exists()
    assert "Action confidentielle" not in response.content.decode()
    response = client.post(
        url, {**data, f"decision-{meeting.pk}-actions": [], f"decision-{meeting.pk}-owner": outsider.pk}
    )
    assert response.status_code == 400 and not Decision.objects.exists()
    assert client.post(url, {**data, f"decision-{meeting.pk}-actions": [world.action.pk]}).status_code == 302
    assert list(Decision.objects.get().actions.all()) == [world.action]


def test_a_copilot_is_offered_every_action_and_every_person_of_the_strategy(client, world, setting):
    group_lead, secret, outsider, meeting = setting
    client.force_login(world.copilot)
    response = client.get(reverse("strategy:governance", args=["sress-test"]))
    assert any("Action confidentielle" in label for label in _choices(response, meeting, "actions"))
    assert {outsider.get_full_name(), world.copilot.get_full_name()} <= _choices(response, meeting, "owner")
