import pytest

from essaim.core.workflows import TransitionRefused, Workflow

STATES = {"draft": "Brouillon", "review": "À relire", "published": "Publiée"}
WORKFLOW = Workflow(
    "offer",
    STATES,
    [
        ("draft", "review", "Soumettre", "operator"),
        ("review", "published", "Publier", "cress"),
        ("review", "draft", "Repasser en brouillon", ("operator", "cress")),
    ],
)


def test_a_move_in_the_table_is_allowed_to_its_roles_only():
    assert WORKFLOW.check("draft", "review", roles={"operator"}).label == "Soumettre"
    assert [move.target for move in WORKFLOW.allowed("review", roles={"cress"})] == ["published", "draft"]
    assert [move.target for move in WORKFLOW.allowed("review", roles={"operator"})] == ["draft"]
    with pytest.raises(TransitionRefused, match="Vous ne pouvez pas faire ce changement : « Publier »"):
        WORKFLOW.check("review", "published", roles={"operator"})


def test_a_move_outside_the_table_is_refused_in_french():
    with pytest.raises(TransitionRefused, match="Impossible de passer de « brouillon » à « publiée »"):
        WORKFLOW.check("draft", "published", roles={"cress"})


def test_an_unknown_target_state_is_refused_not_an_internal_error():
    with pytest.raises(TransitionRefused, match="État inconnu"):
        WORKFLOW.check("draft", "<script>", roles={"cress"})
    with pytest.raises(TransitionRefused):
        WORKFLOW.check("nowhere", "review", roles={"operator"})


def test_a_table_naming_an_unknown_state_fails_at_import_time():
    with pytest.raises(ValueError, match="unknown state"):
        Workflow("broken", STATES, [("draft", "archived", "Archiver", "cress")])
