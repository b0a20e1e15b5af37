"""Public forms (no account needed): how often one visitor, and one e-mail address, may submit
each of them, and a trap for the robots that fill every field.

A form counts each accepted submission twice: once for the client address (the visitor), once for
the e-mail address it names, if any. Past `RATE_LIMIT_PER_IP` or `RATE_LIMIT_PER_ADDRESS`
submissions of the same form within `RATE_LIMIT_WINDOW_MINUTES`, it answers 429 with the form as
typed and a French message; nothing is sent or written. The counts live in the "ratelimit" cache
(settings.CACHES: the database, or Redis), so every process of the platform shares them. On the
database cache an increment is a read then a write: a burst of simultaneous submissions may
count a little short, never long.

The client address is the one django-axes uses for the login lock-out (`PROXY_COUNT` proxies
trusted), so behind a reverse proxy each real visitor has their own counts.

Use `PublicFormMixin` on the form's `FormView` (and `HoneypotForm` as the form's base).
"""

from __future__ import annotations

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from essaim.core.client_address import client_address

HONEYPOT_FIELD = "website"


def refusal_message() -> str:
    minutes = settings.RATE_LIMIT_WINDOW_MINUTES
    if minutes % 60:
        delay = f"{minutes} minute{'s' if minutes > 1 else ''}"
    else:
        delay = "une heure" if minutes == 60 else f"{minutes // 60} heures"
    return (
        "Trop de demandes ont été envoyées en peu de temps depuis votre connexion ou pour cette adresse. "
        f"Rien n'a été envoyé ; ce que vous avez saisi est conservé ci-dessous : réessayez dans {delay}."
    )


def _visitor_ip(request: HttpRequest) -> str:
    """The visitor's IP address, read as the login lock-out reads it (`core.client_address`)."""
    return client_address(request) or "inconnue"


def _counted(scope: str, kind: str, value: str, limit: int) -> bool:
    """Count one more submission; True when it goes past the limit."""
    cache = caches["ratelimit"]
    # Keyed hash: the cache holds no address, nor anything that gives one back without the
    # platform's secret key (IPv4 addresses are few enough to hash them all); any value makes a
    # valid key.
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:40]
    key = f"{scope}:{kind}:{digest}"
    if cache.add(key, 1):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1)
        count = 1
    return count > limit


def over_limit(request: HttpRequest, scope: str, *, address: str = "") -> bool:
    """Count this submission of the form `scope` for the client address and for the e-mail
    `address` (trimmed, lower-case); True when either is past its limit."""
    by_client = _counted(scope, "ip", _visitor_ip(request), settings.RATE_LIMIT_PER_IP)
    by_address = bool(address.strip()) and _counted(
        scope, "address", address.strip().lower(), settings.RATE_LIMIT_PER_ADDRESS
    )
    return by_client or by_address


class HoneypotForm(forms.Form):
    """A field hidden from people (see `includes/honeypot.html`) that most spam robots fill in."""

    website = forms.CharField(
        required=False, label="Ne pas remplir", widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class PublicFormMixin:
    """For a `FormView` anyone may submit. A valid submission past its limits gets the form back
    with status 429; one from a robot (honeypot filled) gets `form_ignored`, which looks like
    success and does nothing; any other goes on to `form_accepted`.

    `rate_limit_scope` names the form's counts; `rate_limit_address_field`, if set, is the field
    holding the e-mail address also counted."""

    rate_limit_scope: str
    rate_limit_address_field: str = ""
    request: HttpRequest

    def form_invalid(self, form: forms.Form) -> HttpResponse:
        """The form again with its errors: status 400, as for any refused input."""
        response: HttpResponse = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 400
        return response

    def form_valid(self, form: forms.Form) -> HttpResponse:
        address = form.cleaned_data.get(self.rate_limit_address_field, "") if self.rate_limit_address_field else ""
        if over_limit(self.request, self.rate_limit_scope, address=address or ""):
            form.add_error(None, refusal_message())
            response: HttpResponse = self.render_to_response(self.get_context_data(form=form))  # type: ignore[attr-defined]
            response.status_code = 429
            return response
        if isinstance(form, HoneypotForm) and form.is_robot():
            return self.form_ignored(form)
        return self.form_accepted(form)

    def form_accepted(self, form: forms.Form) -> HttpResponse:
        """What the form does (a view overrides this, not `form_valid`): by default, the parent
        view's `form_valid`."""
        return super().form_valid(form)  # type: ignore[misc, no-any-return]

    def form_ignored(self, form: forms.Form) -> HttpResponse:
        """What a robot sees: by default the success page, with nothing done."""
        return HttpResponseRedirect(self.get_success_url())  # type: ignore[attr-defined]
