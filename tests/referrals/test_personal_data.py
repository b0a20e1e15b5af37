"""A requester's data: exported with the platform's other data, and on erasure their open request
is withdrawn (the team told) and every request anonymised, its need and outcome kept."""

from __future__ import annotations

import pytest
from django.core import mail

from essaim.core.personal_data import personal_data_erase, personal_data_export
from essaim.referrals.models import Referral
from essaim.referrals.services import referral_take
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db


def test_a_requester_exports_their_requests(setting):
    make_team()
    make_referral(commune=setting.nantes, email="zoe@example.org", description="Une ressourcerie à Nantes.")

    exported = personal_data_export(email="zoe@example.org")

    [row] = exported["données"]["Demandes d'accompagnement"]["demandes d'accompagnement"]
    assert row["description"] == "Une ressourcerie à Nantes." and row["besoin"] == "Financer le démarrage"


def test_erasure_withdraws_the_open_request_and_anonymises_it(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes, email="zoe@example.org", phone="06 00 00 00 00").referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    mail.outbox.clear()

    personal_data_erase(email="zoe@example.org")

    referral.refresh_from_db()
    assert referral.status == Referral.Status.WITHDRAWN
    assert referral.anonymised_at and referral.email == "" and referral.phone == "" and referral.description == ""
    assert referral.need == "financer_demarrage"
    assert [message.to for message in mail.outbox] == [[team.advisers.get().email]]
    assert "Demandes d'accompagnement" not in personal_data_export(email="zoe@example.org")["données"]
