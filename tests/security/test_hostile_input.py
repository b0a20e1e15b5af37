"""No route of any module answers 5xx, whatever a visitor or a member sends.

Every URL pattern of the project (walked from the root resolver, so a new module's routes are in
the day they exist) is requested anonymously and under each role, with its parameters filled from
real objects and from hostile values, its query string and its forms (read from the pages, posted
back) filled with hostile values. The product of routes, roles and values would take minutes:
each route meets every role, and the hostile values are spread over roles and parameters so that
each class of value reaches each route and each form field is hit at least once.
"""

from __future__ import annotations

import itertools
import traceback
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signals import got_request_exception
from django.db import DatabaseError, transaction
from django.template import Template
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from essaim.accounts.models import User
from essaim.catalog.models import Alert, Offer
from essaim.organisations.models import Membership
from essaim.strategy.models import (
    ActionDocument,
    Campaign,
    Decision,
    IndicatorValue,
    Meeting,
    Milestone,
    ProgressReport,
)
from essaim.strategy.services import bilan_take
from tests.accounts.factories import UserFactory
from tests.catalog.factories import make_offer
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish
from tests.security.hostile import (
    BAD_DATES,
    BAD_NUMBERS,
    HOSTILE,
    LONG,
    Form,
    FormReader,
    Route,
    body,
    encoded,
    query_names,
    routes as all_routes,
)
from tests.strategy.factories import strategy_world

# A path parameter is a piece of text: no need for every date or number there.
IN_PATHS: list[bytes | str] = ["' OR '1'='1' --", LONG, "\x00", b"\xc3\x28", "🐝🌻 ünïcødé", "99999999999999999999999"]
ROLES = ["anonyme", "équipe CRESS", "opérateur", "copilote", "référent", "lecteur"]


@dataclass
class Demo:
    users: dict[str, User | None]
    real: dict[str, str]  # parameter name → a real value, by route name first ("name.param")


def demo(region: object) -> Demo:
    """Demo-like data: a published offer with its operator's member, a strategy with its co-pilot,
    lead and reader, a campaign and its report, a meeting and a decision, a bilan, an alert."""
    world = strategy_world(region)
    staff = UserFactory(platform_admin=True, is_superuser=True)
    operator_member = UserFactory()
    offer = make_offer("Prêt d'honneur solidaire", types=["pret"], url="https://example.org/pret")
    draft = make_offer(
        "Garantie en préparation", types=["garantie"], operator=offer.operator, status=Offer.Status.DRAFT
    )
    Membership.objects.create(organisation=offer.operator, user=operator_member, role=Membership.Role.ADMIN)
    campaign = Campaign.objects.create(
        strategy=world.strategy,
        title="Bilan 2026",
        period_label="2026",
        opens_on=date(2026, 10, 1),
        due_on=date(2026, 11, 30),
    )
    report = ProgressReport.objects.create(action=world.action, campaign=campaign)
    meeting = Meeting.objects.create(
        body=world.group, held_on=date(2026, 3, 10), title="COTECH de mars", is_public=True
    )
    decision = Decision.objects.create(meeting=meeting, text="Lancer l'étude.", due_on=date(2026, 6, 30))
    milestone = Milestone.objects.create(action=world.action, title="Premier comité", due_on=date(2026, 3, 1))
    ActionDocument.objects.create(action=world.action, title="Compte rendu", is_public=True)
    value = IndicatorValue.objects.create(
        indicator=world.indicator, measured_on=date(2025, 12, 31), value=12, source="CRESS", vintage="2025"
    )
    bilan = bilan_take(strategy=world.strategy, title="Bilan 2025", as_of=date(2025, 12, 31), introduction="", by=None)
    bilan_take(strategy=world.strategy, title="Bilan 2026", as_of=date(2026, 6, 30), introduction="", by=None)
    alert = Alert.objects.create(email="abonne@example.org", query="q=pr%C3%AAt", label="prêt")
    code = world.strategy.code
    # An ESSpresso open for registration: Alice's personal space, a request she received and one she
    # sent; another participant's link cancels (so that Alice's pages keep their forms).
    load_esspresso_taxonomies()
    espresso = make_event("ESSpresso de test")
    alice, bob, carla, leaving = (make_participant(espresso, name) for name in ("Alice", "Bob", "Carla", "Dora"))
    received, sent = make_wish(bob, alice, status="pending"), make_wish(alice, carla, status="pending")
    real = {
        "slug": offer.slug,
        "catalog:operator.slug": offer.operator.slug,
        "organisations:detail.slug": offer.operator.slug,
        "kind": "candidater",
        "catalog:offer_go.kind": "info",
        "fmt": "csv",
        "catalog:export.fmt": "json",
        "strategy:bilan_file.fmt": "pdf",
        "token": alert.token,
        "code": code,
        "action": world.action.code,
        "indicator": world.indicator.code,
        "transition": "ouvrir",
        "pk": str(draft.pk),
        "strategy:report.pk": str(report.pk),
        "strategy:report_review.pk": str(report.pk),
        "strategy:campaign_transition.pk": str(campaign.pk),
        "strategy:bilan_publication.pk": str(bilan.pk),
        "strategy:bilan.pk": str(bilan.pk),
        "strategy:bilan_file.pk": str(bilan.pk),
        "strategy:decision_update.pk": str(decision.pk),
        "strategy:decision_create.pk": str(meeting.pk),
        "strategy:milestone_done.pk": str(milestone.pk),
        "strategy:value_review.pk": str(value.pk),
        "api:offer.pk": str(offer.pk),
        "uidb64": urlsafe_base64_encode(force_bytes(world.lead.pk)),
        "content_type_id": str(ContentType.objects.get_for_model(Offer).pk),
        "object_id": str(offer.pk),
        "app_label": "catalog",
        **{f"esspresso:{name}.slug": espresso.slug for name in ("event", "register", "link_request")},
        **{
            f"esspresso:{name}.token": alice.token
            for name in ("space", "profile", "directory", "participant", "wishes", "wish_answer", "wish_withdraw")
            + ("agenda", "agenda_ics", "agenda_pdf", "feedback")
        },
        "esspresso:cancel.token": leaving.token,
        "esspresso:participant.pk": str(bob.pk),
        "esspresso:wish_answer.pk": str(received.pk),
        "esspresso:wish_withdraw.pk": str(sent.pk),
    }
    # The admin's pages of an object: the first object of that model.
    for content_type in ContentType.objects.all():
        model = content_type.model_class()
        first = model._default_manager.order_by("pk").first() if model else None
        if first is not None:
            real[f"admin:{content_type.app_label}_{content_type.model}_change.object_id"] = str(first.pk)
            for view in ("history", "delete", "change"):
                real[f"admin:{content_type.app_label}_{content_type.model}_{view}.object_id"] = str(first.pk)
    users: dict[str, User | None] = {
        "anonyme": None,
        "équipe CRESS": staff,
        "opérateur": operator_member,
        "copilote": world.copilot,
        "référent": world.lead,
        "lecteur": world.reader,
    }
    return Demo(users=users, real=real)


class Sweep:
    """Sends the requests, each in a savepoint (a failed one leaves the next a clean transaction),
    and keeps every 5xx with the exception behind it."""

    def __init__(self, demo: Demo) -> None:
        self.demo = demo
        self.clients: dict[str, Client] = {}
        for role, user in demo.users.items():
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            self.clients[role] = client
        self.requests = 0
        self.failures: list[str] = []
        self._exception: BaseException | None = None
        got_request_exception.connect(self._keep_exception)

    def close(self) -> None:
        got_request_exception.disconnect(self._keep_exception)

    def _keep_exception(self, sender: object, request: object = None, **kwargs: object) -> None:
        import sys

        self._exception = sys.exc_info()[1]

    def send(self, role: str, method: str, path: str, query: str = "", data: str | None = None) -> object:
        client = self.clients[role]
        url = f"{path}?{query}" if query else path
        self.requests += 1
        self._exception = None
        response = None
        try:
            with transaction.atomic():
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(url, data or "", content_type="application/x-www-form-urlencoded")
                if response.status_code >= 500:
                    raise _Failed
        except _Failed:
            pass
        except DatabaseError as error:  # a view that swallowed a database error
            self._exception = error
        status = response.status_code if response is not None else "erreur de base"
        if response is None or response.status_code >= 500:
            where = "".join(traceback.format_tb(self._exception.__traceback__)[-2:]) if self._exception else ""
            self.failures.append(f"{role} {method} {url[:200]} → {status}: {repr(self._exception)[:300]}\n{where}")
        if method == "POST" and self.demo.users[role] is not None and _logged_out(response):
            client.force_login(self.demo.users[role])  # the logout form was among the forms posted
        return response


class _Failed(Exception):
    """Rolls the request's savepoint back."""


def _logged_out(response: object) -> bool:
    cookie = getattr(response, "cookies", {}).get(settings.SESSION_COOKIE_NAME)
    return cookie is not None and not cookie.value


def _real_values(route: Route, demo: Demo) -> dict[str, str]:
    values = {}
    for converter, name in route.params:
        default = "1" if converter in {"id", "int"} else "x"
        values[f"<{converter}:{name}>"] = demo.real.get(f"{route.name}.{name}", demo.real.get(name, default))
    return values


def _hostile_query(names: list[str], value: bytes | str, other: bytes | str) -> str:
    """Every parameter the project reads, set to the value, and then repeated with another."""
    short = [name for name in names]
    first = "&".join(f"{name}={encoded(value)}" for name in short[:8] if value == LONG)
    rest = "&".join(f"{name}={encoded(value if value != LONG else '1')}&{name}={encoded(other)}" for name in short)
    return "&".join(part for part in (first, rest) if part)


def _hostile_form(form: Form, value: bytes | str, turn: int) -> str:
    """The form as a user would send it, with one field (chosen by `turn`) and, for the long
    value, every text field, replaced by a hostile value suited to its kind."""
    fields: dict[str, list[bytes | str]] = {name: list(values) for name, values in form.fields.items()}
    names = sorted(form.kinds) or sorted(fields)
    if not names:
        return body(fields)
    target = names[turn % len(names)]
    kind = form.kinds.get(target, "text")
    if kind == "date":
        value = BAD_DATES[turn % len(BAD_DATES)]
    elif kind == "number":
        value = BAD_NUMBERS[turn % len(BAD_NUMBERS)]
    fields[target] = [value]
    if value == LONG:
        for name in names:
            if form.kinds.get(name) == "text":
                fields[name] = [LONG]
    return body(fields)


def _render_as_in_production(template: Template, context: object) -> str:
    return template.nodelist.render(context)  # Django's own Template._render


def test_no_route_answers_a_server_error_to_hostile_input(region, roles, taxonomies, settings, capsys, monkeypatch):
    settings.DEBUG = False
    # Pages rendered as in production: the test framework's recording of each template's context
    # would double the time, and no assertion here reads it.
    monkeypatch.setattr(Template, "_render", _render_as_in_production)
    data = demo(region)
    routes = all_routes()
    names = query_names()
    sweep = Sweep(data)
    forms: dict[tuple[str, str, tuple[str, ...]], Form] = {}
    hostile = itertools.cycle(HOSTILE)
    # The admin's pages are Django's: fewer hostile values there, every page still visited.
    own, admin = (
        [r for r in routes if not r.name.startswith("admin:")],
        [r for r in routes if r.name.startswith("admin:")],
    )
    # Deleting pages last: what they delete, the other pages still find.
    admin.sort(key=lambda r: r.name.endswith("_delete"))
    try:
        for index, route in enumerate([*own, *admin]):
            is_admin = route.name.startswith("admin:")
            real = _real_values(route, data)
            path = route.path(real)
            for role in ROLES:
                # The admin turns away every role but the CRESS's, at its door (Django's own check).
                if is_admin and role != "équipe CRESS" and not (role == "anonyme" and route.name == "admin:index"):
                    continue
                response = sweep.send(role, "GET", path)
                if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                    reader = FormReader(path)
                    reader.feed(response.content.decode())
                    for form in reader.forms:
                        forms.setdefault((role, form.action, tuple(sorted(form.fields))), form)
                if is_admin and (role != "équipe CRESS" or not route.name.endswith(("_changelist", "_add"))):
                    continue  # the admin reads its query string on its lists and its "add" pages
                # Every known name in the query, and in a body (forms are fuzzed below): anonymously,
                # as the CRESS, and as one other role in turn.
                if role not in {"anonyme", "équipe CRESS", ROLES[2 + index % (len(ROLES) - 2)]}:
                    continue
                value = next(hostile)
                sweep.send(role, "GET", path, query=_hostile_query(names, value, next(hostile)))
                if not is_admin and role != "équipe CRESS":
                    sweep.send(role, "POST", path, data=_hostile_query(names, value, next(hostile)))
            # Each parameter of the route in turn, each hostile value once, roles taking turns.
            # The admin finds an object the same way on all its pages of an object: its "change" pages.
            values = IN_PATHS if not is_admin else [next(hostile)] if route.name.endswith("_change") else []
            for turn, (param, value) in enumerate(itertools.product(route.params, values)):
                role = ROLES[(index + turn) % len(ROLES)] if not is_admin else "équipe CRESS"
                path = route.path({**real, f"<{param[0]}:{param[1]}>": encoded(value)})
                sweep.send(role, "GET", path)
        # The forms read from the pages, posted back: as they are, then with hostile values. The
        # admin's forms are Django's: one hostile value each, and its deletions are left alone.
        for turn, ((role, action, _), form) in enumerate(sorted(forms.items())):
            if action.startswith("/admin/"):
                if not action.endswith("/delete/"):
                    sweep.send(role, "POST", action, data=_hostile_form(form, next(hostile), turn))
                continue
            # The account deletion form, whose password field gets the demo password as its
            # plausible value, would delete the role's account for the rest of the sweep; its
            # refusals are tested in tests/core/test_personal_data.py.
            if action == reverse("accounts:account_delete"):
                continue
            sweep.send(role, "POST", action, data=body(form.fields))
            for value in (next(hostile), next(hostile), next(hostile)):
                turn += 1
                sweep.send(role, "POST", action, data=_hostile_form(form, value, turn))
    finally:
        sweep.close()
    with capsys.disabled():
        print(f"\nHostile input: {len(routes)} routes, {len(forms)} forms, {sweep.requests} requests.")
    assert not sweep.failures, f"{len(sweep.failures)} server errors:\n" + "\n".join(sweep.failures)
