"""The admin's article import: the import form and the review of what extraction proposed.

Views stay thin: reading and cleaning the input is `extraction.intake`, storing the draft is
`importing.import_article`, writing the reviewed import is `services.import_confirm`. The review reads
the draft's proposal as the typed `extraction.types.Proposal`; its forms give the editor's edits back as
items of the same types (ProposedIncident, ProposedActor, ProposedStatement), which
`importing.reviewed_from_review` turns into the services' inputs. An incident's values are checked by
Incident.clean (`IncidentReviewForm.check_as_incident`), as the services check them when they save.

An incident may be merged into a stored one: the list of likely duplicates follows the place, point,
dates and type the editor sets (`duplicates_view` renders it again as they change), and the merge adds
the article's evidence and, as the editor chooses, its actors and killed/injured figures.
"""

from dataclasses import replace

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.forms.utils import ErrorDict
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from . import geo, importing, locking, merging, selectors, services, taxonomy
from .admin_checks import KeyAutocompleteSelect
from .extraction import intake
from .extraction.types import Casualties, Proposal, ProposedActor, ProposedIncident, ProposedPlace
from .models import (
    EVENT_TYPE_CHOICES,
    SUB_EVENT_TYPE_CHOICES,
    Actor,
    ActorKind,
    ActorRole,
    DatePrecision,
    GeoPrecision,
    ImportDraft,
    ImportDraftStatus,
    Incident,
    IncidentActor,
    Language,
    Location,
    LocationKind,
    Outcome,
    Statement,
    StatementKind,
    Verification,
    Weapon,
)

# --- Intake messages in the editor's language ----------------------------------------------------

# intake.py is pure Python and writes its messages in English; these are its templates and phrases,
# listed so that makemessages puts them in the catalogue and `intake_message` can translate them.
INTAKE_MESSAGES = (
    gettext_noop("The file is larger than the 512 kB limit; upload the article text alone."),
    gettext_noop("The text is larger than the 512 kB limit; paste the article text alone."),
    gettext_noop("The file is empty."),
    gettext_noop("This file looks like %(kind)s, not text. Save the article as %(expected)s and upload that."),
    gettext_noop("“%(extension)s” files cannot be imported; upload a %(expected)s file."),
    gettext_noop("Files without an extension cannot be imported; upload a %(expected)s file."),
    gettext_noop("This file contains binary data, not text. Upload the article as %(expected)s."),
    gettext_noop("The file is not UTF-8 or Windows-1256 text; save it as UTF-8 and try again."),
    gettext_noop("The article text is empty."),
    gettext_noop("The article text has no words, only numbers or punctuation."),
    gettext_noop("The article looks like Kurdish, not Arabic; Marsad imports Arabic or English articles."),
    gettext_noop("The article is neither Arabic nor English; Marsad imports articles in those two languages."),
    gettext_noop("Give the publication date: relative dates such as 'yesterday' depend on it."),
    gettext_noop("“%(value)s” is not a date; use YYYY-MM-DD."),
    gettext_noop("The publication date %(date)s is in the future."),
    gettext_noop(
        "This article took too long to analyse (over %(seconds)s seconds) and nothing was saved. "
        "Split it into shorter articles, or paste the article text alone."
    ),
)
# What intake says a refused file looks like (its `phrases`).
INTAKE_PHRASES = (
    gettext_noop("a PDF document"),
    gettext_noop("a PNG image"),
    gettext_noop("a JPEG image"),
    gettext_noop("a GIF image"),
    gettext_noop("a zip archive (or a Word/OpenDocument file, which is one)"),
    gettext_noop("an old Microsoft Office document"),
    gettext_noop("a gzip archive"),
    gettext_noop("a RAR archive"),
    gettext_noop("a 7-Zip archive"),
    gettext_noop("an RTF document"),
    gettext_noop("a WebP image"),
    gettext_noop("a WAV sound file"),
    gettext_noop("an AVI video"),
)


def intake_message(error):
    """Return an IntakeError's message in the active language (in English where there is no translation)."""
    params = {name: gettext(value) if name in error.phrases else value for name, value in error.params.items()}
    return gettext(error.template) % params if params else gettext(error.template)


# --- The import page ------------------------------------------------------------------------------


class ImportArticleForm(forms.Form):
    text = forms.CharField(
        label=_("Article text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "dir": "auto", "class": "vLargeTextField"}),
        help_text=_("Paste the article here, or upload it as a file below."),
    )
    file = forms.FileField(
        label=_("Article file"),
        required=False,
        help_text=_("A .txt, .html or .md file of up to 512 kB. Page menus and captions are dropped."),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,.md,text/plain,text/html,text/markdown"}),
    )
    published = forms.CharField(
        label=_("Publication date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Required: “yesterday” and weekday names in the article are counted from it."),
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    url = forms.URLField(label=_("URL"), required=False, max_length=1000, assume_scheme="https")
    title = forms.CharField(
        label=_("Title"), required=False, max_length=importing.TITLE_LENGTH, help_text=_("Default: the article's first line.")
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect automatically")), *Language.choices],
    )

    def clean_published(self):
        try:
            return intake.parse_published(self.cleaned_data["published"], timezone.localdate())
        except intake.IntakeError as error:
            raise ValidationError(intake_message(error)) from None

    def clean(self):
        cleaned = super().clean()
        pasted, upload = cleaned.get("text") or "", cleaned.get("file")
        if pasted.strip() and upload:
            raise ValidationError(_("Paste the text or upload a file, not both."))
        if upload:
            field = "file"
            reading = lambda: intake.text_from_upload(upload.read(intake.MAX_BYTES + 1), upload.name)  # noqa: E731
        elif pasted:
            field = "text"
            reading = lambda: intake.text_from_paste(pasted)  # noqa: E731
        else:
            raise ValidationError(_("Paste the article text or upload a file."))
        try:
            cleaned["article_text"] = reading()
            cleaned["language"] = cleaned.get("language") or intake.detect_language(cleaned["article_text"])
        except intake.IntakeError as error:
            self.add_error(field, intake_message(error))
        return cleaned


@csrf_exempt  # checked by `_import_article` once the posted data could be read
def import_article_view(request, model_admin):
    """Show the import form; store a valid article as a draft and go to its review."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        try:
            request.POST
        except RequestDataTooBig:
            # Django refuses a paste over DATA_UPLOAD_MAX_MEMORY_SIZE before any form reads it (a bare 400).
            # Nothing was read, so nothing can be written: show the form with intake's size message.
            return _import_page(request, model_admin, _form_with_too_big_paste())
    return _import_article(request, model_admin)


def _form_with_too_big_paste():
    """Return an empty import form whose text carries the message for a paste over intake's limit."""
    form = ImportArticleForm(data={})
    form.cleaned_data, form._errors = {}, ErrorDict()  # nothing to clean: the post was not read
    form.add_error("text", intake_message(intake.paste_too_large()))
    return form


@csrf_protect
def _import_article(request, model_admin):
    form = ImportArticleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = importing.import_article(
                text=data["article_text"],
                published=data["published"],
                language=data["language"],
                title=data["title"],
                publisher=data["publisher"],
                url=data["url"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except intake.IntakeError as error:  # the time limit (importing.ExtractionTimeLimit)
            form.add_error(None, intake_message(error))
        else:
            if result.pending is not None:
                return _already_pending(request, result.pending)
            if result.existing is not None and result.existing.is_deleted:
                messages.warning(request, services.source_in_trash_message(result.existing))
                return redirect("admin:incidents_source_change", result.existing.pk)
            if result.existing is not None:
                source = result.existing
                messages.warning(
                    request,
                    format_html(
                        gettext("This text is already stored as the source “{}” ({}); nothing new was written."),
                        source.title,
                        source.published.isoformat(),
                    ),
                )
                return redirect("admin:incidents_source_change", source.pk)
            return redirect("admin:incidents_importdraft_review", result.draft.pk)
    return _import_page(request, model_admin, form)


def _import_page(request, model_admin, form):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": ImportDraft._meta,
        "title": gettext("Import article"),
        "form": form,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/incidents/import_article.html", context)


def _already_pending(request, pending):
    """Send the editor to the review of the import of the same text that waits for it."""
    messages.warning(
        request,
        format_html(
            gettext("This text was already imported on {} and waits for review; nothing new was written."),
            formats.date_format(timezone.localtime(pending.created_at), "SHORT_DATETIME_FORMAT"),
        ),
    )
    return redirect("admin:incidents_importdraft_review", pending.pk)


# --- The review page: forms -----------------------------------------------------------------------

NEW, DROP = "new", "drop"
FIGURE_FIELDS = tuple(f"{prefix}_{part}" for prefix in ("killed", "injured") for part in ("best", "low", "high"))
# The fields of an Incident the review form edits and Incident.clean checks.
INCIDENT_CHECKED_FIELDS = ("date_start", "date_end", "event_type", "sub_event_type", *FIGURE_FIELDS)
MERGE_FIELDS = (*FIGURE_FIELDS, "decision", "merge_actors", "merge_figures")
BLANK_CHOICE = [("", "---------")]


def _autocomplete(model, field_name):
    return KeyAutocompleteSelect(model._meta.get_field(field_name), admin.site, attrs={"data-width": "100%"})


def _casualty_field(label):
    return forms.IntegerField(label=label, required=False, min_value=0, widget=forms.NumberInput(attrs={"class": "vIntegerField"}))


class IncidentReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), required=False, max_length=importing.TITLE_LENGTH, widget=forms.TextInput(attrs={"dir": "auto"}))
    title_ar = forms.CharField(
        label=_("Arabic title"), required=False, max_length=importing.TITLE_LENGTH, widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})
    )
    date_start = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty when the article gives no date: the incident then spans the 30 days before the end date."),
    )
    date_end = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_precision = forms.ChoiceField(label=_("Date precision"), choices=DatePrecision.choices)
    event_type = forms.ChoiceField(label=_("Event type"), choices=EVENT_TYPE_CHOICES)
    sub_event_type = forms.ChoiceField(label=_("Sub-event type"), choices=SUB_EVENT_TYPE_CHOICES)
    weapon = forms.ChoiceField(label=_("Weapon"), choices=Weapon.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    count = forms.IntegerField(label=_("Count"), min_value=1, widget=forms.NumberInput(attrs={"class": "vIntegerField"}))
    killed_best = _casualty_field(_("Killed (best)"))
    killed_low = _casualty_field(_("Killed (low)"))
    killed_high = _casualty_field(_("Killed (high)"))
    injured_best = _casualty_field(_("Injured (best)"))
    injured_low = _casualty_field(_("Injured (low)"))
    injured_high = _casualty_field(_("Injured (high)"))
    location = forms.ModelChoiceField(
        label=_("Place"), queryset=Location.objects.all(), required=False, widget=_autocomplete(Incident, "location")
    )
    new_location_name_en = forms.CharField(
        label=_("New place (English name)"), required=False, max_length=200, widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"})
    )
    new_location_name_ar = forms.CharField(
        label=_("New place (Arabic name)"), required=False, max_length=200, widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})
    )
    new_location_kind = forms.ChoiceField(
        label=_("New place's kind"), choices=LocationKind.choices, required=False,
        help_text=_("What the place is: a base, a town, an airport…"),
    )
    # Read by `clean` through the geo module, whose message is shown with the form's (the fields are hidden).
    lat = forms.CharField(required=False, widget=forms.HiddenInput)
    lon = forms.CharField(required=False, widget=forms.HiddenInput)
    point_picked = forms.BooleanField(required=False, widget=forms.HiddenInput)
    geo_precision = forms.TypedChoiceField(label=_("Geo precision"), choices=GeoPrecision.choices, coerce=int)
    verification = forms.ChoiceField(label=_("Verification"), choices=Verification.choices)
    # What a merge brings to the stored incident besides this article's evidence.
    merge_actors = forms.BooleanField(label=_("Add the actors below to the stored incident"), required=False)
    merge_figures = forms.BooleanField(
        label=_("Use the killed and injured figures below in the stored incident"),
        required=False,
        help_text=_("Only the figures given here replace the stored ones; empty ones leave them as they are."),
    )

    def __init__(self, *args, duplicates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = list(duplicates)
        self.fields["decision"].choices = [
            (NEW, _("Add as a new incident")),
            *[(str(incident.pk), _("Merge into incident %(id)s") % {"id": incident.pk}) for incident in self.duplicates],
            (DROP, _("Drop")),
        ]
        # The version of each stored incident as the editor saw it (optimistic locking, incidents.locking): a
        # merge into one that someone changed since is refused. A re-rendered page keeps the posted value; the
        # list fetched again as the editor edits (duplicates_view) shows the incidents as they are now.
        for incident in self.duplicates:
            name = self.opened_name(incident)
            self.fields[name] = forms.CharField(required=False, widget=forms.HiddenInput)
            posted = self.data.get(self.add_prefix(name)) if self.is_bound else None
            if locking.parse_etag(posted or "") is None:
                self.reopen(incident)

    @staticmethod
    def opened_name(incident):
        return f"opened_{incident.pk}"

    def reopen(self, incident):
        """Take the stored incident's current version as the one the editor saw (shown to them now)."""
        etag = locking.etag(incident.pk)
        self.fields[self.opened_name(incident)].initial = etag
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix(self.opened_name(incident))] = etag

    def opened_fields(self):
        return [self[self.opened_name(incident)] for incident in self.duplicates]

    def opened(self, incident):
        """Return (version, history id) of `incident` when the editor saw it."""
        return locking.parse_etag(self[self.opened_name(incident)].value() or "")

    @property
    def chosen(self):
        return self["decision"].value() or NEW

    @property
    def needs_fields(self):
        """Return True when the decision is a new incident, so every field must be valid."""
        return self.chosen == NEW

    def merge_target(self):
        return next((incident for incident in self.duplicates if str(incident.pk) == self.chosen), None)

    def merge_is_valid(self):
        """Return True when what a merge takes from this form (its choices and figures) is valid.

        The other fields are not written by a merge: their errors are dropped, so the page shows none.
        """
        self.is_valid()
        for name in list(self.errors):
            if name not in MERGE_FIELDS:
                del self.errors[name]
        if not self.cleaned_data.get("merge_figures"):
            for name in FIGURE_FIELDS:
                self.errors.pop(name, None)
        return not self.errors

    def figures_for_merge(self):
        """Return the killed and injured figures the editor gave, for the stored incident (empty: none)."""
        if not self.cleaned_data.get("merge_figures"):
            return {}
        return {name: self.cleaned_data[name] for name in FIGURE_FIELDS if self.cleaned_data.get(name) is not None}

    def clean(self):
        cleaned = super().clean()
        cleaned["lat"], cleaned["lon"] = self.clean_point(cleaned.get("lat"), cleaned.get("lon"))
        has_point = cleaned["lat"] is not None and cleaned["lon"] is not None
        self.check_as_incident(cleaned, has_point)
        if cleaned.get("point_picked") and not has_point:
            self.add_error(None, _("The point picked on the map was lost: pick it again."))
        if cleaned.get("location") is None:
            if not (cleaned.get("new_location_name_en") or "").strip():
                self.add_error("location", _("Choose the place from the gazetteer."))
            elif not has_point:
                self.add_error("location", _("Pick the new place's point on the map."))
        return cleaned

    def check_as_incident(self, cleaned, has_point):
        """Add the errors Incident.clean finds in these values (dates, type pair, casualty order), where
        the form shows them: validation is written once, in the model, for the review and the services."""
        incident = Incident(
            **{name: cleaned.get(name) for name in INCIDENT_CHECKED_FIELDS if name in cleaned},
            location=cleaned.get("location"),
            point=geo.point_from_input(cleaned["lon"], cleaned["lat"]) if has_point else None,
        )
        try:
            incident.clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)

    def clean_point(self, lat, lon):
        """Return (lat, lon) as floats, or (None, None) when no point is given or it is not on the map."""
        if not lat and not lon:
            return None, None
        try:
            lon, lat = geo.coordinates_from_input(lon, lat)
        except ValidationError as error:
            self.add_error(None, error)
            return None, None
        return lat, lon

    def proposal_item(self, original):
        """Return this incident as edited (a ProposedIncident), keeping the original's evidence."""
        data = self.cleaned_data
        location = data["location"]
        if location is not None:
            place = ProposedPlace(key=location.slug, name_en=location.name_en, name_ar=location.name_ar)
        else:
            place = replace(
                original.location or ProposedPlace(),
                key=None,
                name_en=data["new_location_name_en"].strip(),
                name_ar=data["new_location_name_ar"].strip(),
                lat=data["lat"],
                lon=data["lon"],
                geo_precision=data["geo_precision"],
                kind=data["new_location_kind"] or (original.location.kind if original.location else "") or LocationKind.AREA,
            )
        picked = data["point_picked"] and data["lat"] is not None and data["lon"] is not None
        return ProposedIncident(
            title=data["title"].strip(),
            title_ar=data["title_ar"].strip(),
            date=data["date_start"],
            date_end=data["date_end"],
            date_precision=data["date_precision"],
            event_type=data["event_type"],
            sub_event_type=data["sub_event_type"],
            weapon=data["weapon"],
            outcome=data["outcome"],
            count=data["count"],
            killed=Casualties(**{part: data[f"killed_{part}"] for part in ("best", "low", "high")}),
            injured=Casualties(**{part: data[f"injured_{part}"] for part in ("best", "low", "high")}),
            location=place,
            point=(data["lat"], data["lon"]) if picked else None,
            geo_precision=data["geo_precision"],
            verification=data["verification"],
            evidence=list(original.evidence),
            spans=list(original.spans),
        )


class ActorRoleForm(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Actor"), queryset=Actor.objects.all(), required=False, widget=_autocomplete(IncidentActor, "actor")
    )
    new_name_en = forms.CharField(
        label=_("New actor (English name)"), required=False, max_length=200, widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"})
    )
    new_name_ar = forms.CharField(
        label=_("New actor (Arabic name)"), required=False, max_length=200, widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})
    )
    new_kind = forms.ChoiceField(label=_("Kind"), choices=ActorKind.choices, required=False)
    # Blank by default, so that an empty extra row is left unchanged and ignored.
    role = forms.ChoiceField(label=_("Role"), choices=BLANK_CHOICE + ActorRole.choices, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("actor") is None and not (cleaned.get("new_name_en") or "").strip():
            raise ValidationError(_("Choose the actor, or give the new actor's English name."))
        if not cleaned.get("role"):
            self.add_error("role", _("Choose the actor's role."))
        return cleaned

    def proposal_item(self):
        data = self.cleaned_data
        if data["actor"] is not None:
            return ProposedActor(key=data["actor"].slug, name_en=data["actor"].name_en, role=data["role"])
        return ProposedActor(
            key=None,
            name_en=data["new_name_en"].strip(),
            name_ar=data["new_name_ar"].strip(),
            kind=data["new_kind"] or ActorKind.UNIDENTIFIED,
            role=data["role"],
        )


ActorRoleFormSet = forms.formset_factory(ActorRoleForm, extra=1, can_delete=True)


class StatementReviewForm(forms.Form):
    keep = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Keep")), ("no", _("Drop"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    speaker = forms.CharField(
        label=_("Speaker as described"),
        required=False,
        max_length=300,
        help_text=_("As the article describes the speaker, e.g. “a security source in Kurdistan”."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    speaker_actor = forms.ModelChoiceField(
        label=_("Speaker (actor)"), queryset=Actor.objects.all(), required=False, widget=_autocomplete(Statement, "speaker_actor")
    )
    new_speaker_name = forms.CharField(
        label=_("New speaker actor (English name)"), required=False, max_length=200, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=StatementKind.choices)
    date = forms.DateField(label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    incidents = forms.TypedMultipleChoiceField(
        label=_("About incidents"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, incident_labels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incidents"].choices = list(enumerate(incident_labels))

    @property
    def kept(self):
        return self["keep"].value() != "no"

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("speaker_actor") or (cleaned.get("speaker") or "").strip() or (cleaned.get("new_speaker_name") or "").strip()
        ):
            self.add_error("speaker", _("Name the speaker: choose an actor or describe the speaker."))
        return cleaned

    def proposal_item(self, original, incident_index):
        """Return this statement as edited (a ProposedStatement); `incident_index` maps old incident indices to kept ones."""
        data = self.cleaned_data
        actor = data["speaker_actor"]
        return replace(
            original,
            speaker=data["speaker"].strip(),
            speaker_key=actor.slug if actor else None,
            speaker_actor=actor.name_en if actor else (data["new_speaker_name"].strip() or None),
            kind=data["kind"],
            date=data["date"],
            text=data["text"].strip(),
            incidents=[incident_index[old] for old in data["incidents"] if old in incident_index],
        )


# --- The review page: the proposal and its forms --------------------------------------------------


def _proposal_point(place):
    """Return the point a proposed place gives, or None (none given, or not a point on the map)."""
    if place is not None and place.has_point:
        try:
            return geo.point_from_input(place.lon, place.lat)
        except ValidationError:
            return None
    return None


def _iso_date(value):
    try:
        return timezone.datetime.fromisoformat(value).date() if value else None
    except ValueError:
        return None


def evidence_html(text, marks):
    """Return the article text as HTML: every segment escaped, the evidence of items wrapped in <mark>.

    `marks` is a list of (start, end, item id, kind). Overlapping evidence is split at every boundary, so
    each <mark> lists every item (data-items) whose evidence it is part of.
    """
    marks = [(max(0, start), min(len(text), end), item, kind) for start, end, item, kind in marks if start < end]
    bounds = sorted({0, len(text), *(start for start, *_ in marks), *(end for _, end, *_ in marks)})
    parts = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [(item, kind) for mark_start, mark_end, item, kind in marks if mark_start <= start and end <= mark_end]
        segment = text[start:end]
        if not covering:
            parts.append(escape(segment))
            continue
        kinds = sorted({kind for _, kind in covering})
        parts.append(
            format_html(
                '<mark class="evidence {}" data-items="{}">{}</mark>',
                " ".join(f"evidence-{kind}" for kind in kinds),
                " ".join(item for item, _ in covering),
                segment,
            )
        )
    return mark_safe("".join(parts))


def likely_duplicates(*, location, point, date_start, date_end, event_type):
    """Return the stored incidents that may be the one reviewed, as its place, dates and type now stand."""
    if not event_type:
        return []
    return list(
        selectors.incident_likely_duplicates(
            point=point, date_start=date_start, date_end=date_end, event_type=event_type, location=location
        ).prefetch_related("incident_actors__actor")
    )


def edited_match(data, prefix):
    """Return the place, point, dates and event type of an incident as the editor set them in `data`."""
    value = lambda name: (data.get(f"{prefix}-{name}") or "").strip()  # noqa: E731
    location = Location.objects.filter(pk=int(value("location"))).first() if value("location").isdigit() else None
    point = None
    if value("lat") and value("lon"):
        try:
            point = geo.point_from_input(value("lon"), value("lat"))
        except ValidationError:
            point = None
    if point is None and location is not None:
        point = location.point
    start, end = _iso_date(value("date_start")), _iso_date(value("date_end"))
    if start and end and end < start:
        end = start
    return {"location": location, "point": point, "date_start": start, "date_end": end, "event_type": value("event_type")}


class IncidentReview:
    """One proposed incident: its form, its actors' formset, its evidence and its likely duplicates."""

    def __init__(self, index, item, data, locations, actors):
        self.index = index
        self.item = item
        self.item_id = f"incident-{index}"
        place = item.location
        self.location = locations.get(place.key) if place is not None and place.key else None
        self.new_location = place if place is not None and self.location is None else None
        point = _proposal_point(place) or (self.location.point if self.location else None)
        if data is None:
            match = {"location": self.location, "point": point, "date_start": item.date, "date_end": item.date_end,
                     "event_type": item.event_type}
        else:
            match = edited_match(data, self.item_id)
        self.form = IncidentReviewForm(
            data, prefix=self.item_id, duplicates=likely_duplicates(**match), initial=self.initial(item, point)
        )
        self.actors = ActorRoleFormSet(data, prefix=f"{self.item_id}-actor", initial=self.actor_initial(item, actors))
        self.evidence = item.evidence
        self.point = point

    def label(self):
        """Return a short name of this proposed incident: its number, type and place."""
        if self.location is not None:
            name_ar, name_en = self.location.name_ar, self.location.name_en
        else:
            name_ar, name_en = (self.new_location.name_ar, self.new_location.name_en) if self.new_location else ("", "")
        name = name_ar if get_language() == "ar" and name_ar else name_en
        parts = [gettext("Incident %(number)s") % {"number": self.index + 1}]
        if self.item.sub_event_type:
            parts.append(gettext(self.item.sub_event_type))
        if name:
            parts.append(name)
        return " · ".join(parts)

    def initial(self, item, point):
        place = item.location or ProposedPlace()
        killed, injured = item.killed, item.injured
        return {
            "decision": NEW,
            "title": item.title,
            "title_ar": item.title_ar,
            "date_start": item.date,
            "date_end": item.date_end,
            "date_precision": item.date_precision or DatePrecision.DAY,
            "event_type": item.event_type or None,
            "sub_event_type": item.sub_event_type or None,
            "weapon": item.weapon or Weapon.UNKNOWN,
            "outcome": item.outcome or Outcome.UNKNOWN,
            "count": item.count or 1,
            **{f"killed_{part}": getattr(killed, part) for part in ("best", "low", "high")},
            **{f"injured_{part}": getattr(injured, part) for part in ("best", "low", "high")},
            "location": self.location,
            "new_location_name_en": self.new_location.name_en if self.new_location else "",
            "new_location_name_ar": self.new_location.name_ar if self.new_location else "",
            "lat": point.y if point else None,
            "lon": point.x if point else None,
            "point_picked": self.new_location is not None and point is not None,
            "geo_precision": place.geo_precision or (self.location.geo_precision if self.location else GeoPrecision.EXACT),
            "verification": item.verification or Verification.REPORTED,
            "new_location_kind": place.kind or LocationKind.AREA,
            "merge_actors": bool(item.actors),
            "merge_figures": False,
        }

    @staticmethod
    def actor_initial(item, actors):
        rows = []
        for proposed in item.actors:
            actor = actors.get(proposed.key) if proposed.key else None
            rows.append(
                {
                    "actor": actor,
                    "new_name_en": "" if actor else proposed.name_en,
                    "new_name_ar": "" if actor else proposed.name_ar,
                    "new_kind": proposed.kind or ActorKind.UNIDENTIFIED,
                    "role": proposed.role or ActorRole.ASSOCIATED,
                }
            )
        return rows

    def is_valid(self):
        """Return True when the decision can be carried out (a dropped or merged item needs no valid fields)."""
        if not self.form["decision"].field.valid_value(self.form.chosen):
            self.form.is_valid()  # shows the decision's error
            return False
        if self.form.merge_target() is not None:
            valid = self.form.merge_is_valid()
            if self.form.cleaned_data.get("merge_actors"):
                valid = self.actors.is_valid() and valid
            return valid
        if not self.form.needs_fields:
            return True
        valid = self.form.is_valid()
        return self.actors.is_valid() and valid

    def proposal_item(self):
        item = self.form.proposal_item(self.item)
        item.actors = self.actor_items()
        return item

    def actor_items(self):
        initial = self.actors.initial_form_count()
        return [
            form.proposal_item()
            for index, form in enumerate(self.actors.forms)
            if (index < initial or form.has_changed()) and not form.cleaned_data.get("DELETE")
        ]

    def merge_item(self):
        """Return what merging this incident brings to the stored one: evidence, and the actors and figures chosen."""
        return ProposedIncident(
            event_type=self.item.event_type,
            sub_event_type=self.item.sub_event_type,
            evidence=list(self.item.evidence),
            spans=list(self.item.spans),
            actors=self.actor_items() if self.form.cleaned_data.get("merge_actors") else [],
            figures=self.form.figures_for_merge(),
        )


class StatementReview:
    def __init__(self, index, item, data, incident_labels, actors):
        self.index = index
        self.item = item
        self.item_id = f"statement-{index}"
        actor = actors.get(item.speaker_key) if item.speaker_key else None
        self.new_speaker = None if actor else item.speaker_actor
        self.speaker_label = item.speaker or (str(actor) if actor else item.speaker_actor) or ""
        self.kind_label = dict(StatementKind.choices).get(item.kind, item.kind)
        self.form = StatementReviewForm(
            data,
            prefix=self.item_id,
            incident_labels=incident_labels,
            initial={
                "keep": "yes",
                "speaker": item.speaker,
                "speaker_actor": actor,
                "new_speaker_name": self.new_speaker or "",
                "kind": item.kind or None,
                "date": item.date,
                "text": item.text,
                "incidents": item.incidents,
            },
        )

    def is_valid(self):
        return not self.form.kept or self.form.is_valid()


class DraftReview:
    """The review of an import draft: a form per proposed incident and statement."""

    def __init__(self, draft, data=None):
        self.draft = draft
        self.proposal = Proposal.from_json(draft.proposal)
        incidents, statements = self.proposal.incidents, self.proposal.statements
        place_keys = {item.location.key for item in incidents if item.location is not None} - {None}
        actor_keys = {actor.key for item in incidents for actor in item.actors}
        actor_keys |= {item.speaker_key for item in statements}
        # A key of a place or actor merged since the import names the one it was merged into.
        locations = merging.current_by_slug(Location, place_keys)
        actors = merging.current_by_slug(Actor, actor_keys - {None})
        self.incidents = [IncidentReview(index, item, data, locations, actors) for index, item in enumerate(incidents)]
        labels = [review.label() for review in self.incidents]
        self.statements = [StatementReview(index, item, data, labels, actors) for index, item in enumerate(statements)]
        self.errors = []

    def article_html(self):
        marks = [
            (start, end, review.item_id, "incident") for review in self.incidents for start, end in review.item.spans
        ]
        marks += [
            (*review.item.span, review.item_id, "statement") for review in self.statements if review.item.span
        ]
        return evidence_html(self.draft.text, marks)

    def is_valid(self):
        return all([review.is_valid() for review in self.incidents + self.statements])

    def confirm(self, user):
        """Write the reviewed import through the services; return the source, or None with `errors` set."""
        incidents, merges, kept_index, opened = [], {}, {}, {}
        for review in self.incidents:
            decision = review.form.chosen
            if decision == DROP:
                continue
            kept_index[review.index] = len(incidents)
            if decision == NEW:
                incidents.append(review.proposal_item())
            else:
                merges[len(incidents)] = review.form.merge_target()
                opened[len(incidents)] = review.form.opened(merges[len(incidents)])
                incidents.append(review.merge_item())
        statements = [
            review.form.proposal_item(review.item, kept_index) for review in self.statements if review.form.kept
        ]
        proposal = Proposal(source=self.proposal.source, incidents=incidents, statements=statements)
        try:
            reviewed_incidents, reviewed_statements = importing.reviewed_from_review(proposal, self.draft, merges=merges)
            for reviewed in reviewed_incidents:
                reviewed.opened = opened.get(reviewed.key) if reviewed.merge_into is not None else None
            return services.import_confirm(
                draft=self.draft, incidents=reviewed_incidents, statements=reviewed_statements, user=user
            )
        except ValidationError as error:
            # A ValidationError of a field dict has no error_list; an edit conflict is a plain one (services).
            if any(item.code == "edit_conflict" for item in getattr(error, "error_list", ())):
                # The page shown again holds the stored incidents as they are now: confirming again merges.
                for review in self.incidents:
                    for incident in review.form.duplicates:
                        review.form.reopen(incident)
            # What the forms cannot see (a stored place without a point, an import confirmed meanwhile).
            self.errors = [gettext("Nothing was written: %(reason)s") % {"reason": " ".join(error.messages)}]
            return None


# --- The review page: views -----------------------------------------------------------------------


def review_view(request, model_admin, draft_id):
    """Show an import draft for review; confirm or discard it."""
    draft = get_object_or_404(ImportDraft, pk=draft_id)
    if not model_admin.has_change_permission(request, draft):
        raise PermissionDenied
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    pending = draft.status == ImportDraftStatus.PENDING
    if request.method == "POST" and pending and "discard" in request.POST:
        services.import_discard(draft=draft)
        messages.success(request, gettext("The import was discarded; nothing of it was written."))
        return redirect("admin:incidents_importdraft_changelist")
    review = DraftReview(draft, request.POST if request.method == "POST" and pending else None)
    if request.method == "POST" and pending:
        if review.is_valid():
            source = review.confirm(request.user)
            if source is not None:
                messages.success(
                    request,
                    format_html(
                        gettext("The import is confirmed: the source “{}” now has {} incidents and {} statements."),
                        source.title,
                        source.incidents.distinct().count(),
                        source.statements.count(),
                    ),
                )
                return redirect("admin:incidents_source_change", source.pk)
        else:
            review.errors = [gettext("Nothing was written: correct the items marked below, then confirm again.")]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": ImportDraft._meta,
        "title": gettext("Review the import"),
        "draft": draft,
        "pending": pending,
        "review": review,
        "article_html": review.article_html(),
        "taxonomy": {event: list(subs) for event, subs in taxonomy.SUB_EVENT_TYPES.items()},
        "tiles": _tiles(),
        "media": model_admin.media + IncidentReviewForm().media + ActorRoleForm().media,
    }
    return TemplateResponse(request, "admin/incidents/review_import.html", context)


def duplicates_view(request, model_admin, draft_id, index):
    """Return the likely duplicates and the decision of one proposed incident as the editor has set its
    place, point, dates and type (the query holds the review form's fields of that incident)."""
    draft = get_object_or_404(ImportDraft, pk=draft_id)
    if not model_admin.has_change_permission(request, draft):
        raise PermissionDenied
    items = (draft.proposal or {}).get("incidents", [])
    if not 0 <= index < len(items):
        raise Http404("No such proposed incident.")
    review = DraftReview(draft, request.GET).incidents[index]
    return TemplateResponse(request, "admin/incidents/review_match.html", {"incident": review, "form": review.form})


def _tiles():
    """Return the URL template and attribution of the site's first map tile layer (LEAFLET_CONFIG)."""
    tiles = settings.LEAFLET_CONFIG.get("TILES") or []
    if not tiles:
        return {"url": "", "attribution": ""}
    return {"url": tiles[0][1], "attribution": (tiles[0][2] if len(tiles[0]) > 2 else {}).get("attribution", "")}


PLACES_LIMIT = 20


def places_view(request, model_admin):
    """Return gazetteer places as JSON for the review map: one by id, or the nearest to a point."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        if "id" in request.GET:
            places = Location.objects.filter(pk=int(request.GET["id"]))
        else:
            point = geo.point_from_input(request.GET["lon"], request.GET["lat"])
            limit = min(max(int(request.GET.get("limit", 6)), 1), PLACES_LIMIT)
            places = selectors.locations_nearest(point=point, limit=limit)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    except (KeyError, ValueError):
        raise Http404("Give a place id, or lat and lon.") from None
    return JsonResponse(
        {
            "places": [
                {
                    "id": place.pk,
                    "name": str(place),
                    "lat": place.point.y if place.point else None,
                    "lon": place.point.x if place.point else None,
                    "geo_precision": place.geo_precision,
                }
                for place in places
            ]
        }
    )


def review_url(draft):
    return reverse("admin:incidents_importdraft_review", args=[draft.pk])

