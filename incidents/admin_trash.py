"""The admin's trash: deleting puts a record in the trash, the lists' trash filter opens it, reviewers restore.

TrashAdminMixin goes first among a ModelAdmin's bases (before SimpleHistoryAdmin). It makes the admin's
delete view and "delete selected" action soft deletions (incidents.trash), adds the trash filter ("in the
trash"), the "Restore" action and a per-record Restore button, keeps deletion out of ordinary saves and of
reverts from the history (a revert goes through the change form's validation, permissions and save_model),
and records a revert's version in the history's change reason.
"""
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import trash
from .admin_checks import CheckedListFilter

TRASH_PARAMETER = "trash"
# The admin views that show a record in the trash: the list (filtered), the record (read-only, with its
# Restore button), its history, and the restore itself. Autocomplete, delete and add see only live rows.
TRASH_VIEWS = ("changelist", "change", "history", "simple_history", "restore")


class TrashFilter(CheckedListFilter):
    """By trash: the records not deleted (by default), or those in the trash."""

    title = _("trash")
    parameter_name = TRASH_PARAMETER

    def lookups(self, request, model_admin):
        return [("deleted", _("in the trash"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("not deleted"),
        }
        for value, title in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.filter(deleted_at__isnull=True)
        self.checked_value()
        return queryset.filter(deleted_at__isnull=False)


class TrashAdminMixin:
    delete_confirmation_template = "admin/incidents/trash_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/incidents/trash_delete_selected_confirmation.html"

    # --- What the admin sees -------------------------------------------------------------------

    def _shows_trash(self, request):
        match = getattr(request, "resolver_match", None)
        prefix = f"{self.opts.app_label}_{self.opts.model_name}_"
        return match is not None and match.url_name in {prefix + view for view in TRASH_VIEWS}

    def get_queryset(self, request):
        if not self._shows_trash(request):
            return super().get_queryset(request)
        # ModelAdmin.get_queryset, from the manager that includes the trash (subclasses annotate after).
        queryset = self.model.all_objects.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_list_filter(self, request):
        return [TrashFilter, *super().get_list_filter(request)]

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if request.GET.get(TRASH_PARAMETER) == "deleted":
            columns += ["deleted_at", "deleted_by"]
        return columns

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.GET.get(TRASH_PARAMETER) != "deleted":
            return actions
        # In the trash, restoring is the one action (publishing a deleted incident would be a mistake).
        restore = {"restore_selected": self.get_action("restore_selected")}
        return restore if self.has_restore_permission(request) else {}

    def _trash_field(self, request):
        return "trash_state_restorable" if self.has_restore_permission(request) else "trash_state"

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.is_deleted:
            return [(_("In the trash"), {"fields": [self._trash_field(request)]}), *fieldsets]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, self._trash_field(request)] if obj is not None and obj.is_deleted else fields

    @admin.display(description=_("deleted"))
    def trash_state(self, obj):
        who = obj.deleted_by.get_username() if obj.deleted_by else gettext("an import or a script")
        return gettext("Deleted by %(who)s on %(when)s. It is hidden everywhere until a reviewer restores it.") % {
            "who": who,
            "when": date_format(obj.deleted_at, "DATETIME_FORMAT"),
        }

    @admin.display(description=_("deleted"))
    def trash_state_restorable(self, obj):
        # A button of the change form (read-only in the trash), posted to the restore view.
        url = reverse(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_restore", args=[obj.pk])
        return format_html(
            '{} <button type="submit" class="button" formaction="{}" name="_restore">{}</button>',
            self.trash_state(obj),
            url,
            gettext("Restore"),
        )

    # --- Permissions: a record in the trash is read-only until a reviewer restores it ------------

    def has_change_permission(self, request, obj=None):
        if obj is not None and getattr(obj, "is_deleted", False):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and getattr(obj, "is_deleted", False):
            return False
        return super().has_delete_permission(request, obj)

    def has_restore_permission(self, request):
        return super().has_delete_permission(request)

    # --- Deleting ------------------------------------------------------------------------------

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        perms_needed = set() if super().has_delete_permission(request) else {str(self.opts.verbose_name)}
        protected = [f"{obj}: {reason}" for obj in objs for reason in trash.blockers(obj)]
        return [str(obj) for obj in objs], {self.opts.verbose_name_plural: len(objs)}, perms_needed, protected

    def delete_model(self, request, obj):
        trash.soft_delete(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset.order_by("pk"):
                trash.soft_delete(obj, user=request.user)

    # --- Restoring -----------------------------------------------------------------------------

    @admin.action(description=_("Restore the selected records from the trash"), permissions=["restore"])
    def restore_selected(self, request, queryset):
        try:
            with transaction.atomic():
                rows = list(queryset.filter(deleted_at__isnull=False).order_by("pk"))
                for obj in rows:
                    trash.restore(obj, user=request.user)
        except ValidationError as error:
            reason = " ".join(error.messages)
            self.message_user(request, _("Nothing was restored: %(reason)s") % {"reason": reason}, messages.ERROR)
            return
        self.message_user(request, _("%(count)d restored from the trash.") % {"count": len(rows)})

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/restore/", self.admin_site.admin_view(self.restore_view), name="%s_%s_restore" % info
            ),
            *super().get_urls(),
        ]

    def restore_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_restore_permission(request):
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=self.opts.pk.to_python(object_id))
        try:
            trash.restore(obj, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, _("“%(row)s” was restored from the trash.") % {"row": obj}, messages.SUCCESS)
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", obj.pk)

    # --- Saving and reverting ------------------------------------------------------------------

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history saves a posted revert with the view permission alone: a revert is a change, so it
        # needs the change permission of the record as it is now (none for a record in the trash).
        if request.method == "POST":
            try:
                current = self.model.all_objects.filter(pk=self.opts.pk.to_python(unquote(object_id))).first()
            except ValidationError:
                raise Http404("No such record.") from None
            if current is None or not self.has_change_permission(request, current):
                raise PermissionDenied
            # One transaction: the form's checks (an incident's edit lock, SELECT … FOR UPDATE) and the save.
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if change and obj.pk is not None:
            # Only deleting and restoring move a record in or out of the trash: not a save, nor a revert to a
            # version that was (or was not) in it.
            stored = type(obj).all_objects.filter(pk=obj.pk).values_list("deleted_at", "deleted_by").first()
            if stored is not None:
                obj.deleted_at, obj.deleted_by_id = stored
        version = reverted_version(request)
        if version is not None:
            obj._change_reason = gettext("reverted to the version of history record %(version)s") % {
                "version": version
            }
            links = getattr(request, "reverted_links", 0)
            if links:
                obj._change_reason += " " + gettext("(and %(count)d changes to its actors and evidence)") % {
                    "count": links
                }
        super().save_model(request, obj, form, change)


def reverted_version(request):
    """Return the history id that `request` reverts to (the history's revert form posted), or None."""
    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None or not match.url_name.endswith("_simple_history"):
        return None
    return match.args[-1] if match.args else match.kwargs.get("version_id")
