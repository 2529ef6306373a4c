"""What the admin checks in an editor's request before it reaches a query.

A wrong value in a link or a form (a key that is not a number, a NUL character, which PostgreSQL refuses
in text) is a 400, a 404 or a form error, never a 500. Editors open links from other sites, and the
session cookie goes with a top-level GET (SameSite=Lax), so a link may carry any of these.
"""
import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404

NUL = "\x00"


def refuse_nul(value, what):
    """Raise BadRequest when `value` holds a NUL character (PostgreSQL refuses it in text)."""
    if NUL in (value or ""):
        raise BadRequest(f"The {what} contains a NUL character.")


class KeyAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget, which leaves out a posted value that is no key of the model.

    A form with an invalid choice shows its error with the widget, and Django's widget looks the posted
    values up as keys (`id__in`), which fails on a value that is not a number.
    """

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key = remote.model._meta.get_field(remote.field_name)
        return super().optgroups(name, [item for item in value if _is_key(key, item)], attr)


def _year(value):
    try:
        return int(value or 0)
    except ValueError:
        return 0  # Django refuses it itself


def _is_key(field, value):
    if value in (None, ""):
        return True
    try:
        field.to_python(value)
    except ValidationError:
        return False
    return NUL not in str(value)


class KeyAutocompleteMixin:
    """Give autocomplete fields the KeyAutocompleteSelect widget (for ModelAdmins and inlines)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeyAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CheckedRequestAdmin(KeyAutocompleteMixin):
    """A ModelAdmin whose changelist, search, autocomplete and history refuse wrong values with a 4xx."""

    def get_changelist_instance(self, request):
        # Django redirects a changelist with wrong lookups to "?e=1"; a wrong link is a bad request.
        for name, values in request.GET.lists():
            for value in [name, *values]:
                refuse_nul(value, "link")
        if self.date_hierarchy and _year(request.GET.get(f"{self.date_hierarchy}__year")) >= datetime.MAXYEAR:
            # Django computes the end of the year, month or day shown, past what Python's dates can hold.
            raise BadRequest("The list cannot be shown for the year 9999.")
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters as error:
            raise BadRequest("A filter of this list has a wrong value.") from error

    def get_search_results(self, request, queryset, search_term):
        # The changelist's search and the autocomplete views both search here.
        refuse_nul(search_term, "search")
        return super().get_search_results(request, queryset, search_term)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history looks both up as numbers without checking them first.
        history = self.model.history.model
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            history._meta.get_field("history_id").to_python(version_id)
        except ValidationError:
            raise Http404("No such version.") from None
        return super().history_form_view(request, object_id, version_id, extra_context)


class CheckedListFilter(admin.SimpleListFilter):
    """A list filter that takes only a value among its choices: any other is a bad request."""

    def checked_value(self):
        """Return the filter's value, raising IncorrectLookupParameters unless it is one of its choices."""
        if self.value() not in {value for value, _ in self.lookup_choices}:
            raise IncorrectLookupParameters(f"No {self.parameter_name} {self.value()!r}.")
        return self.value()
