from collections.abc import Callable

from essaim.accounts.staff import STAFF_GROUP, staff_group_update
from essaim.core.registries import reference_loaders


# Last: every app's models (and so their permissions) are known by then.
@reference_loaders.register("droits de l'équipe de la CRESS", order=99)
def load(log: Callable[[str], None]) -> None:
    group = staff_group_update()
    log(f"  Groupe « {STAFF_GROUP} » : {group.permissions.count()} permissions, {group.user_set.count()} membres.")
