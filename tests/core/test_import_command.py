"""The base of import commands: file kinds, French errors with file and line, one dry run for all."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DataError

from essaim.core.imports import FileRejected, ImportReport, Noun, read_csv_file, read_text_file
from essaim.core.imports.command import ImportCommand
from essaim.core.imports.writing import all_or_nothing, upsert
from essaim.territories.models import Region

pytestmark = pytest.mark.django_db

REGION = Noun("région", "régions", feminine=True)


def regions_import(*, rows, dry_run):
    """A tiny import of régions, enough to see the base at work."""
    report = ImportReport(REGION, dry_run=dry_run, lines_read=len(rows))
    for row in rows:
        if not row.values["code"].isdigit():
            report.error(row.line, f"code : « {row.values['code']} » n'est pas un nombre.")
    if report.errors:
        return report
    with all_or_nothing(dry_run=dry_run):
        for row in rows:
            _region, outcome = upsert(Region, lookup={"code": row.values["code"]}, values={"name": row.values["name"]})
            report.count(outcome)
    return report


class RegionsCommand(ImportCommand):
    suffixes = (".csv",)

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        return regions_import(rows=read_csv_file(path, required=["code", "name"]), dry_run=dry_run)


@pytest.fixture
def regions_file(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("code,name\n52,Pays de la Loire\n53,Bretagne\n", encoding="utf-8")
    return path


def test_a_valid_file_is_written_and_summarised(regions_file, capsys):
    call_command(RegionsCommand(), str(regions_file))
    assert "2 lignes lues. 2 régions ont été créées, aucune mise à jour, aucune inchangée." in capsys.readouterr().out
    assert Region.objects.count() == 2


def test_a_dry_run_counts_exactly_what_a_real_run_does_and_writes_nothing(regions_file, capsys):
    Region.objects.create(code="52", name="Pays-de-la-Loire")
    Region.objects.create(code="53", name="Bretagne")
    regions_file.write_text("code,name\n52,Pays de la Loire\n53,Bretagne\n54,Normandie\n", encoding="utf-8")
    call_command(RegionsCommand(), str(regions_file), "--dry-run")
    dry = capsys.readouterr().out
    assert (
        "Simulation, rien n'est enregistré : 3 lignes lues. 1 région serait créée, 1 région serait mise à jour, "
        "1 région resterait inchangée." in dry
    )
    assert sorted(Region.objects.values_list("code", "name")) == [("52", "Pays-de-la-Loire"), ("53", "Bretagne")]
    call_command(RegionsCommand(), str(regions_file))
    real = capsys.readouterr().out
    assert dry.split("lues. ")[1].replace("serait", "a été").replace("resterait", "est") in real


def test_errors_name_the_file_and_line_and_nothing_is_written(tmp_path, capsys):
    path = tmp_path / "regions.csv"
    path.write_text("code,name\n52,Pays de la Loire\nXX,Nulle part\nYY,Ailleurs\n", encoding="utf-8")
    with pytest.raises(CommandError, match="^2 erreurs dans regions.csv : rien n'a été importé"):
        call_command(RegionsCommand(), str(path))
    assert "regions.csv, ligne 3 : code : « XX » n'est pas un nombre." in capsys.readouterr().err
    assert not Region.objects.exists()


def test_a_file_of_another_kind_is_refused_before_it_is_read(tmp_path):
    with pytest.raises(CommandError, match="Format non pris en charge : « .pdf ». Fournissez un fichier .csv"):
        call_command(RegionsCommand(), str(tmp_path / "regions.pdf"))


def test_an_unreadable_file_becomes_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command(RegionsCommand(), str(tmp_path / "absente.csv"))


def test_a_failure_during_the_writes_rolls_everything_back():
    with pytest.raises(RuntimeError), all_or_nothing(dry_run=False):
        Region.objects.create(code="52", name="Pays de la Loire")
        raise RuntimeError
    assert not Region.objects.exists()


def test_read_text_file_checks_size_and_encoding(tmp_path):
    path = tmp_path / "strategie.yaml"
    path.write_bytes("strategy: {title: Économie}\n".encode())
    assert read_text_file(path).startswith("strategy")
    path.write_bytes("title: Économie\n".encode("cp1252"))
    with pytest.raises(FileRejected, match="pas encodé en UTF-8 .* ligne 1"):
        read_text_file(path)
    path.write_bytes(b"#" * (3 * 1024 * 1024))
    with pytest.raises(FileRejected, match="pèse 3.0 Mo, au-delà de la limite de 2 Mo"):
        read_text_file(path, max_bytes=2 * 1024 * 1024)


class FailingWriteCommand(RegionsCommand):
    """An import whose row checks let through a value that the database then refuses."""

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        with all_or_nothing(dry_run=dry_run):
            Region.objects.create(code="52", name="Pays de la Loire")
            raise DataError("value too long for type character varying(200)")


def test_a_write_the_database_refuses_is_a_french_error_and_nothing_is_written(regions_file):
    with pytest.raises(CommandError, match="^L'enregistrement de regions.csv a échoué.*rien n'a été importé"):
        call_command(FailingWriteCommand(), str(regions_file))
    assert not Region.objects.exists()
