"""The one registry shape every app plugs into."""

from essaim.core.registries import Registry, account_links, demo_loaders, modules, reference_loaders


def test_entries_are_read_by_order_then_name():
    registry: Registry[str] = Registry()
    registry.add("b", "second", order=10)
    registry.add("a", "first", order=10)
    registry.add("z", "before all", order=1)
    assert registry.ordered() == ["before all", "first", "second"]
    assert registry.items()[0] == ("z", "before all")


def test_registering_a_name_again_replaces_it_instead_of_duplicating_it():
    registry: Registry[str] = Registry()
    registry.add("catalogue", "old", order=10)
    registry.add("catalogue", "new", order=10)
    assert registry.ordered() == ["new"]
    assert "catalogue" in registry
    assert registry.get("catalogue") == "new"


def test_decorator_registers_the_function_and_returns_it_unchanged():
    registry: Registry[object] = Registry()

    @registry.register("loader", order=5)
    def load() -> None:
        pass

    assert registry.get("loader") is load


def test_running_the_apps_ready_again_registers_nothing_twice():
    from django.apps import apps

    before = (len(modules.ordered()), len(account_links.ordered()), len(demo_loaders.ordered()))
    for config in apps.get_app_configs():
        if config.name.startswith("essaim."):
            config.ready()
    after = (len(modules.ordered()), len(account_links.ordered()), len(demo_loaders.ordered()))
    assert after == before


def test_referentials_load_before_the_modules_that_point_to_them():
    names = [name for name, _load in reference_loaders.items()]
    assert names.index("territoires") < names.index("rôles des structures") < names.index("taxonomies du catalogue")
