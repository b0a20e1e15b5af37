"""The summary of an import reads as French, whatever the gender and number of what it counts."""

import pytest

from essaim.core.imports import ImportReport, Noun, RowError

OFFER = Noun("offre", "offres", feminine=True)
INDICATOR = Noun("indicateur", "indicateurs")


def report(noun, *, created=0, updated=0, unchanged=0, dry_run=False, **options):
    result = ImportReport(noun, dry_run=dry_run, **options)
    for outcome, count in (("created", created), ("updated", updated), ("unchanged", unchanged)):
        for _ in range(count):
            result.count(outcome)
    return result


def test_a_feminine_noun_agrees_in_the_singular_and_the_plural():
    summary = report(OFFER, created=1, updated=2).summary()
    assert summary == "1 offre a été créée, 2 offres ont été mises à jour, aucune inchangée."


def test_a_masculine_noun_agrees_in_the_singular_and_the_plural():
    summary = report(INDICATOR, created=2, updated=1, unchanged=3).summary()
    assert summary == "2 indicateurs ont été créés, 1 indicateur a été mis à jour, 3 indicateurs sont inchangés."


def test_a_zero_first_names_the_noun_and_later_zeros_do_not():
    assert report(OFFER, unchanged=1).summary() == "Aucune offre créée, aucune mise à jour, 1 offre est inchangée."
    assert report(INDICATOR).summary() == "Aucun indicateur créé, aucun mis à jour, aucun inchangé."


def test_a_dry_run_speaks_in_the_conditional():
    assert report(OFFER, created=1, updated=2, unchanged=1, dry_run=True).summary() == (
        "1 offre serait créée, 2 offres seraient mises à jour, 1 offre resterait inchangée."
    )
    assert report(INDICATOR, created=2, unchanged=2, dry_run=True).summary() == (
        "2 indicateurs seraient créés, aucun mis à jour, 2 indicateurs resteraient inchangés."
    )


def test_a_report_of_several_nouns_says_only_what_happened_to_each():
    several = ImportReport(OFFER, INDICATOR, Noun("plan", "plans"), outcomes=("created", "updated"))
    several.count("created", OFFER)
    several.count("updated", INDICATOR)
    several.count("updated", INDICATOR)
    assert several.summary() == "1 offre a été créée ; 2 indicateurs ont été mis à jour."
    assert (several.created, several.updated) == (1, 0)  # the first noun's counts


def test_a_report_with_nothing_of_several_nouns_says_so():
    assert ImportReport(OFFER, INDICATOR).summary() == "Rien à enregistrer."


@pytest.mark.parametrize(
    ("lines", "heading"), [(None, ""), (0, "Aucune ligne lue. "), (1, "1 ligne lue. "), (12, "12 lignes lues. ")]
)
def test_the_heading_counts_the_lines_read(lines, heading):
    assert report(OFFER, lines_read=lines).heading() == heading


def test_an_error_without_a_line_concerns_the_whole_file():
    assert str(RowError(3, "valeur manquante.")) == "ligne 3 : valeur manquante."
    assert str(RowError(0, "la région est inconnue.")) == "la région est inconnue."


def test_a_report_is_ok_until_an_error_is_added():
    result = report(OFFER)
    assert result.ok
    result.error(4, "titre manquant.")
    assert not result.ok and [str(error) for error in result.errors] == ["ligne 4 : titre manquant."]
