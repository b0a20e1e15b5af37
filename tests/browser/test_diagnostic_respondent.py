"""A respondent of a self-diagnostic in the browser, with the keyboard only (Tab, Space, arrows,
Enter; no mouse): opens their personal link, starts, answers a theme (a level, their practices,
"À revoir", an indicator with a decimal comma), reads an item's help, saves and goes on.
axe-core checks every page, at desk width and on a 390 px phone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from essaim.diagnostics.models import Answer
from tests.browser.conftest import DESK, PHONE, assert_accessible
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED = """() => {
    const element = document.activeElement;
    const label = element.labels && element.labels.length ? element.labels[0].textContent : element.textContent;
    const legend = element.closest("fieldset")?.querySelector("legend")?.textContent || "";
    return `${legend.trim()} | ${label.replace(/\\s+/g, " ").trim()}`;
}"""


def tab_to(page, expected: str, limit: int = 80) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focus is on `expected` ("legend | label", or a part of it)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if expected in focused:
            return
        seen.append(focused)
    raise AssertionError(f"« {expected} » jamais atteint au clavier : {seen}")


@pytest.mark.parametrize("screen", [DESK, PHONE], ids=["desk", "phone"])
def test_a_respondent_answers_a_theme_with_the_keyboard_only(page, screen):
    page.set_viewport_size(screen)
    bank = make_bank()
    bank.items["gouvernance-q1"].about = "Qui décide, et comment les personnes concernées y prennent part."
    bank.items["gouvernance-q1"].save()
    campaign = make_campaign(bank)
    respondent = campaign.respondents.get()
    question = bank.items["gouvernance-q1"].text
    indicator = bank.items["gouvernance-indicateur"].text

    page.goto(respondent.get_absolute_url())
    expect(page.get_by_text("0 réponse sur 3").first).to_be_visible()
    assert_accessible(page)
    tab_to(page, "| Commencer")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Gouvernance démocratique", level=1).wait_for()
    assert_accessible(page)

    # The item's help opens from the keyboard.
    tab_to(page, f"{question} | En savoir plus")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Qui décide, et comment")).to_be_visible()
    # Into the levels: the first is focused, Space chooses it, the arrows move the choice.
    tab_to(page, f"{question} | Pas encore abordé")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, f"{question} | Vos pratiques actuelles (facultatif)")
    page.keyboard.type("Une assemblée générale par an, ouverte aux salariés.")
    tab_to(page, f"{question} | À revoir")
    page.keyboard.press("Space")
    tab_to(page, f"{indicator} | Valeur (en %)")
    page.keyboard.type("12,5")
    tab_to(page, "| Enregistrer et continuer")
    assert_accessible(page)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Environnement", level=1).wait_for()
    expect(page.get_by_text("Vos réponses au thème « Gouvernance démocratique » sont enregistrées.")).to_be_visible()
    assert_accessible(page)

    answers = {answer.item.code: answer for answer in Answer.objects.filter(respondent=respondent)}
    assert set(answers) == {"gouvernance-q1", "gouvernance-indicateur"}
    first = answers["gouvernance-q1"]
    assert (first.level, first.to_review) == ("engage", True)
    assert first.practices == "Une assemblée générale par an, ouverte aux salariés."
    assert answers["gouvernance-indicateur"].value == Decimal("12.5")

    # Back on the welcome page, the progress shows and the answers come back prefilled.
    page.goto(respondent.get_absolute_url())
    expect(page.get_by_text("2 réponses sur 3")).to_be_visible()
    assert_accessible(page)
    tab_to(page, "| Reprendre où vous vous êtes arrêté·e")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Gouvernance démocratique", level=1).wait_for()
    group = page.get_by_role("group", name=question)
    assert group.get_by_label("Engagé").is_checked() and group.get_by_label("À revoir").is_checked()


def test_an_answer_is_saved_as_soon_as_it_is_chosen_without_any_button(page):
    bank = make_bank()
    campaign = make_campaign(bank)
    respondent = campaign.respondents.get()
    question = bank.items["gouvernance-q2"].text
    page.goto(respondent.get_absolute_url().rstrip("/") + "/gouvernance/")
    group = page.get_by_role("group", name=question)
    group.get_by_label("Formalisé").check()
    expect(group.get_by_role("status")).to_contain_text("Réponse enregistrée à")
    indicator = page.get_by_role("group", name=bank.items["gouvernance-indicateur"].text)
    indicator.get_by_label("Valeur (en %)").fill("douze")
    indicator.get_by_label("Valeur (en %)").press("Tab")  # a text is saved when the field is left
    expect(indicator.get_by_role("status")).to_contain_text("n'est pas un nombre")
    assert_accessible(page)

    page.goto(respondent.get_absolute_url())  # left without saving the page
    saved = Answer.objects.get(respondent=respondent)
    assert (saved.item.code, saved.level) == ("gouvernance-q2", "formalise")
    expect(page.get_by_text("1 réponse sur 3")).to_be_visible()
