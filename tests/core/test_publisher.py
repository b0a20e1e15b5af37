"""The publisher's identity (name, address, contact, public address) comes from the settings on
every page and in every e-mail: the public never reads a placeholder or a developer's address."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLISHER = {
    "SITE_URL": "https://essaim.cress-pdl.test",
    "PUBLISHER_NAME": "CRESS Pays de la Loire",
    "PUBLISHER_ADDRESS": "8 rue Saint-Domingue, 44200 Nantes",
    "PUBLICATION_DIRECTOR": "Claude Martin",
    "HOSTING_PROVIDER": "Hébergeur Coopératif, 1 rue du Serveur, 44000 Nantes",
    "CONTACT_EMAIL": "contact@cress-pdl.test",
}


@override_settings(**PUBLISHER)
def test_footer_and_legal_pages_name_the_publisher_from_the_settings(client):
    footer = client.get(reverse("core:home")).content.decode()
    assert "publié par CRESS Pays de la Loire" in footer and "mailto:contact@cress-pdl.test" in footer
    legal = client.get(reverse("core:legal_notice")).content.decode()
    for name in ("PUBLISHER_NAME", "PUBLISHER_ADDRESS", "PUBLICATION_DIRECTOR", "CONTACT_EMAIL"):
        assert PUBLISHER[name] in legal, name
    assert "Hébergeur Coopératif" in legal
    privacy = client.get(reverse("core:privacy")).content.decode()
    assert "CRESS Pays de la Loire" in privacy and "8 rue Saint-Domingue" in privacy


@override_settings(**PUBLISHER)
def test_email_links_lead_to_the_public_address_not_the_server_that_sent_them(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="camille@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "camille@example.org"})
    [message] = mail.outbox
    links = re.findall(r"https?://[^/\s]+", message.body + message.alternatives[0][0])
    assert links and set(links) == {"https://essaim.cress-pdl.test"}
    assert "CRESS Pays de la Loire" in message.body and "contact@cress-pdl.test" in message.body
