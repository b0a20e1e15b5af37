"""Back up and restore the whole platform: the database and the uploaded or generated files.

An archive is one uncompressed tar file (`essaim-<date>.tar`) holding:
- `manifest.json`: the database engine, the date, the tool used, the applied migrations;
- `database.sqlite3` (SQLite, copied by SQLite's online backup API, consistent while the
  platform runs) or `database.pgdump` (PostgreSQL, `pg_dump --format=custom`, compressed);
- `media/`: every file under MEDIA_ROOT.

Why these tools rather than `dumpdata`: docs/decisions/backup.md. Restoring refuses a database
that holds data unless told to replace it (`force`), so that a typo never wipes production.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MEDIA_DIR = "media"
# Tables `migrate` fills by itself: they do not make a database "hold data".
BOOKKEEPING_MODELS = {("contenttypes", "contenttype"), ("auth", "permission")}


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message is French, for the operator."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    media_files: int


def backup_create(*, directory: Path, now: datetime | None = None, alias: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write a new archive in `directory` and return where. The archive is first written
    under a temporary name, then renamed: a half-written backup never looks complete."""
    connection = connections[alias]
    moment = timezone.localtime(now or timezone.now())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"essaim-{moment:%Y%m%d-%H%M%S}.tar"
    partial = path.with_suffix(".tar.partiel")
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        if connection.vendor == "sqlite":
            database_file, tool = work / SQLITE_FILE, f"sqlite3 {sqlite3.sqlite_version}"
            _sqlite_backup(connection, database_file)
        elif connection.vendor == "postgresql":
            database_file, tool = work / PG_FILE, _pg_dump_version(connection)
            _run(
                [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(database_file)]
                + _pg_connection_args(connection),
                env=_pg_env(connection),
            )
        else:
            raise BackupError(f"La sauvegarde ne sait pas traiter une base « {connection.vendor} ».")
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": moment.isoformat(),
            "engine": connection.vendor,
            "tool": tool,
            "migrations": _applied_migrations(connection),
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        media_root = Path(settings.MEDIA_ROOT)
        media_files = 0
        # The archive holds personal data: created readable by its owner only, never by others,
        # even for the moment it is being written.
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(database_file, arcname=database_file.name)
            if media_root.is_dir():
                archive.add(media_root, arcname=MEDIA_DIR)
                media_files = sum(1 for item in media_root.rglob("*") if item.is_file())
    partial.chmod(0o600)  # the archive holds personal data
    partial.replace(path)
    return BackupResult(path=path, size=path.stat().st_size, media_files=media_files)


def backups_prune(*, directory: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` most recent archives of `directory`; return those deleted."""
    archives = sorted(directory.glob("essaim-*.tar"))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


@dataclass(frozen=True)
class RestoreResult:
    created_at: str
    engine: str
    media_files: int
    replaced_saved_in: Path | None = None  # with `force`: the database as it was before


def backup_restore(*, path: Path, force: bool = False, alias: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Replace the database and MEDIA_ROOT with the archive's. Refuses, unless `force`, a
    database that already holds data or a MEDIA_ROOT that holds files."""
    connection = connections[alias]
    if not path.is_file():
        raise BackupError(f"Le fichier {path} n'existe pas.")
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        manifest = _extract(path, work)
        if manifest.get("engine") != connection.vendor:
            raise BackupError(
                f"Cette sauvegarde vient d'une base « {manifest.get('engine')} » ; la base configurée est "
                f"« {connection.vendor} ». Restaurez-la dans une base du même type."
            )
        media_root = Path(settings.MEDIA_ROOT)
        if not force:
            if database_holds_data(connection):
                raise BackupError(
                    "La base de données contient déjà des données : la restauration les remplacerait toutes. "
                    "Relancez avec --force si c'est bien ce que vous voulez."
                )
            if media_root.is_dir() and any(media_root.iterdir()):
                raise BackupError(
                    f"Le dossier des fichiers ({media_root}) n'est pas vide : la restauration le remplacerait. "
                    "Relancez avec --force si c'est bien ce que vous voulez."
                )
        safety = None
        if force and database_holds_data(connection):
            # What is about to be replaced is saved first, in a folder beside the archive (never
            # over it, nor pruned with the others): if the restore fails halfway, nothing is lost.
            safety = backup_create(directory=path.parent / "avant-restauration", alias=alias).path
        try:
            if connection.vendor == "sqlite":
                _sqlite_restore(connection, work / SQLITE_FILE)
            else:
                _pg_restore(connection, work / PG_FILE)
        except BackupError as error:
            if safety is None:
                raise
            raise BackupError(f"{error} La base d'avant la restauration est sauvegardée dans {safety}.") from error
        media_files = _restore_media(work / MEDIA_DIR, media_root)
    return RestoreResult(
        created_at=str(manifest.get("created_at", "")),
        engine=connection.vendor,
        media_files=media_files,
        replaced_saved_in=safety,
    )


def database_holds_data(connection: BaseDatabaseWrapper) -> bool:
    """True when a table of an installed model holds a row (what `migrate` writes by itself aside)."""
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            meta = model._meta
            if (meta.app_label, meta.model_name) in BOOKKEEPING_MODELS or meta.db_table not in existing:
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(meta.db_table)} LIMIT 1")  # noqa: S608
            if cursor.fetchone():
                return True
    return False


# --- SQLite --------------------------------------------------------------------------------------


def _sqlite_backup(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _sqlite_restore(connection: BaseDatabaseWrapper, source_file: Path) -> None:
    if not source_file.is_file():
        raise BackupError("L'archive ne contient pas de base SQLite : elle est incomplète ou abîmée.")
    source = sqlite3.connect(source_file)
    try:
        _sqlite_check(source)
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("La restauration ne peut pas se faire au milieu d'une transaction.")
        # The online backup API copies page by page under a lock: the platform's other
        # processes wait, then see the restored database.
        source.backup(connection.connection)
    finally:
        source.close()


def _sqlite_check(source: sqlite3.Connection) -> None:
    try:
        result = source.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError("La base SQLite de l'archive est illisible : l'archive est abîmée.") from exc
    if not result or result[0] != "ok":
        raise BackupError("La base SQLite de l'archive est abîmée (contrôle d'intégrité en échec).")


# --- PostgreSQL ----------------------------------------------------------------------------------


def _pg_connection_args(connection: BaseDatabaseWrapper) -> list[str]:
    params = connection.settings_dict
    args = ["--dbname", str(params["NAME"])]
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    return args


def _pg_env(connection: BaseDatabaseWrapper) -> dict[str, str]:
    env = dict(os.environ)
    if connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(connection.settings_dict["PASSWORD"])
    return env


def _pg_dump_version(connection: BaseDatabaseWrapper) -> str:
    """pg_dump's version line, after checking it can read this server: a pg_dump older than the
    server refuses to work (or worse, on old versions, misses objects)."""
    output = _run([_tool("pg_dump"), "--version"], env=_pg_env(connection))
    match = re.search(r"(\d+)(?:\.(\d+))?", output)
    if match is None:
        raise BackupError(f"Version de pg_dump illisible : {output.strip()}")
    client_major = int(match.group(1))
    connection.ensure_connection()
    server_major = int(connection.pg_version) // 10000  # type: ignore[attr-defined]
    if client_major < server_major:
        raise BackupError(
            f"pg_dump est en version {client_major}, le serveur PostgreSQL en version {server_major} : "
            f"installez le client PostgreSQL {server_major} (paquet postgresql-client-{server_major})."
        )
    return output.strip()


def _pg_restore(connection: BaseDatabaseWrapper, dump: Path) -> None:
    if not dump.is_file():
        raise BackupError("L'archive ne contient pas de sauvegarde PostgreSQL : elle est incomplète ou abîmée.")
    contents = _run([_tool("pg_restore"), "--list", str(dump)], env=_pg_env(connection))  # fails if damaged
    # An extension's comment may only be set by its owner: when a superuser created pg_trgm, the
    # platform's own user could not restore it, and the comment is worth nothing.
    wanted = dump.with_suffix(".list")
    wanted.write_text(
        "\n".join(line for line in contents.splitlines() if "COMMENT - EXTENSION" not in line), encoding="utf-8"
    )
    # Empty the schema first (tables that the archive does not know included), then load the
    # archive in one transaction (with `force`, `backup_restore` saved the data replaced first).
    connection.close()
    connection.ensure_connection()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(include_views=False):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()
    _run(
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
        + ["--use-list", str(wanted)]
        + _pg_connection_args(connection)
        + [str(dump)],
        env=_pg_env(connection),
    )


# --- Shared --------------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"La commande {name} est introuvable : installez le client PostgreSQL (postgresql-client).")
    return found


def _run(command: list[str], *, env: dict[str, str]) -> str:
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if completed.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} a échoué : {completed.stderr.strip() or completed.stdout.strip()}")
    return completed.stdout


def _applied_migrations(connection: BaseDatabaseWrapper) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _extract(path: Path, work: Path) -> dict[str, Any]:
    """Unpack the archive into `work`, refusing any member that would land outside it."""
    try:
        with tarfile.open(path, "r") as archive:
            archive.extractall(work, filter="data")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"Le fichier {path.name} n'est pas une archive de sauvegarde lisible ({exc}).") from exc
    try:
        manifest: dict[str, Any] = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"Le fichier {path.name} n'est pas une sauvegarde d'Essaim (pas de {MANIFEST}).") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Format de sauvegarde inconnu : {manifest.get('format')!r}.")
    return manifest


def _restore_media(source: Path, media_root: Path) -> int:
    """Replace MEDIA_ROOT's content with the archive's (the folder itself is kept: it may be a
    mount point)."""
    media_root.mkdir(parents=True, exist_ok=True)
    for item in media_root.iterdir():
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink()
    if not source.is_dir():
        return 0
    shutil.copytree(source, media_root, dirs_exist_ok=True)
    return sum(1 for item in media_root.rglob("*") if item.is_file())
