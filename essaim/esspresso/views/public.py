"""Public pages: the list of events, an event's page, the registration (no account needed) and the
personal link asked again."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic import FormView

from essaim.core.ratelimit import PublicFormMixin
from essaim.esspresso import perms, services
from essaim.esspresso.forms.participants import LinkRequestForm, RegistrationForm
from essaim.esspresso.models import Event, Participant, ParticipantKind
from essaim.esspresso.views.common import event_phase, today
from essaim.organisations.models import Organisation


def visible_event(request: HttpRequest, slug: str) -> Event:
    """A published event; an unpublished one only for its organisers (a preview)."""
    event = get_object_or_404(Event.objects.select_related("sector", "commune"), slug=slug)
    if not event.is_published and not perms.can_organise(request.user, event):
        raise Http404("Événement introuvable.")
    return event


@require_safe
def events(request: HttpRequest) -> HttpResponse:
    day = today()
    published = Event.objects.published().select_related("sector", "commune")
    coming = [(event, event_phase(event, day)) for event in published.coming(day)]
    past = [(event, event_phase(event, day)) for event in published.past(day)[:30]]
    return render(request, "esspresso/events.html", {"coming": coming, "past": past})


@require_safe
def event(request: HttpRequest, slug: str) -> HttpResponse:
    event = visible_event(request, slug)
    day = today()
    counts = dict(
        Participant.objects.confirmed()
        .filter(event=event)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    by_kind = [(label, counts.get(value, 0)) for value, label in ParticipantKind.choices if counts.get(value)]
    return render(
        request,
        "esspresso/event.html",
        {
            "event": event,
            "phase": event_phase(event, day),
            "registration_open": event.registration_open(day),
            "requests_open": event.requests_open(day),
            "sessions": event.sessions.prefetch_related("slots"),
            "by_kind": by_kind,
            "total": sum(counts.values()),
            "allowed_pairs": _allowed_pairs(event),
        },
    )


def _allowed_pairs(event: Event) -> list[str]:
    """The organiser's rules of who meets whom, in French ("Entreprise de l'ESS ↔ Collectivité")."""
    labels = dict(ParticipantKind.choices)
    pairs = []
    for pair in event.allowed_pairs or []:
        a, _, b = str(pair).partition(":")
        if a in labels and b in labels:
            pairs.append(f"{labels[a]} ↔ {labels[b]}")
    return pairs


class RegisterView(PublicFormMixin, FormView):  # type: ignore[type-arg]
    """Registration without an account. After the deadline the page says so; a form posted late
    comes back with the reason and everything typed (status 400)."""

    form_class = RegistrationForm
    template_name = "esspresso/register.html"
    rate_limit_scope = "esspresso_register"
    rate_limit_address_field = "email"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.event = visible_event(request, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]

    def user_organisations(self) -> Any:
        user = self.request.user
        if not user.is_authenticated:
            return None
        return Organisation.objects.filter(members=user).order_by("name")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.event
        kwargs["organisations"] = self.user_organisations()
        user = self.request.user
        if user.is_authenticated and self.request.method != "POST":
            first, _, last = (user.full_name or "").partition(" ")
            kwargs["initial"] = {
                **kwargs.get("initial", {}),
                "first_name": first,
                "last_name": last,
                "email": user.email,
            }
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        day = today()
        context.update(event=self.event, is_open=self.event.registration_open(day), phase=event_phase(self.event, day))
        return context

    def form_accepted(self, form: RegistrationForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            with transaction.atomic():
                organisation = data.get("organisation") or services.registration_organisation(
                    name=data["organisation_name"].strip(), siret=data["siret"], commune=data.get("commune")
                )
                participant = services.participant_register(
                    event=self.event,
                    organisation=organisation,
                    fields={**form.profile_fields(), "email": data["email"]},
                    offers=data["offers"],
                    seeks=data["seeks"],
                    sectors=data["sectors"],
                    sessions=data["sessions"],
                    today=today(),
                    user=self.request.user,
                )
        except services.RegistrationRefused as refusal:
            form.add_error(None, str(refusal))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        return self._done(data["email"], participant)

    def form_ignored(self, form: RegistrationForm) -> HttpResponse:
        return self._done(form.cleaned_data["email"], None)

    def _done(self, email: str, participant: Participant | None) -> HttpResponse:
        user = self.request.user
        # The link is in the e-mail; the page shows it only to the account it belongs to.
        own = participant is not None and user.is_authenticated and participant.user_id == user.pk
        return render(
            self.request,
            "esspresso/registered.html",
            {"event": self.event, "email": email, "participant": participant if own else None},
        )


register = RegisterView.as_view()


class LinkRequestView(PublicFormMixin, FormView):  # type: ignore[type-arg]
    """The personal link sent again; the answer is the same whether the address is registered or
    not, so that the page tells no one who takes part."""

    form_class = LinkRequestForm
    template_name = "esspresso/link_request.html"
    rate_limit_scope = "esspresso_link"
    rate_limit_address_field = "email"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.event = visible_event(request, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "event": self.event}

    def form_accepted(self, form: LinkRequestForm) -> HttpResponse:
        participant = Participant.objects.filter(event=self.event, email__iexact=form.cleaned_data["email"]).first()
        if participant is not None:
            services.participant_link_send(participant=participant)
        return self.form_ignored(form)

    def form_ignored(self, form: LinkRequestForm) -> HttpResponse:
        return render(
            self.request, "esspresso/link_sent.html", {"event": self.event, "email": form.cleaned_data["email"]}
        )


link_request = LinkRequestView.as_view()
