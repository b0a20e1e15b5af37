"""Who may import whom (docs/architecture.md), read from the source with `ast`.

Every import counts, wherever it is written (top of module, inside a function, under
TYPE_CHECKING): a lazy import is still a dependency.

- `core` knows no app.
- The referentials know no business module: `territories` uses only `core`; `accounts` uses
  `core` and `territories`; `organisations` uses `core`, `accounts` and `territories`.
- `places` (tiers-lieux and PTCE) is a layer the observatory shows on its map and territory
  pages: it uses `core` and the referentials, and any business module may read it (its `queries`).
- `referrals` (support requests) is a shared service: it uses `core` and the referentials, and
  business modules reach it only through its public modules (`services`, `links`), the way the
  issue puts it ("the catalogue, the diagnostic and later modules use it through its public
  service"). What it needs from them (the catalogue's needs, offers that answer a need) comes
  through registries.
- A business module does not import another business module. Where many modules feed one consumer
  (the header, the home page's figures, the platform metrics), they register into a registry of
  `core` (`essaim/core/registries.py`) instead.
- `api` is a thin layer over the modules: it may import any of them, and none imports it.
- The view modules of an app do not import each other: shared view helpers live in a module of
  their own (`views/common.py`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ESSAIM = Path(__file__).resolve().parent.parent / "essaim"

REFERENTIALS = {"territories", "accounts", "organisations"}
BUSINESS_MODULES = {"catalog", "strategy", "meetings", "diagnostics", "observatory", "esspresso"}
# Shared services: what they may use, and the only modules of theirs others may import.
SHARED_SERVICES = {"referrals": {"essaim.referrals.services", "essaim.referrals.links"}}
# What each referential (and core) may use, besides itself.
MAY_USE = {
    "core": set(),
    "territories": {"core"},
    "accounts": {"core", "territories"},
    "organisations": {"core", "accounts", "territories"},
    "places": {"core", "territories", "organisations"},
    "referrals": {"core", "accounts", "territories", "organisations"},
}
# Modules of a `views` package that hold shared helpers rather than views (so do names starting
# with "_"): every view module may import them.
SHARED_VIEW_HELPERS = {"common"}


def _module_name(path: Path, root: Path = ESSAIM) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = ESSAIM) -> set[str]:
    """Every essaim module `path` imports, relative imports resolved."""
    package = _module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            # `from essaim.catalog import models` imports the submodule `essaim.catalog.models`.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "essaim" or name.startswith("essaim.")}


def _app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _sources(app: str) -> list[Path]:
    return sorted((ESSAIM / app).rglob("*.py"))


def _apps_imported(path: Path) -> set[str]:
    own = path.relative_to(ESSAIM).parts[0]
    return {_app_of(module) for module in imported_modules(path)} - {own, ""}


APPS = sorted(path.parent.name for path in ESSAIM.glob("*/apps.py"))


def test_the_rules_know_every_app():
    """A new app must be placed in the rules before it can import anything."""
    known = set(MAY_USE) | BUSINESS_MODULES | {"api"}
    assert set(APPS) <= known, f"Place {sorted(set(APPS) - known)} in tests/test_architecture.py"


@pytest.mark.parametrize("app", sorted(MAY_USE))
def test_core_and_referentials_import_only_what_lies_beneath_them(app):
    wrong = {
        f"{path.relative_to(ESSAIM)} imports {sorted(_apps_imported(path) - MAY_USE[app])}"
        for path in _sources(app)
        if _apps_imported(path) - MAY_USE[app]
    }
    assert not wrong, sorted(wrong)


def test_other_apps_use_a_shared_service_only_through_its_public_modules():
    wrong = set()
    for service, public in SHARED_SERVICES.items():
        for app in sorted(set(APPS) - {service}):
            for path in _sources(app):
                for module in imported_modules(path):
                    if _app_of(module) != service or module == f"essaim.{service}":
                        continue
                    if not any(module == allowed or module.startswith(f"{allowed}.") for allowed in public):
                        wrong.add(f"{path.relative_to(ESSAIM)} imports {module}")
    assert not wrong, sorted(wrong)


@pytest.mark.parametrize("app", sorted(BUSINESS_MODULES & set(APPS)))
def test_business_modules_do_not_import_one_another(app):
    wrong = {
        f"{path.relative_to(ESSAIM)} imports {sorted(_apps_imported(path) & (BUSINESS_MODULES | {'api'}))}"
        for path in _sources(app)
        if _apps_imported(path) & (BUSINESS_MODULES | {"api"})
    }
    assert not wrong, sorted(wrong)


def sibling_views_imported(path: Path) -> set[str]:
    """The view modules next to `path` (in the same `views` package) that it imports."""
    package = _module_name(path.parent)
    siblings = set()
    for module in imported_modules(path):
        if module.startswith(f"{package}."):
            name = module.removeprefix(f"{package}.").split(".")[0]
            if name != path.stem and name not in SHARED_VIEW_HELPERS and not name.startswith("_"):
                siblings.add(name)
    return siblings


def test_view_modules_do_not_import_a_sibling_view_module():
    wrong = set()
    for path in sorted(ESSAIM.glob("*/views/*.py")):
        if path.name == "__init__.py":
            continue  # the package gathers its views for urls.py
        for name in sibling_views_imported(path):
            wrong.add(f"{path.relative_to(ESSAIM)} imports views/{name}.py")
    assert not wrong, sorted(wrong)


def test_the_import_reader_sees_lazy_and_relative_imports(tmp_path):
    """The oracle of the rules above: an import inside a function or a relative one is seen."""
    package = tmp_path / "essaim" / "territories"
    package.mkdir(parents=True)
    source = package / "things.py"
    source.write_text(
        "from . import models\n"
        "from ..core.text import normalise\n"
        "def later():\n"
        "    from essaim.catalog.models import Offer\n"
        "    import essaim.strategy\n"
    )
    assert imported_modules(source, root=tmp_path / "essaim") >= {
        "essaim.territories.models",
        "essaim.core.text",
        "essaim.catalog.models",
        "essaim.strategy",
    }


def test_production_code_has_no_assert():
    """An assert vanishes under `python -O` and turns a user's mistake into a 500: a rule that
    matters raises a named error with a message instead."""
    found = [
        f"{path.relative_to(ESSAIM)}:{node.lineno}"
        for path in sorted(ESSAIM.rglob("*.py"))
        if "migrations" not in path.parts
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if isinstance(node, ast.Assert)
    ]
    assert not found, found


WRITE_METHODS = {"create", "bulk_create", "get_or_create", "update_or_create", "delete", "save"}


def test_views_write_only_through_services():
    """A view parses, checks permission and calls a service: the write, its history and its
    e-mails stay in one place (`form.save(commit=False)`, which writes nothing, is allowed)."""
    found = []
    for path in sorted([*ESSAIM.glob("*/views.py"), *ESSAIM.glob("*/views/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in WRITE_METHODS:
                continue
            commit = next((kw.value for kw in node.keywords if kw.arg == "commit"), None)
            if node.func.attr == "save" and isinstance(commit, ast.Constant) and commit.value is False:
                continue
            found.append(f"{path.relative_to(ESSAIM)}:{node.lineno} .{node.func.attr}()")
    assert not found, found
