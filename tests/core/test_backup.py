"""`backup` then `restore` gives back exactly what was there, on SQLite and on PostgreSQL.

The tests commit for real (`transactional_db`): SQLite's backup API and pg_dump only see
committed data, as they would in production."""

from __future__ import annotations

import json
import tarfile
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from essaim.accounts.models import User
from essaim.catalog.alerts import alert_subscribe
from essaim.catalog.models import Alert, Offer
from essaim.core.models import HistoryEntry
from essaim.strategy.models import ProgressReport
from tests.catalog.factories import load_catalog_taxonomies, make_offer
from tests.organisations.factories import MembershipFactory
from tests.strategy.factories import strategy_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_root(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "bilans").mkdir(parents=True)
    (settings.MEDIA_ROOT / "bilans" / "bilan-2026.pdf").write_bytes(b"%PDF-1.7 un bilan")
    return settings.MEDIA_ROOT


def everything() -> dict[str, list[dict[str, object]]]:
    """Every row of every table the project's models (and their many-to-many tables) own."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
    }


def platform_with_data(region: object) -> None:
    load_catalog_taxonomies()
    world = strategy_world(region)
    offer = make_offer("Prêt d'honneur solidaire", types=["pret"], description="Jusqu'à 8 000 €.")
    MembershipFactory(organisation=offer.operator, user=world.lead)
    ProgressReport.objects.create(action=world.action, author=world.lead, done="Trois réunions tenues.")
    alert_subscribe(
        email="abonnee@example.org", kind=Alert.Kind.SEARCH, query="q=pret", label="Prêts", frequency="weekly"
    )


def test_a_backup_restored_over_a_changed_database_gives_back_every_row_and_file(region, media_root, tmp_path):
    platform_with_data(region)
    before = everything()
    assert HistoryEntry.objects.exists() and User.objects.count() >= 4

    call_command("backup", "--dir", str(tmp_path / "sauvegardes"))
    (archive,) = (tmp_path / "sauvegardes").glob("essaim-*.tar")

    Offer.objects.update(title="Titre modifié après la sauvegarde")
    HistoryEntry.objects.all().delete()
    User.objects.filter(email__startswith="personne").first().delete()  # type: ignore[union-attr]
    (media_root / "bilans" / "bilan-2026.pdf").unlink()
    (media_root / "intrus.txt").write_text("créé après la sauvegarde")

    out = StringIO()
    call_command("restore", str(archive), "--force", stdout=out)
    (replaced,) = (tmp_path / "sauvegardes" / "avant-restauration").glob("essaim-*.tar")
    assert f"La base remplacée est sauvegardée dans {replaced}" in out.getvalue()
    assert oct(replaced.stat().st_mode & 0o777) == oct(0o600)

    after = everything()
    assert {label: len(rows) for label, rows in after.items()} == {label: len(rows) for label, rows in before.items()}
    assert after == before
    assert Offer.objects.get().title == "Prêt d'honneur solidaire"
    assert ProgressReport.objects.get().author.full_name  # type: ignore[union-attr]
    assert (media_root / "bilans" / "bilan-2026.pdf").read_bytes() == b"%PDF-1.7 un bilan"
    assert not (media_root / "intrus.txt").exists()


def test_restore_refuses_to_replace_a_database_that_holds_data_without_force(region, media_root, tmp_path):
    platform_with_data(region)
    call_command("backup", "--dir", str(tmp_path))
    (archive,) = tmp_path.glob("essaim-*.tar")
    Offer.objects.update(title="Saisi après la sauvegarde")

    with pytest.raises(CommandError, match="contient déjà des données.*--force"):
        call_command("restore", str(archive))

    assert Offer.objects.get().title == "Saisi après la sauvegarde"


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "essaim-faux.tar"
    bogus.write_bytes(b"pas une archive")

    with pytest.raises(CommandError, match="n'est pas une archive de sauvegarde lisible"):
        call_command("restore", str(bogus), "--force")


def test_backup_keeps_only_the_most_recent_archives_when_asked(db, tmp_path):
    old = [tmp_path / f"essaim-2000010{day}-010000.tar" for day in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"ancienne")

    call_command("backup", "--dir", str(tmp_path), "--keep", "2")

    kept = sorted(tmp_path.glob("essaim-*.tar"))
    assert len(kept) == 2
    assert kept[0] == old[2]


def test_a_backup_says_what_it_holds_and_is_readable_by_its_owner_only(db, tmp_path):
    call_command("backup", "--dir", str(tmp_path))
    (archive,) = tmp_path.glob("essaim-*.tar")

    assert archive.stat().st_mode & 0o077 == 0
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert manifest["engine"] == connection.vendor
    assert "accounts.0001_initial" in manifest["migrations"]


def test_a_pg_dump_older_than_the_server_is_refused_with_the_package_to_install(monkeypatch):
    from essaim.core import backups

    class Server:
        pg_version = 160004
        settings_dict = {"PASSWORD": ""}

        def ensure_connection(self) -> None:
            pass

    monkeypatch.setattr(backups, "_tool", lambda name: name)
    monkeypatch.setattr(backups, "_run", lambda command, env: "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")

    with pytest.raises(backups.BackupError, match="postgresql-client-16"):
        backups._pg_dump_version(Server())  # type: ignore[arg-type]


def test_restore_refuses_a_backup_of_another_kind_of_database(db, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "engine": "oracle"}))
    archive = tmp_path / "essaim-autre.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(manifest, arcname="manifest.json")

    with pytest.raises(CommandError, match="vient d.une base «\u00a0oracle"):
        call_command("restore", str(archive), "--force")
