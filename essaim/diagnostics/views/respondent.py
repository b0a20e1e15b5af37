"""A respondent's pages (no account: their personal link is their key): the welcome page with
their progress theme by theme, and one page per theme where they answer, save as they go and
come back later. A respondent sees their own answers only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.text import parse_id
from essaim.diagnostics.forms.respondent import ItemAnswerForm
from essaim.diagnostics.models import Answer, Campaign, Item, Respondent, Theme
from essaim.diagnostics.results import MIN_ROLE
from essaim.diagnostics.services import DiagnosticRefused, answer_save
from essaim.diagnostics.views.common import respondent_from_token

NOT_ASKED = "Cette question ne fait pas partie de la campagne (autre version du référentiel)."
# Each item's hidden field on the theme's page: the items the form carries.
ITEM = "item"
STAY = "rester"
# Sent with the page's values by the script that saves an item as soon as it is answered.
AUTOSAVE = "enregistrer_item"


@dataclass(frozen=True)
class ThemeProgress:
    """Where a respondent stands on one theme: items asked, items answered, the first left."""

    theme: Theme
    asked: int
    answered: int
    next_item: Item | None

    @property
    def done(self) -> bool:
        return self.answered >= self.asked

    @property
    def started(self) -> bool:
        return self.answered > 0


def _answered(respondent: Respondent) -> set[int]:
    """The items this respondent answered: a level chosen, or a figure given."""
    return set(respondent.answers.filter(~Q(level="") | Q(value__isnull=False)).values_list("item_id", flat=True))


def _progress(respondent: Respondent) -> list[ThemeProgress]:
    """The campaign's themes that ask something, in order, with this respondent's progress."""
    answered = _answered(respondent)
    by_theme: dict[int, list[Item]] = {}
    for item in respondent.campaign.items():
        by_theme.setdefault(item.domain.theme_id, []).append(item)
    progress = []
    for theme in respondent.campaign.themes.order_by("order", "pk"):
        items = by_theme.get(theme.pk, [])
        if not items:
            continue
        left = [item for item in items if item.pk not in answered]
        progress.append(
            ThemeProgress(
                theme=theme, asked=len(items), answered=len(items) - len(left), next_item=next(iter(left), None)
            )
        )
    return progress


def _theme_url(respondent: Respondent, theme: Theme, item: Item | None = None) -> str:
    url = reverse("diagnostics:answer_theme", args=[respondent.token, theme.code])
    return f"{url}#item-{item.pk}" if item is not None else url


@require_safe
def answer(request: HttpRequest, token: str) -> HttpResponse:
    respondent = respondent_from_token(token)
    progress = _progress(respondent)
    resume = next((line for line in progress if not line.done), None)
    return render(
        request,
        "diagnostics/respondent/welcome.html",
        {
            "respondent": respondent,
            "campaign": respondent.campaign,
            "is_open": respondent.campaign.status == Campaign.Status.OPEN,
            "progress": progress,
            "resume": resume,
            "resume_url": _theme_url(respondent, resume.theme, resume.next_item) if resume else "",
            "min_role": MIN_ROLE,
            "started": any(line.started for line in progress),
        },
    )


@dataclass
class ThemePage:
    respondent: Respondent
    theme: Theme
    items: list[Item]

    def forms(self, data: QueryDict | None = None, extra: list[Item] | None = None) -> list[ItemAnswerForm]:
        """One form per item: the saved answers (the respondent's own only) or what was posted."""
        items = self.items + (extra or [])
        if data is not None:
            return [ItemAnswerForm(data, item=item) for item in items]
        saved = {answer.item_id: answer for answer in Answer.objects.filter(respondent=self.respondent, item__in=items)}
        return [ItemAnswerForm(item=item, initial=ItemAnswerForm.initial_from(saved.get(item.pk))) for item in items]

    def render(
        self, request: HttpRequest, forms: list[ItemAnswerForm], *, error: str = "", status: int = 200
    ) -> HttpResponse:
        page_forms = {form.item.pk: form for form in forms}
        domains: list[dict[str, Any]] = []
        for item in self.items:
            if not domains or domains[-1]["domain"].pk != item.domain_id:
                domains.append({"domain": item.domain, "forms": []})
            domains[-1]["forms"].append(page_forms[item.pk])
        progress = _progress(self.respondent)
        position = next((index for index, line in enumerate(progress) if line.theme.pk == self.theme.pk), None)
        campaign = self.respondent.campaign
        return render(
            request,
            "diagnostics/respondent/theme.html",
            {
                "respondent": self.respondent,
                "campaign": campaign,
                "is_open": campaign.status == Campaign.Status.OPEN,
                "theme": self.theme,
                "welcome_label": f"Autodiagnostic {campaign.year}",
                "domains": domains,
                "errors": any(form.errors for form in forms),
                "error": error,
                "position": position + 1 if position is not None else None,
                "themes": len(progress),
                "item_field": ITEM,
                "stay": STAY,
                "autosave": AUTOSAVE,
            },
            status=status,
        )

    def next_url(self) -> str:
        """The next theme of the campaign that asks something, or the welcome page after the last."""
        themes = [line.theme for line in _progress(self.respondent)]
        codes = [theme.pk for theme in themes]
        following = themes[codes.index(self.theme.pk) + 1 :] if self.theme.pk in codes else []
        return _theme_url(self.respondent, following[0]) if following else self.respondent.get_absolute_url()


def _posted_items(data: QueryDict, page: ThemePage) -> list[Item] | None:
    """The items the form carries, in order: this page's, and any other item that really exists
    (the service refuses it if the campaign does not ask it). None for an id no item has."""
    on_page = {item.pk: item for item in page.items}
    ids = []
    for text in data.getlist(ITEM):
        pk = parse_id(text)
        if pk is None:
            return None
        ids.append(pk)
    ids = list(dict.fromkeys(ids))
    others = [pk for pk in ids if pk not in on_page]
    found = Item.objects.select_related("domain").in_bulk(others) if others else {}
    if len(found) != len(others):
        return None
    return [on_page.get(pk) or found[pk] for pk in ids]


@require_http_methods(["GET", "HEAD", "POST"])
def theme(request: HttpRequest, token: str, theme: str) -> HttpResponse:
    respondent = respondent_from_token(token)
    campaign = respondent.campaign
    current = campaign.themes.filter(code=theme).first()
    if current is None:
        raise Http404("Ce thème ne fait pas partie de la campagne.")
    page = ThemePage(respondent=respondent, theme=current, items=list(campaign.items().filter(domain__theme=current)))
    if request.method != "POST":
        return page.render(request, page.forms())

    if AUTOSAVE in request.POST:
        return _autosave(request, page, request.POST[AUTOSAVE])
    posted = _posted_items(request.POST, page)
    if posted is None:
        return page.render(request, page.forms(request.POST), error=NOT_ASKED, status=400)
    extra = [item for item in posted if item not in page.items]
    forms = page.forms(request.POST, extra=extra)
    chosen = {item.pk for item in posted}
    to_save = [form for form in forms if form.item.pk in chosen]
    if not all([form.is_valid() for form in to_save]):  # every form checked, every error shown
        return page.render(request, forms, status=400)
    saved = set(Answer.objects.filter(respondent=respondent, item__in=posted).values_list("item_id", flat=True))
    try:
        # One page, one save: a refused item (the campaign closed meanwhile, an item of another
        # version) keeps the page's other answers from being half saved.
        with transaction.atomic():
            written = [
                answer_save(respondent=respondent, item=form.item, **form.answer())
                for form in to_save
                if not (form.is_blank() and form.item.pk not in saved)
            ]
    except DiagnosticRefused as refused:
        return page.render(request, forms, error=str(refused), status=409)
    if written:
        messages.success(request, f"Vos réponses au thème « {current.title} » sont enregistrées.")
    if STAY in request.POST:
        return redirect(_theme_url(respondent, current))
    return redirect(page.next_url())


def _autosave(request: HttpRequest, page: ThemePage, item_id: str) -> HttpResponse:
    """Save the one item just answered, from the page's values, and say so in the item's status
    line (a fragment the script puts in place): the page's buttons save the same way without it."""
    pk = parse_id(item_id)
    item = next((item for item in page.items if item.pk == pk), None)

    def status(text: str, code: int = 200) -> HttpResponse:
        return render(request, "diagnostics/respondent/_autosaved.html", {"text": text, "ok": code == 200}, status=code)

    if item is None:
        return status(NOT_ASKED, 400)
    form = ItemAnswerForm(request.POST, item=item)
    if not form.is_valid():
        errors = [str(message) for messages_ in form.errors.values() for message in messages_]
        return status("Pas encore enregistrée : " + " ".join(errors), 400)
    if form.is_blank() and not Answer.objects.filter(respondent=page.respondent, item=item).exists():
        return status("")  # nothing said yet: nothing to keep
    try:
        answer_save(respondent=page.respondent, item=item, **form.answer())
    except DiagnosticRefused as refused:
        return status(f"Pas enregistrée : {refused}", 409)
    return status(f"Réponse enregistrée à {timezone.localtime():%H:%M}.")
