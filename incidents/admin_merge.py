"""The admin's merge of two actors or two places, and its undo (the logic is incidents.merging).

Two rows selected in the Actors or Locations list → action "Merge…" → a page that shows both, what each
would bring to the other, and lets the reviewer choose the one kept. The merges are listed under "Actor
merges" and "Place merges", each with an "Undo merge" page. Reviewers and administrators only (the
permissions merge_actor and merge_location, incidents.roles).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import merging, roles
from .models import ActorMerge, LocationMerge


def _url_name(model, view):
    return f"incidents_{model._meta.model_name}_{view}"


class MergeActionMixin:
    """For the Actor and Location admins: the "Merge…" action and its confirmation page."""

    actions = ["merge_two"]

    def has_merge_permission(self, request):
        return roles.may_merge(request.user, self.opts.model_name)

    @admin.action(description=_("Merge the two selected…"), permissions=["merge"])
    def merge_two(self, request, queryset):
        ids = sorted(queryset.values_list("pk", flat=True)[:3])
        if len(ids) != 2:
            self.message_user(request, gettext("Select exactly two to merge."), messages.ERROR)
            return None
        url = reverse(f"admin:{_url_name(self.model, 'merge')}")
        return redirect(f"{url}?{urlencode({'ids': ','.join(map(str, ids))})}")

    def get_urls(self):
        return [
            path("merge/", self.admin_site.admin_view(self.merge_view), name=_url_name(self.model, "merge")),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        if not self.has_merge_permission(request):
            raise PermissionDenied
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        raw = (request.POST if request.method == "POST" else request.GET).get("ids", "")
        parts = [part for part in raw.split(",") if part.strip().isdigit()]
        rows = list(self.model.objects.filter(pk__in=[int(part) for part in parts]).order_by("pk"))
        if len(parts) != 2 or len(rows) != 2:
            self.message_user(
                request, gettext("Select exactly two to merge (a merged one is not listed any more)."), messages.ERROR
            )
            return redirect(f"admin:{_url_name(self.model, 'changelist')}")
        first, second = rows
        errors = []
        if request.method == "POST":
            keep = request.POST.get("keep", "")
            if keep not in (str(first.pk), str(second.pk)):
                errors.append(gettext("Choose the one to keep."))
            else:
                kept, merged = (first, second) if keep == str(first.pk) else (second, first)
                try:
                    record = merging.merge(kept=kept, merged=merged, user=request.user)
                except ValidationError as error:
                    errors.extend(error.messages)
                else:
                    undo = reverse(f"admin:{_url_name(type(record), 'undo')}", args=[record.pk])
                    self.message_user(
                        request,
                        format_html(
                            gettext(
                                "“{}” was merged into “{}”: {} links moved, {} repeats removed, {} names added as "
                                'aliases. <a href="{}">Undo merge</a>'
                            ),
                            merged,
                            kept,
                            record.summary["moved"],
                            record.summary["removed"],
                            len(record.aliases_added),
                            undo,
                        ),
                        messages.SUCCESS,
                    )
                    return redirect(f"admin:{_url_name(self.model, 'change')}", kept.pk)
        choices = []
        for kept, merged in ((first, second), (second, first)):
            choices.append(
                {
                    "kept": kept,
                    "merged": merged,
                    "moves": merging.preview(kept, merged),
                    "aliases": merging.aliases_to_add(kept, merged),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Merge two %(models)s") % {"models": self.opts.verbose_name_plural},
            "rows": rows,
            "choices": choices,
            "ids": f"{first.pk},{second.pk}",
            "keep": request.POST.get("keep", "") if request.method == "POST" else "",
            "errors": errors,
        }
        return TemplateResponse(request, "admin/incidents/merge_confirm.html", context)


class MergeRecordAdmin(admin.ModelAdmin):
    """The merges of one model: read-only, each with its "Undo merge" page (merge permission)."""

    list_display = ["__str__", "created_by", "created_at", "moved", "aliases", "undone", "undo_link"]
    list_select_related = ["kept", "merged", "created_by", "undone_by"]
    readonly_fields = [
        "kept",
        "merged",
        "created_by",
        "created_at",
        "aliases_added",
        "summary",
        "undone_by",
        "undone_at",
    ]
    fields = readonly_fields
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]

    def _may(self, request):
        return roles.may_merge(request.user, self.model.kept.field.related_model._meta.model_name)

    def has_view_permission(self, request, obj=None):
        return self._may(request)

    def has_module_permission(self, request):
        return self._may(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("links moved / repeats removed"))
    def moved(self, obj):
        return f"{obj.summary.get('moved', 0)} / {obj.summary.get('removed', 0)}"

    @admin.display(description=_("aliases added"))
    def aliases(self, obj):
        return " · ".join(obj.aliases_added)

    @admin.display(description=_("undone"))
    def undone(self, obj):
        if obj.undone_at is None:
            return "–"
        who = obj.undone_by.get_username() if obj.undone_by else "?"
        return f"{who} · {obj.undone_at:%Y-%m-%d %H:%M}"

    @admin.display(description=_("undo"))
    def undo_link(self, obj):
        if obj.undone_at is not None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', reverse(f"admin:{_url_name(self.model, 'undo')}", args=[obj.pk]), _("Undo merge")
        )

    def get_urls(self):
        return [
            path(
                "<int:record_id>/undo/", self.admin_site.admin_view(self.undo_view), name=_url_name(self.model, "undo")
            ),
            *super().get_urls(),
        ]

    def undo_view(self, request, record_id):
        if not self._may(request):
            raise PermissionDenied
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        record = get_object_or_404(self.model.objects.select_related("kept", "merged"), pk=record_id)
        errors = []
        if request.method == "POST":
            try:
                merging.undo(record=record, user=request.user)
            except ValidationError as error:
                errors = error.messages
            else:
                self.message_user(
                    request,
                    gettext(
                        "The merge is undone: “%(merged)s” is back with its links, and “%(kept)s” lost the aliases "
                        "it took."
                    )
                    % {"merged": record.merged, "kept": record.kept},
                    messages.SUCCESS,
                )
                return redirect(f"admin:{_url_name(self.model, 'changelist')}")
        else:
            errors = merging.undo_problems(record)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Undo merge"),
            "record": record,
            "errors": errors,
        }
        return TemplateResponse(request, "admin/incidents/merge_undo.html", context)


@admin.register(ActorMerge)
class ActorMergeAdmin(MergeRecordAdmin):
    pass


@admin.register(LocationMerge)
class LocationMergeAdmin(MergeRecordAdmin):
    pass
