"""Versioned documents are upgraded step by step, in memory."""

import pytest

from essaim.core.documents import DocumentVersionError, current_version, upgrade


def _rename_total(document):
    document["count"] = document.pop("total")
    return document


def _add_unit(document):
    document["unit"] = "actions"
    return document


STEPS = (_rename_total, _add_unit)


def test_a_document_without_version_is_version_1_and_goes_through_every_step():
    assert upgrade({"total": 3}, STEPS) == {"count": 3, "unit": "actions", "version": 3}


def test_a_document_takes_only_the_steps_after_its_version():
    assert upgrade({"count": 3, "version": 2}, STEPS) == {"count": 3, "unit": "actions", "version": 3}


def test_a_current_document_is_returned_as_is():
    assert upgrade({"count": 3, "unit": "actions", "version": 3}, STEPS) == {
        "count": 3,
        "unit": "actions",
        "version": 3,
    }
    assert current_version(STEPS) == 3


def test_the_stored_document_is_left_untouched():
    stored = {"total": 3, "nested": {"a": 1}}
    upgrade(stored, STEPS)
    assert stored == {"total": 3, "nested": {"a": 1}}


@pytest.mark.parametrize("version", [0, 4, "2", True])
def test_an_unknown_version_is_refused(version):
    with pytest.raises(DocumentVersionError):
        upgrade({"version": version}, STEPS)
