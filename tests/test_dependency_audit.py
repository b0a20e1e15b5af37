"""`.ci/audit.py` (what `make audit` runs) fails on a known vulnerability in a pinned version,
whether pip-audit saw it or only PyPI's project page of the latest release could tell."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def audit(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    lock = tmp_path / "base.txt"
    lock.write_text("django==5.2.1 \\\n    --hash=sha256:aa\nrequests==2.0.0 \\\n    --hash=sha256:bb\n")
    module.LOCK = str(lock)
    return module


def pypi(version: str, vulns: list[dict] | None = None, yanked: bool = False) -> dict:  # type: ignore[type-arg]
    return {"info": {"version": version}, "vulnerabilities": vulns or [], "releases": {version: [{"yanked": yanked}]}}


def test_a_vulnerability_pip_audit_reports_fails_the_audit(audit, monkeypatch, capsys):
    found = {"id": "PYSEC-1", "aliases": ["CVE-1"], "fix_versions": ["5.2.2"]}
    monkeypatch.setattr(
        audit,
        "pip_audit",
        lambda paths: {"dependencies": [{"name": "Django", "version": "5.2.1", "vulns": [found]}]},
    )

    assert audit.main([audit.LOCK]) == 1
    assert "django 5.2.1 : PYSEC-1 / CVE-1 (corrigée en : 5.2.2)" in capsys.readouterr().err


def test_a_pin_pip_audit_could_not_reach_is_checked_on_the_latest_release_page(audit, monkeypatch, capsys):
    monkeypatch.setattr(
        audit, "pip_audit", lambda paths: {"dependencies": [{"name": "requests", "skip_reason": "not found"}]}
    )
    monkeypatch.setattr(audit, "project", lambda name: pypi("2.0.0", [{"id": "GHSA-x", "fixed_in": ["2.0.1"]}]))

    assert audit.main([audit.LOCK]) == 1
    assert "requests 2.0.0 : GHSA-x (corrigée en : 2.0.1)" in capsys.readouterr().err


def test_an_older_pin_that_cannot_be_checked_is_listed_not_hidden(audit, monkeypatch, capsys):
    monkeypatch.setattr(
        audit, "pip_audit", lambda paths: {"dependencies": [{"name": "requests", "skip_reason": "not found"}]}
    )
    monkeypatch.setattr(audit, "project", lambda name: pypi("2.9.0", [{"id": "GHSA-latest-only"}]))

    assert audit.main([audit.LOCK]) == 0
    assert "requests 2.0.0 (dernière : 2.9.0)" in capsys.readouterr().out
