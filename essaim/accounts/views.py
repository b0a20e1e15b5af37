from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from essaim.core.registries import account_links


@login_required
@require_safe
def profile(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("organisation").order_by("organisation__name")  # type: ignore[union-attr]
    return render(request, "accounts/profile.html", {"memberships": memberships, "links": account_links.ordered()})
