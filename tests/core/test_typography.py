"""French typography of the texts the templates show: no-break spaces, "1er", lists, paragraphs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template

from essaim.core.templatetags.essaim import comma_list, fr_date, fr_typo, paragraphs


def test_signs_stay_with_the_word_they_follow():
    assert fr_typo("Attention : trois actions ; pourquoi ? « Oui » !") == (
        "Attention\u00a0: trois actions\u202f; pourquoi\u202f? «\u00a0Oui\u202f»\u202f!"
    )


def test_times_and_addresses_are_left_alone():
    assert fr_typo("à 14:30, https://essaim.example/a?b=1") == "à 14:30, https://essaim.example/a?b=1"


def test_the_first_of_a_month_reads_premier():
    assert fr_date(date(2026, 1, 1)) == "1er janvier 2026"
    assert fr_date(date(2026, 3, 11)) == "11 mars 2026"
    assert fr_date(date(2026, 3, 21)) == "21 mars 2026"
    assert fr_date(None) == ""


def test_a_moment_is_shown_in_local_time_with_premier(settings):
    settings.TIME_ZONE = "Europe/Paris"
    rendered = Template('{% load essaim %}{{ moment|fr_date:"j F Y à H:i" }}').render(
        Context({"moment": datetime(2025, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))})
    )
    assert rendered == "1er janvier 2026 à 00:30"


def test_lists_have_no_space_before_their_commas():
    class Label:
        def __init__(self, label):
            self.label = label

    assert comma_list([Label("Créer"), Label("Développer")], "label") == "Créer, Développer"
    assert comma_list(["France entière"]) == "France entière"
    assert comma_list([]) == ""


def test_descriptions_are_reflowed_into_paragraphs():
    text = "Un prêt d'honneur\nsans intérêt ni garantie.\n\nPour qui :\nles créateurs <ESS>."
    assert paragraphs(text) == (
        "<p>Un prêt d&#x27;honneur sans intérêt ni garantie.</p><p>Pour qui\u00a0: les créateurs &lt;ESS&gt;.</p>"
    )
    assert paragraphs("ligne\r\n\r\nautre") == "<p>ligne</p><p>autre</p>"


def test_french_plural_keeps_zero_and_one_singular():
    from essaim.core.templatetags.essaim import fr_plural

    assert [f"inscription{fr_plural(n)}" for n in (0, 1, 2, 12)] == [
        "inscription",
        "inscription",
        "inscriptions",
        "inscriptions",
    ]
    assert fr_plural(3, "al,aux") == "aux" and fr_plural(1, "al,aux") == "al"
    assert fr_plural(["une"], "nt") == "" and fr_plural(["une", "deux"], "nt") == "nt"
