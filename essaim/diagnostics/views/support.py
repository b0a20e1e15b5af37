"""Être accompagné from the diagnostic: the pilot asks for support, sharing the chosen themes, and
sees the catalogue's offers for the need and the state of the requests already sent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from essaim.core.registries import suggested_offers
from essaim.diagnostics.forms.support import SupportForm
from essaim.diagnostics.services import DiagnosticRefused, support_request
from essaim.diagnostics.services.support import CONTEXT
from essaim.diagnostics.views.common import piloted_campaign
from essaim.referrals.services import referral_states

DEFAULT_NEED = "mesurer_impact"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def support(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    status = 200
    if request.method == "POST":
        form = SupportForm(request.POST, campaign=campaign)
        if form.is_valid():
            data = form.cleaned_data
            try:
                support_request(
                    campaign=campaign,
                    by=request.user,
                    need=data["need"],
                    themes=data["themes"],
                    consent=data["consent"],
                    phone=data["phone"],
                    message=data["message"],
                )
            except DiagnosticRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request, "Votre demande est transmise aux partenaires : vous recevrez un e-mail de confirmation."
                )
                return redirect("diagnostics:support", pk=campaign.pk)
        status = 400
    else:
        form = SupportForm(campaign=campaign, initial={"need": DEFAULT_NEED, "themes": list(campaign.themes.all())})
    need = form["need"].value() or DEFAULT_NEED
    commune = campaign.organisation.commune
    return render(
        request,
        "diagnostics/support.html",
        {
            "campaign": campaign,
            "form": form,
            "offers": suggested_offers(need=str(need), commune=commune.code if commune else "", limit=5),
            "requests": referral_states(kind=CONTEXT, id=campaign.pk),
        },
        status=status,
    )
