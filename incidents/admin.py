"""The editors' admin: every model, searchable in Arabic and English, with map widgets and history."""
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.gis.geos import GEOSGeometry
from django.contrib.postgres.aggregates import StringAgg
from django.core.exceptions import ValidationError
from django.db.models import Func, OuterRef, Subquery, TextField, URLField, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletAdminWidget, LeafletGeoAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from . import admin_import, locking, reverting, roles, services
from .admin_checks import CheckedListFilter, CheckedRequestAdmin, KeyAutocompleteMixin
from .admin_merge import MergeActionMixin
from .admin_trash import TrashAdminMixin, reverted_version
from .models import (
    Actor,
    ImportDraft,
    ImportDraftStatus,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    Source,
    Statement,
    StatementIncident,
    Status,
)


class ArrayToString(Func):
    function = "array_to_string"
    template = "%(function)s(%(expressions)s)"
    output_field = TextField()


class NamedAdmin(TrashAdminMixin, CheckedRequestAdmin, SimpleHistoryAdmin):
    """Admin for models with English and Arabic names and an alias list."""

    search_fields = ["name_en", "name_ar", "aliases_text", "slug"]

    def get_queryset(self, request):
        # Aliases are an array: search them as one joined string so `icontains` matches inside it.
        return (
            super()
            .get_queryset(request)
            .annotate(aliases_text=Coalesce(ArrayToString("aliases", Value(" | ")), Value(""), output_field=TextField()))
        )

    @admin.display(description=_("aliases"))
    def aliases_list(self, obj):
        return " · ".join(obj.aliases)


class CountryFilter(CheckedListFilter):
    title = _("country")
    parameter_name = "country"
    field_path = "country_code"

    def lookups(self, request, model_admin):
        return [
            (location.country_code, str(location))
            for location in Location.objects.countries().order_by("name_en")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field_path: self.checked_value()})
        return queryset


class IncidentCountryFilter(CountryFilter):
    field_path = "location__country_code"


class GovernorateFilter(CheckedListFilter):
    title = _("governorate")
    parameter_name = "governorate"
    field_path = "governorate"

    def lookups(self, request, model_admin):
        return [(str(location.pk), str(location)) for location in Location.objects.governorates()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.field_path}_id": self.checked_value()})
        return queryset


class IncidentGovernorateFilter(GovernorateFilter):
    field_path = "location__governorate"


class MapWidget(LeafletAdminWidget):
    """django-leaflet's admin map widget, which never writes the geometry as WKT."""

    def format_value(self, value):
        # Django's Widget puts str(geometry), its WKT, in the context (the template shows only the
        # GeoJSON): GEOS 3.11 aborts the process writing a huge coordinate as WKT (see the geo module).
        return self.serialize(value) if isinstance(value, GEOSGeometry) else super().format_value(value)


class MapWidgetAdmin(LeafletGeoAdminMixin):
    """Edit points on django-leaflet's map widget, drawn over Marsad's offline outline of the region."""

    widget = MapWidget

    class Media:
        js = [forms.Script("incidents/basemap.js", **{"data-marsad-admin-widgets": ""})]


@admin.register(Location)
class LocationAdmin(MergeActionMixin, MapWidgetAdmin, NamedAdmin):
    list_display = ["name_en", "name_ar", "kind", "country_code", "governorate", "geo_precision", "geonames_id", "pcode"]
    list_filter = ["kind", CountryFilter, GovernorateFilter, "geo_precision"]
    list_select_related = ["governorate"]
    search_fields = NamedAdmin.search_fields + ["pcode", "=geonames_id"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["governorate"]
    fieldsets = [
        (None, {"fields": [("name_en", "name_ar"), "aliases", "kind", "slug"]}),
        (_("Place"), {"fields": ["parent", "governorate", "country_code", "point", "geo_precision"]}),
        (_("External ids and notes"), {"fields": [("geonames_id", "pcode"), "notes"]}),
    ]


@admin.register(Actor)
class ActorAdmin(MergeActionMixin, NamedAdmin):
    list_display = ["name_en", "name_ar", "kind", "parent", "country_code", "aliases_list"]
    list_filter = ["kind", "country_code"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": [("name_en", "name_ar"), "aliases", "kind", "slug"]}),
        (_("Belongs to"), {"fields": ["parent", "country_code", "description"]}),
    ]


class IncidentActorInline(KeyAutocompleteMixin, admin.TabularInline):
    model = IncidentActor
    extra = 1
    autocomplete_fields = ["actor"]


class IncidentSourceInline(KeyAutocompleteMixin, admin.StackedInline):
    model = IncidentSource
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "excerpt", ("start_offset", "end_offset")]


class IncidentStatementInline(KeyAutocompleteMixin, admin.TabularInline):
    model = StatementIncident
    fk_name = "incident"
    extra = 0
    autocomplete_fields = ["statement"]
    verbose_name = _("statement about this incident")
    verbose_name_plural = _("statements about this incident")


def review_trail(incident):
    """Say who drafted `incident` and when, and who last published it and when, from its history."""
    history = incident.history.select_related("history_user").order_by("history_id")
    first = history.first()
    published = None
    previous_status = None
    for record in history:
        if record.status == Status.PUBLISHED and previous_status != Status.PUBLISHED:
            published = record
        previous_status = record.status

    def who(record):
        return record.history_user.get_username() if record.history_user else str(_("an import or a script"))

    parts = []
    if first is not None:
        when = date_format(first.history_date, "DATETIME_FORMAT")
        parts.append(_("Drafted by %(who)s on %(when)s.") % {"who": who(first), "when": when})
    if incident.status == Status.PUBLISHED and published is not None:
        when = date_format(published.history_date, "DATETIME_FORMAT")
        parts.append(_("Published by %(who)s on %(when)s.") % {"who": who(published), "when": when})
    elif incident.status != Status.PUBLISHED:
        parts.append(str(_("Not published: waiting for a reviewer.")))
    return " ".join(parts)


class IncidentAdminForm(forms.ModelForm):
    """The incident's change form, which remembers the version it was opened at (optimistic locking).

    Saving checks it against the stored version, with the row locked for the save's transaction (the admin
    saves in one): a second editor who opened the same incident before the first one saved is refused,
    with who changed what since (incidents.locking), and nothing of theirs is saved.
    """

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opened_history = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            version, history_id = locking.current_state(self.instance.pk)
            self.fields["opened_version"].initial = version
            self.fields["opened_history"].initial = history_id

    def clean(self):
        data = super().clean()
        # A form posted without the hidden fields (not one the admin rendered) is not checked.
        if self.instance.pk and data.get("opened_version") is not None:
            try:
                locking.check(self.instance.pk, data["opened_version"], data.get("opened_history") or 0)
            except locking.EditConflict as conflict:
                raise ValidationError(conflict.message(), code="edit_conflict") from None
        return data


@admin.register(Incident)
class IncidentAdmin(MapWidgetAdmin, TrashAdminMixin, CheckedRequestAdmin, SimpleHistoryAdmin):
    form = IncidentAdminForm
    list_display = [
        "date_start",
        "title",
        "title_ar",
        "event_type",
        "sub_event_type",
        "location_en",
        "location_ar",
        "count",
        "killed_best",
        "verification",
        "status",
    ]
    list_filter = [
        "status",
        "verification",
        "event_type",
        "sub_event_type",
        IncidentCountryFilter,
        IncidentGovernorateFilter,
        "weapon",
        "outcome",
    ]
    list_select_related = ["location"]
    date_hierarchy = "date_start"
    search_fields = [
        "title",
        "title_ar",
        "description",
        "location__name_en",
        "location__name_ar",
        # Its actors' names, of the actors out of the trash only (get_search_results).
        "live_actor_names_en",
        "live_actor_names_ar",
    ]
    autocomplete_fields = ["location"]
    inlines = [IncidentActorInline, IncidentSourceInline, IncidentStatementInline]
    actions = ["publish"]
    fieldsets = [
        (None, {"fields": [("title", "title_ar"), "description", ("opened_version", "opened_history")]}),
        (_("When"), {"fields": [("date_start", "date_end", "date_precision")]}),
        (_("What"), {"fields": [("event_type", "sub_event_type"), ("weapon", "outcome", "count")]}),
        (_("Where"), {"fields": ["location", "point", "geo_precision"]}),
        (
            _("Casualties"),
            {"fields": [("killed_best", "killed_low", "killed_high"), ("injured_best", "injured_low", "injured_high")]},
        ),
        (_("Review"), {"fields": [("verification", "status"), "editor_note", "review_trail"]}),
    ]
    readonly_fields = ["review_trail"]

    @admin.display(description=_("location (English)"), ordering="location__name_en")
    def location_en(self, obj):
        return obj.location.name_en

    @admin.display(description=_("location (Arabic)"), ordering="location__name_ar")
    def location_ar(self, obj):
        return obj.location.name_ar

    def get_search_results(self, request, queryset, search_term):
        # An incident is found by the names of its actors, not by those of an actor in the trash (a hidden link):
        # each incident's live actors' names, from the link table's index that leads with the incident.
        if search_term:
            live = IncidentActor.all_objects.filter(
                incident=OuterRef("pk"), actor__deleted_at__isnull=True, actor__merged_into__isnull=True
            ).values("incident")
            queryset = queryset.alias(
                **{
                    f"live_actor_names_{language}": Subquery(
                        live.annotate(names=StringAgg(f"actor__name_{language}", " ")).values("names")
                    )
                    for language in ("en", "ar")
                }
            )
        return super().get_search_results(request, queryset, search_term)

    def has_publish_permission(self, request):
        return roles.may_publish(request.user)

    def save_model(self, request, obj, form, change):
        # An editor's change to a published incident goes back to review (incidents.roles, the one rule).
        status = roles.publishing_status(request.user, obj.status)
        held = status != obj.status
        obj.status = status
        version = reverted_version(request)
        if version is not None:
            # A revert from the history brings the version's actors' roles and evidence back too, in the same
            # transaction (TrashAdminMixin.history_form_view), after the form's lock; refused before any write.
            record = Incident.history.filter(id=obj.pk, history_id=version).first()
            if record is not None:
                changes, reasons = reverting.plan(record)
                if reasons:
                    raise reverting.RevertRefused(reverting.refusal(reasons))
                request.reverted_links = len(changes)  # the history's change reason says so (TrashAdminMixin)
            super().save_model(request, obj, form, change)
            if record is not None:
                reverting.revert_links(record, user=request.user)
        else:
            super().save_model(request, obj, form, change)
        if held:
            self.message_user(request, roles.HELD % {"incident": obj}, messages.WARNING)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            return super().history_form_view(request, object_id, version_id, extra_context)
        except reverting.RevertRefused as refused:
            # Raised inside the revert's transaction, which rolled back: nothing was changed.
            self.message_user(request, str(refused), messages.ERROR)
            return redirect(request.get_full_path())

    @admin.display(description=_("drafted and reviewed"))
    def review_trail(self, obj):
        return review_trail(obj) if obj.pk else "–"

    @admin.action(description=_("Publish the selected incidents"), permissions=["publish"])
    def publish(self, request, queryset):
        try:
            updated = services.incidents_publish(incidents=queryset, user=request.user)
        except ValidationError as error:
            reason = " ".join(error.messages)
            self.message_user(request, _("Nothing was published: %(reason)s") % {"reason": reason}, messages.ERROR)
            return
        self.message_user(request, _("%(count)d incidents published.") % {"count": updated})


class StatementIncidentInline(KeyAutocompleteMixin, admin.TabularInline):
    model = StatementIncident
    fk_name = "statement"
    extra = 0
    autocomplete_fields = ["incident"]


@admin.register(Statement)
class StatementAdmin(TrashAdminMixin, CheckedRequestAdmin, SimpleHistoryAdmin):
    list_display = ["speaker", "kind", "date", "language", "short_text", "flagged", "source"]
    list_filter = ["kind", "language", "flagged", ("date", admin.DateFieldListFilter)]
    list_select_related = ["speaker_actor", "source"]
    date_hierarchy = "date"
    search_fields = [
        "text",
        "translation",
        "speaker_description",
        "speaker_actor__name_en",
        "speaker_actor__name_ar",
    ]
    autocomplete_fields = ["speaker_actor", "source"]
    inlines = [StatementIncidentInline]
    fieldsets = [
        (_("Speaker"), {"fields": [("speaker_actor", "speaker_description")]}),
        (None, {"fields": [("kind", "date", "language"), "text", "translation"]}),
        (_("Evidence"), {"fields": ["source", ("start_offset", "end_offset")]}),
        (_("Review"), {"fields": ["flagged", "editor_note"]}),
    ]

    @admin.display(description=_("text"))
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"


class SourceStatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["speaker_actor", "speaker_description", "kind", "text"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class SourceIncidentInline(admin.TabularInline):
    model = IncidentSource
    extra = 0
    fields = ["incident", "excerpt"]
    readonly_fields = fields
    can_delete = False
    verbose_name = _("incident reported")
    verbose_name_plural = _("incidents reported")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(TrashAdminMixin, CheckedRequestAdmin, SimpleHistoryAdmin):
    list_display = ["published", "title", "publisher", "language", "url"]
    list_filter = ["language", "publisher", ("published", admin.DateFieldListFilter)]
    date_hierarchy = "published"
    search_fields = ["title", "publisher", "url", "text", "=content_hash"]
    # An address typed without its scheme (www.example.com/news) is taken as https.
    formfield_overrides = {URLField: {"assume_scheme": "https"}}
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    inlines = [SourceIncidentInline, SourceStatementInline]
    fields = ["title", "publisher", "url", ("language", "published"), "text", "content_hash", ("created_at", "updated_at")]


@admin.register(ImportDraft)
class ImportDraftAdmin(CheckedRequestAdmin, admin.ModelAdmin):
    """Imported articles waiting for review; adding one is the "Import article" page."""

    list_display = ["title", "published", "publisher", "language", "status", "created_by", "created_at", "review_link"]
    list_filter = ["status", "language"]
    list_select_related = ["created_by"]
    search_fields = ["title", "publisher", "url"]
    date_hierarchy = "created_at"

    def get_urls(self):
        def view(function):
            bound = partial(function, model_admin=self)
            bound.csrf_exempt = getattr(function, "csrf_exempt", False)  # the import page checks CSRF itself
            return self.admin_site.admin_view(bound)

        return [
            path("import/", view(admin_import.import_article_view), name="incidents_importdraft_import"),
            path("<int:draft_id>/review/", view(admin_import.review_view), name="incidents_importdraft_review"),
            path("places/", view(admin_import.places_view), name="incidents_importdraft_places"),
            path(
                "<int:draft_id>/review/<int:index>/duplicates/",
                view(admin_import.duplicates_view),
                name="incidents_importdraft_duplicates",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:incidents_importdraft_import")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:incidents_importdraft_review", object_id)

    @admin.display(description=_("review"))
    def review_link(self, obj):
        label = _("Review") if obj.status == ImportDraftStatus.PENDING else _("View")
        return format_html('<a href="{}">{}</a>', admin_import.review_url(obj), label)


admin.site.site_header = _("Marsad · مرصد")
admin.site.site_title = _("Marsad admin")
admin.site.index_title = _("Incidents, actors, places and sources")
