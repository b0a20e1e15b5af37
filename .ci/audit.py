"""Dependency audit: fail on a known vulnerability in a version pinned in requirements/*.txt.

Usage: python .ci/audit.py requirements/base.txt requirements/dev.txt   (what `make audit` runs)

1. pip-audit, against PyPI's vulnerability data (`--vulnerability-service pypi`, per-version JSON
   API), with the hashes of the lock files and without pip (nothing is built or installed).
2. Where that API does not answer (some networks, this build machine's included, let through only
   the project-level JSON), each skipped pin is checked against the project-level JSON: when the
   pin is the latest release, its `vulnerabilities` are exactly ours; a yanked pin fails too.
   A pin older than the latest release cannot be checked there: it is listed, never hidden
   (`make lock` after an upgrade brings it back into view).

Exit status 1 on any known vulnerability or yanked pin, 2 when the audit itself could not run.
Why and how: docs/deployment.md ("Dépendances").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
PROJECT_URL = "https://pypi.org/pypi/{name}/json"


def pins(paths: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            match = PIN.match(line)
            if match:
                found[canonical(match.group(1))] = match.group(2)
    return found


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_audit(paths: list[str]) -> dict[str, Any]:
    command = [
        str(Path(sys.executable).with_name("pip-audit")),
        "--vulnerability-service",
        "pypi",
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--format",
        "json",
    ]
    for path in paths:
        command += ["-r", path]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode not in (0, 1) or not done.stdout.strip():
        sys.stderr.write(done.stderr)
        raise SystemExit(2)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def project(name: str) -> dict[str, Any]:
    for attempt in range(3):
        try:
            with urllib.request.urlopen(PROJECT_URL.format(name=name), timeout=30) as response:  # noqa: S310
                data: dict[str, Any] = json.load(response)
                return data
        except (urllib.error.URLError, TimeoutError) as exc:
            if attempt == 2:
                print(f"PyPI ne répond pas pour {name} : {exc}", file=sys.stderr)
                raise SystemExit(2) from exc
            time.sleep(2 * (attempt + 1))
    raise SystemExit(2)


def describe(vuln: dict[str, Any]) -> str:
    fixed = ", ".join(vuln.get("fixed_in") or vuln.get("fix_versions") or []) or "aucune"
    ids = " / ".join([vuln.get("id", "?"), *vuln.get("aliases", [])])
    return f"{ids} (corrigée en : {fixed})"


def main(paths: list[str]) -> int:
    pinned = pins(paths)
    report = pip_audit(paths)
    problems: list[str] = []
    unchecked: list[str] = []
    audited = by_latest = 0
    skipped = [canonical(dependency["name"]) for dependency in report["dependencies"] if "skip_reason" in dependency]
    with ThreadPoolExecutor(max_workers=8) as pool:
        projects = dict(zip(skipped, pool.map(project, skipped), strict=True))
    for dependency in report["dependencies"]:
        name = canonical(dependency["name"])
        version = dependency.get("version") or pinned.get(name, "?")
        if "skip_reason" not in dependency:
            audited += 1
            problems += [f"{name} {version} : {describe(vuln)}" for vuln in dependency.get("vulns", [])]
            continue
        data = projects[name]
        files = data.get("releases", {}).get(version, [])
        if files and all(file.get("yanked") for file in files):
            reason = files[0].get("yanked_reason") or "sans raison donnée"
            problems.append(f"{name} {version} : version retirée de PyPI ({reason})")
        if data["info"]["version"] == version:
            by_latest += 1
            problems += [f"{name} {version} : {describe(vuln)}" for vuln in data.get("vulnerabilities", [])]
        else:
            unchecked.append(f"{name} {version} (dernière : {data['info']['version']})")
    print(
        f"{len(report['dependencies'])} dépendances : {audited} vérifiées par pip-audit, "
        f"{by_latest} par la fiche PyPI de leur dernière version."
    )
    if unchecked:
        print(
            f"{len(unchecked)} version(s) antérieure(s) à la dernière, non vérifiables d'ici : " + ", ".join(unchecked)
        )
    if problems:
        print("Vulnérabilités connues dans les versions épinglées :", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print("Mettez à jour pyproject.toml puis `make lock`.", file=sys.stderr)
        return 1
    print("Aucune vulnérabilité connue dans les versions épinglées.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["requirements/base.txt", "requirements/dev.txt"]))
