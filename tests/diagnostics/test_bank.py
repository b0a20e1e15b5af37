"""The question bank: the shipped guide parses and keeps its shape; every broken file is refused
with a French message naming the faulty element."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from essaim.diagnostics.bank import BankError, parse_bank
from essaim.diagnostics.vocabulary import MATURITY

SHIPPED = Path(__file__).resolve().parents[2] / "essaim" / "diagnostics" / "data" / "guide_bonnes_pratiques.yaml"
GUIDE_ORDER = [
    "gouvernance",
    "concertation-strategie",
    "territorialite",
    "politique-salariale",
    "lien-usagers",
    "diversite-egalite",
    "environnement",
    "ethique-deontologie",
]
WHERE = "Thème « gouvernance », domaine « regles », item « statuts-a-jour »"


@pytest.fixture(scope="module")
def guide():
    return parse_bank(SHIPPED.read_text(encoding="utf-8"))


def minimal() -> dict[str, Any]:
    return {
        "framework": {"code": "guide", "version": 1, "title": "Guide", "source": "CSESS 2016"},
        "themes": [
            {
                "code": "gouvernance",
                "title": "Gouvernance démocratique",
                "summary": "Qui décide.",
                "source": "Loi n° 2014-856, art. 3",
                "domains": [
                    {
                        "code": "regles",
                        "title": "Règles de fonctionnement",
                        "items": [
                            {
                                "code": "statuts-a-jour",
                                "kind": "question",
                                "text": "Vos statuts sont-ils à jour ?",
                                "quick": True,
                                "source": "Guide CSESS 2016",
                                "suggested_actions": {"pas_encore": "Relire les statuts."},
                            }
                        ],
                    }
                ],
            }
        ],
    }


def parse(document: dict[str, Any]):
    return parse_bank(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))


def refused(document: dict[str, Any]) -> str:
    with pytest.raises(BankError) as error:
        parse(document)
    return str(error.value)


def item(document: dict[str, Any]) -> dict[str, Any]:
    return document["themes"][0]["domains"][0]["items"][0]


# The shipped guide -----------------------------------------------------------------------------


def test_the_shipped_guide_parses_as_version_one_of_its_framework(guide):
    assert guide.code == "guide-bonnes-pratiques-ess"
    assert guide.version == 1
    assert "2014-856" in guide.source


def test_the_shipped_guide_has_the_eight_themes_in_the_guides_order(guide):
    assert [theme.code for theme in guide.themes] == GUIDE_ORDER


def test_each_theme_has_two_or_three_domains_and_six_to_nine_items_with_an_indicator(guide):
    for theme in guide.themes:
        assert 2 <= len(theme.domains) <= 3, theme.code
        assert 6 <= len(theme.items) <= 9, theme.code
        indicators = [item for item in theme.items if item.is_indicator]
        assert 1 <= len(indicators) <= 2, theme.code
        assert theme.summary and theme.source, theme.code


def test_every_item_of_the_shipped_guide_cites_its_source_and_carries_its_help(guide):
    for item in guide.items:
        assert item.source, item.code
        assert item.about and item.key_ideas and item.examples, item.code


def test_every_item_suggests_an_action_for_each_level_below_evaluated(guide):
    levels = {value for value, _label in MATURITY} - {"evalue"}
    for item in guide.items:
        assert set(item.suggested_actions) == levels, item.code


def test_the_quick_path_has_a_score_of_questions_with_at_least_two_per_theme(guide):
    quick = guide.quick_items()
    assert 18 <= len(quick) <= 24
    assert all(item.kind == "question" for item in quick)
    for theme in guide.themes:
        assert len([item for item in theme.items if item.quick]) >= 2, theme.code


def test_the_codes_of_the_shipped_guide_are_unique_across_the_whole_bank(guide):
    codes = [item.code for item in guide.items]
    assert len(codes) == len(set(codes))
    domains = [domain.code for theme in guide.themes for domain in theme.domains]
    assert len(domains) == len(set(domains))


def test_only_indicators_have_a_unit_in_the_shipped_guide(guide):
    for item in guide.items:
        assert bool(item.unit) == item.is_indicator, item.code


# What a valid file gives -----------------------------------------------------------------------


def test_a_minimal_bank_gives_its_tree_with_defaults_for_optional_fields():
    bank = parse(minimal())
    (theme,) = bank.themes
    (domain,) = theme.domains
    (only,) = domain.items
    assert (theme.code, domain.code, only.code) == ("gouvernance", "regles", "statuts-a-jour")
    assert only.unit == "" and only.legal == "" and only.version == 1
    assert dict(only.suggested_actions) == {"pas_encore": "Relire les statuts."}
    assert bank.quick_items() == (only,)


def test_texts_are_read_without_surrounding_spaces():
    document = minimal()
    item(document)["text"] = "  Vos statuts sont-ils à jour ?\n"
    assert parse(document).items[0].text == "Vos statuts sont-ils à jour ?"


def test_an_indicator_gives_its_unit():
    document = minimal()
    item(document).update(kind="indicateur", unit="%", quick=False)
    assert parse(document).items[0].unit == "%"


# Refusals, each with its French message --------------------------------------------------------


def test_an_empty_question_is_refused_naming_theme_domain_and_item():
    document = minimal()
    item(document)["text"] = "   "
    assert refused(document) == f"{WHERE} : la question est vide."


def test_an_empty_indicator_says_indicator():
    document = minimal()
    item(document).update(kind="indicateur", unit="%", text="")
    assert refused(document) == f"{WHERE} : l'indicateur est vide."


def test_a_question_longer_than_four_hundred_characters_is_refused():
    document = minimal()
    item(document)["text"] = "é" * 401
    assert refused(document) == f"{WHERE} : la question dépasse 400 caractères (401)."


def test_an_item_without_source_is_refused():
    document = minimal()
    del item(document)["source"]
    assert refused(document) == f"{WHERE} : la source est obligatoire."


def test_an_unknown_kind_is_refused_with_the_possible_values():
    document = minimal()
    item(document)["kind"] = "note"
    assert refused(document) == (
        f"{WHERE} : la nature (kind) « note » est inconnue ; les valeurs possibles : « question » ou « indicateur »."
    )


def test_an_item_without_kind_is_refused():
    document = minimal()
    del item(document)["kind"]
    assert refused(document) == f"{WHERE} : la nature (kind) est obligatoire : « question » ou « indicateur »."


def test_a_question_with_a_unit_is_refused():
    document = minimal()
    item(document)["unit"] = "%"
    assert refused(document) == f"{WHERE} : seul un indicateur a une unité (unit) ; une question n'en a pas."


def test_an_indicator_without_unit_is_refused():
    document = minimal()
    item(document)["kind"] = "indicateur"
    assert refused(document) == f"{WHERE} : l'unité (unit) est obligatoire."


def test_a_suggested_action_for_an_unknown_level_is_refused():
    document = minimal()
    item(document)["suggested_actions"] = {"excellent": "Continuer."}
    assert refused(document) == (
        f"{WHERE} : le niveau « excellent » des actions suggérées est inconnu ; "
        "les niveaux possibles : pas_encore, reflexion, engage, formalise, evalue."
    )


def test_an_empty_suggested_action_is_refused():
    document = minimal()
    item(document)["suggested_actions"] = {"engage": " "}
    assert refused(document) == f"{WHERE} : l'action suggérée au niveau « engage » doit être un texte non vide."


def test_quick_must_be_true_or_false():
    document = minimal()
    item(document)["quick"] = "oui"
    assert refused(document) == f"{WHERE} : l'indication du parcours rapide (quick) vaut true ou false."


def test_an_unknown_key_is_refused_with_the_possible_keys():
    document = minimal()
    item(document)["key_idea"] = "Une faute de frappe."
    message = refused(document)
    assert message.startswith(f"{WHERE} : la clé « key_idea » est inconnue ; les clés possibles : code, kind, text")


def test_a_code_that_is_not_a_slug_is_refused_with_its_position():
    document = minimal()
    item(document)["code"] = "Statuts à jour"
    assert refused(document) == (
        "Thème « gouvernance », domaine « regles », item n° 1 : l'identifiant (code) « Statuts à jour » doit "
        "s'écrire en minuscules sans accent, chiffres et tirets (par exemple « statuts-a-jour »)."
    )


def test_an_item_without_code_is_refused_with_its_position():
    document = minimal()
    del item(document)["code"]
    assert (
        refused(document)
        == "Thème « gouvernance », domaine « regles », item n° 1 : l'identifiant (code) est obligatoire."
    )


def test_two_items_with_one_code_in_a_domain_are_refused():
    document = minimal()
    items = document["themes"][0]["domains"][0]["items"]
    items.append(copy.deepcopy(items[0]))
    assert refused(document) == f"{WHERE} : cet identifiant est déjà celui d'un autre item."


def test_one_item_code_may_appear_in_two_domains():
    document = minimal()
    domains = document["themes"][0]["domains"]
    domains.append({**copy.deepcopy(domains[0]), "code": "autres-regles"})
    assert len(parse(document).items) == 2


def test_two_domains_with_one_code_in_a_theme_are_refused():
    document = minimal()
    domains = document["themes"][0]["domains"]
    domains.append(copy.deepcopy(domains[0]))
    assert refused(document) == (
        "Thème « gouvernance », domaine « regles » : cet identifiant est déjà celui d'un autre domaine."
    )


def test_two_themes_with_one_code_are_refused():
    document = minimal()
    document["themes"].append(copy.deepcopy(document["themes"][0]))
    assert refused(document) == "Thème « gouvernance » : cet identifiant est déjà celui d'un autre thème."


def test_a_domain_without_items_is_refused():
    document = minimal()
    document["themes"][0]["domains"][0]["items"] = []
    assert refused(document) == "Thème « gouvernance », domaine « regles » : la liste des items (items) est vide."


def test_a_domain_without_title_is_refused():
    document = minimal()
    del document["themes"][0]["domains"][0]["title"]
    assert refused(document) == "Thème « gouvernance », domaine « regles » : le titre est obligatoire."


def test_a_theme_without_domains_is_refused():
    document = minimal()
    del document["themes"][0]["domains"]
    assert refused(document) == "Thème « gouvernance » : la liste des domaines (domains) est obligatoire."


def test_a_theme_without_source_is_refused():
    document = minimal()
    document["themes"][0]["source"] = ""
    assert refused(document) == "Thème « gouvernance » : la source est vide."


def test_a_theme_written_as_a_text_is_refused_with_its_position():
    document = minimal()
    document["themes"].append("environnement")
    assert refused(document) == "Thème n° 2 : un thème s'écrit comme un ensemble de clés (code, title, …)."


def test_a_file_without_themes_is_refused():
    document = minimal()
    del document["themes"]
    assert refused(document) == "Le fichier : la liste des thèmes (themes) est obligatoire."


def test_a_file_without_framework_is_refused():
    document = minimal()
    del document["framework"]
    assert refused(document) == "Le fichier : la partie « framework » est obligatoire."


@pytest.mark.parametrize("version", [0, -1, "1", 1.5, True])
def test_a_framework_version_below_one_or_not_a_whole_number_is_refused(version):
    document = minimal()
    document["framework"]["version"] = version
    assert refused(document) == (
        f"Référentiel « guide » : la version « {version} » doit être un nombre entier supérieur ou égal à 1."
    )


def test_a_framework_without_version_is_refused():
    document = minimal()
    del document["framework"]["version"]
    assert refused(document) == "Référentiel « guide » : la version est obligatoire."


def test_an_item_version_below_one_is_refused():
    document = minimal()
    item(document)["version"] = 0
    assert refused(document) == f"{WHERE} : la version « 0 » doit être un nombre entier supérieur ou égal à 1."


def test_a_text_given_as_a_number_is_refused():
    document = minimal()
    item(document)["about"] = 42
    assert refused(document) == f"{WHERE} : « De quoi parle-t-on ? » (about) doit être un texte."


def test_a_yaml_syntax_error_is_refused_with_its_line():
    text = "framework:\n  code: guide\n  title: [Guide\nthemes: []\n"
    with pytest.raises(BankError) as error:
        parse_bank(text)
    assert error.value.line == 4
    assert str(error.value).startswith("Le fichier n'est pas un YAML valide, ligne 4")


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "du texte"])
def test_a_document_that_is_not_a_mapping_is_refused(text):
    with pytest.raises(BankError) as error:
        parse_bank(text)
    assert str(error.value) == "Le fichier : il doit contenir les parties « framework » et « themes »."
