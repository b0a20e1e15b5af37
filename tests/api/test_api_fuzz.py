"""The API fuzzed from its own OpenAPI description (schemathesis): whatever a client sends,
no server error, and every answer is one the description documents (status, content type, body).

Deterministic (a fixed seed, derandomised) and bounded, so that CI is stable and fast; requests go
to the WSGI application in-process, never over the network."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from essaim.api.openapi import openapi_document
from tests.catalog.factories import make_offer
from tests.strategy.factories import strategy_world

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20261129,
        "generation": {"deterministic": True, "max-examples": 40, "database": "none"},
        "phases": {"stateful": {"enabled": False}},
    }
)
schema = schemathesis.openapi.from_dict(openapi_document(), config=CONFIG)
schema.app = get_wsgi_application()

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture
def connection_kept():
    """As Django's test client does: a request's start and end must not close the database
    connection, which holds the test's transaction (and its data) on PostgreSQL."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def published(region, roles, taxonomies):
    """Offers and a public strategy, so that the fuzzer reaches real answers, not only errors."""
    make_offer(
        "Prime de la métropole",
        types=["prime"],
        stages=["creation"],
        needs=["financer_demarrage", "tresorerie"],
        territories=[("epci", "244400404")],
    )
    make_offer("Garantir son prêt", types=["garantie"], needs=["financer_demarrage"], external_id="fa-1")
    strategy_world(region)


@pytest.mark.django_db
@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_api_answers_what_its_description_says_whatever_it_is_sent(case, published, connection_kept):
    case.call_and_validate(headers={"Host": "testserver"}, checks=CHECKS)
