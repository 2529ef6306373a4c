"""The editorial roles, as Django groups (created by migration 0012), and what each may do.

- viewer: reads the admin (every record, history included), changes nothing;
- editor: imports articles, creates and edits drafts, actors, places, sources and statements; proposes;
- reviewer: what an editor does, and publishes, unpublishes, deletes and merges actors and places;
- administrator: everything, user accounts included.

Publishing is the reviewer's permission `incidents.publish_incident`. An editor's change to a published
incident goes back to review: the incident is saved as a draft, and a reviewer publishes it again. The rule is
written once, `publishing_status`, and every way of saving an incident asks it: the admin's change form and
its history's revert (IncidentAdmin.save_model), the API (IncidentWriteMixin), the import's review
(services.import_confirm) and the publish action and the CLI's --publish (services.incidents_publish).
"""
from django.utils.translation import gettext_lazy as _

# Models the editors work on (the history tables and the facts are written by the app, never by hand).
EDITED = ("incident", "incidentactor", "incidentsource", "actor", "location", "source", "statement",
          "statementincident", "importdraft")
PUBLISH = "publish_incident"
# Merging two actors or two places, and undoing a merge (incidents.merging; migration 0013).
MERGE = ("merge_actor", "merge_location")


def codenames(role, models=EDITED):
    """Return the codenames (app incidents) of the permissions of `role`; the administrator's are not listed."""
    view = {f"view_{model}" for model in models}
    edit = {f"{action}_{model}" for model in models for action in ("add", "change")}
    delete = {f"delete_{model}" for model in models}
    return {
        "viewer": view,
        "editor": view | edit,
        "reviewer": view | edit | delete | {PUBLISH, *MERGE},
    }[role]


def may_merge(user, model_name):
    """May `user` merge two rows of `model_name` ("actor" or "location"), and undo such a merge?"""
    return user is not None and user.has_perm(f"incidents.merge_{model_name}")


def may_publish(user):
    """May `user` publish (None: the system itself, e.g. an operator's command)?"""
    return user is None or user.has_perm(f"incidents.{PUBLISH}")


# What a user who may not publish is told when they asked to publish (the API's 403, the publish action).
REFUSED = _("Only reviewers publish incidents (incidents.publish_incident).")
# What an editor is told when their change to a published incident was saved as a draft.
HELD = _("Saved as a draft: only reviewers publish, so a reviewer will publish “%(incident)s”.")


class PublishingRefused(Exception):
    """A user who may not publish asked to publish: nothing is saved."""

    def __init__(self):
        self.message = str(REFUSED)
        super().__init__(self.message)


def publishing_status(user, status, *, requested=False):
    """The one rule of publishing: return the status an incident is saved with when `user` saves it as `status`.

    Only reviewers publish (`may_publish`). When someone else saves an incident as published, either they
    asked for it (`requested`: an API client sending "status": "published", the publish action), and they
    are refused (PublishingRefused, nothing saved), or it was published already and they changed it (the
    admin's form or revert, an API update without a status, an import's review), and it goes back to review:
    the returned status is a draft. Any other status is returned as it is.
    """
    from .models import Status

    if status != Status.PUBLISHED or may_publish(user):
        return status
    if requested:
        raise PublishingRefused()
    return Status.DRAFT


ROLES = ("viewer", "editor", "reviewer", "administrator")


def ensure_groups(group_model, permission_model):
    """Make the four groups exist with exactly their permissions (idempotent).

    Run by migration 0012 and after every migrate (incidents.apps): a permission added later reaches its
    groups, and a flushed database (a test's) gets them back.
    """
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        if role == "administrator":
            permissions = permission_model.objects.filter(content_type__app_label__in=["incidents", "auth"])
        else:
            permissions = permission_model.objects.filter(content_type__app_label="incidents", codename__in=codenames(role))
        group.permissions.set(permissions)
