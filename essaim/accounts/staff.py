"""The CRESS team's permissions: one group, "Équipe de la CRESS", that every staff account joins.

Its permissions are computed from the installed models each time `setup_reference` runs, so a model
added later is covered without anyone ticking boxes in the admin:
- every model of the platform's own apps may be viewed, added, changed and deleted;
- records (history, measurements, loaded reference datasets) are only read: they are evidence;
- of the third-party apps, the login lock-outs, the admin log and the task results are read,
  and a lock-out may be deleted (that is how an account is unlocked);
- users' groups and permissions, sessions and content types are never given: a staff member must
  not be able to raise their own rights. Superusers keep every right.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from essaim.accounts.models import User

STAFF_GROUP = "Équipe de la CRESS"
PLATFORM_PACKAGE = "essaim."
# (app label, model name) of the platform's models that are records, read and never edited.
RECORDS = {
    ("core", "historyentry"),
    ("core", "referencedataset"),
    ("catalog", "searchlog"),
    ("catalog", "offerevent"),
}
# Third-party apps whose entries staff read to help people (locked accounts, failed e-mails).
READ_ONLY_APPS = {"admin", "axes", "django_tasks_database"}
EXTRA = {("axes", "accessattempt"): {"delete"}}


def staff_actions(app_label: str, model_name: str) -> set[str]:
    """What the CRESS team may do on a model: a subset of add, change, delete, view."""
    config = apps.get_app_config(app_label)
    if config.name.startswith(PLATFORM_PACKAGE):
        return {"view"} if (app_label, model_name) in RECORDS else {"add", "change", "delete", "view"}
    if app_label in READ_ONLY_APPS:
        return {"view"} | EXTRA.get((app_label, model_name), set())
    return set()


def staff_permissions() -> list[Permission]:
    """The permissions of the CRESS team, for the models installed now."""
    wanted = []
    for model in apps.get_models():
        meta = model._meta
        for action in staff_actions(meta.app_label, meta.model_name or ""):
            wanted.append((meta.app_label, f"{action}_{meta.model_name}"))
    labels = {f"{app}.{codename}" for app, codename in wanted}
    permissions = Permission.objects.select_related("content_type").filter(
        codename__in={codename for _app, codename in wanted}
    )
    return [p for p in permissions if f"{p.content_type.app_label}.{p.codename}" in labels]


@transaction.atomic
def staff_group_update() -> Group:
    """Create the CRESS team's group if needed, give it exactly its permissions, and put every
    active staff account in it. Idempotent."""
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.set(staff_permissions())
    for user in User.objects.filter(is_staff=True, is_active=True).exclude(groups=group):
        user.groups.add(group)
    return group


@transaction.atomic
def staff_member_add(*, user: Any) -> None:
    """Make this account a member of the CRESS team: staff status and the team's group."""
    group = Group.objects.filter(name=STAFF_GROUP).first() or staff_group_update()
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(group)
