from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from essaim.core.registries import links_for_organisation
from essaim.core.text import fold, is_ascii_digits
from essaim.organisations.forms import DirectoryFilterForm
from essaim.organisations.models import Organisation
from essaim.territories.places import places_related

PAGE_SIZE = 20


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, region_code=settings.ESSAIM_REGION)
    organisations = Organisation.objects.active().select_related("commune__departement").prefetch_related("roles")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            organisations = organisations.matching(data["q"])
        if data["commune"]:
            commune_text = data["commune"].strip()
            if is_ascii_digits(commune_text):
                organisations = organisations.filter(commune__code=commune_text.zfill(5))
            else:
                organisations = organisations.filter(commune__search_name=fold(commune_text.split("(")[0]))
        if data["departement"]:
            organisations = organisations.in_departement(data["departement"].code)
        if data["family"]:
            organisations = organisations.filter(ess_family=data["family"])
        if data["role"]:
            organisations = organisations.with_role(data["role"].slug)
    organisations = organisations.distinct().order_by("search_name", "pk")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/directory.html", {"form": form, "page": page})


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.active().select_related(*places_related("commune")),
        slug=slug,
    )
    links = links_for_organisation(organisation)
    return render(request, "organisations/detail.html", {"organisation": organisation, "links": links})
