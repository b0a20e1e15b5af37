from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.urls import reverse_lazy
from django.views.decorators.http import require_safe

from essaim.accounts.forms import EmailAuthenticationForm, QueuedPasswordResetForm
from essaim.core.ratelimit import PublicFormMixin
from essaim.core.registries import account_links, landing_url_name


@login_required
@require_safe
def profile(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("organisation").order_by("organisation__name")  # type: ignore[union-attr]
    links = [link for link in account_links.ordered() if link.shown_to(request.user)]
    return render(request, "accounts/profile.html", {"memberships": memberships, "links": links})


class LoginView(auth_views.LoginView):
    """Log in; without a page to return to (`next`), land on the space of one's role."""

    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return resolve_url(landing_url_name(self.request.user) or settings.LOGIN_REDIRECT_URL)


class PasswordResetView(PublicFormMixin, auth_views.PasswordResetView):
    """Ask for a reset link: a public form, limited per visitor and per address like the others
    (the login itself is limited by django-axes)."""

    template_name = "accounts/password_reset_form.html"
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")
    rate_limit_scope = "password_reset"
    rate_limit_address_field = "email"
