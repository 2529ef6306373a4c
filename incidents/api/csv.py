"""CSV exports of the API's lists: every row the filters select, streamed from PostgreSQL in flat memory.

A list viewset gets `?format=csv` (or `Accept: text/csv`) by inheriting CSVExportMixin and declaring
`csv_columns`: (header, expression) pairs, where an expression is an ORM lookup path ("location__name_en"),
a Django expression usable in `.annotate()`, or a function of the request that returns one. The rows come from `self.filter_queryset(self.get_queryset())`,
so every filter of the list applies, and paging does not: an export has no row cap.

The database does the work: one query, read through a server-side cursor a chunk at a time (PostgreSQL
materializes a holdable cursor under the usual statement timeout, so a client that downloads slowly holds a
connection but never a running statement), each chunk written by Python's csv module and sent as it is made.

Article text is untrusted: a cell that a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage
return first, after any spaces) is prefixed with an apostrophe, in SQL, before it leaves the database.

The file is UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page and shows
Arabic as mojibake; pandas, R and `encoding="utf-8-sig"` in Python skip it.
"""
import csv
import datetime
import io
from itertools import islice

from django.contrib.gis.db.models.functions import GeoFunc
from django.contrib.postgres.aggregates import StringAgg
from django.db import models
from django.db.models import Case, F, FloatField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, ExtractYear, NullIf
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, renderers

from incidents import reference
from incidents.models import ActorRole, DatePrecision, IncidentActor, IncidentSource

# A cell that starts like this, after any white space, is a formula to Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"). The pattern reads the same in PostgreSQL and Python regular expressions; PostgreSQL's
# \s leaves out the Unicode spaces (no-break, ideographic...), hence the list.
FORMULA_START = r"^([\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*[-=+@\t\r])"
NEUTRALIZED = "'\\1"  # the apostrophe before the match: spreadsheets show the text as text

BYTE_ORDER_MARK = "\ufeff"
CSV_CHUNK_ROWS = 5000


class Neutralized(models.Func):
    """Return the text with an apostrophe before it when a spreadsheet would read it as a formula."""

    function = "regexp_replace"
    output_field = models.TextField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value(FORMULA_START), Value(NEUTRALIZED), **extra)


class CSVRenderer(renderers.BaseRenderer):
    """The text/csv format of a list (`?format=csv`); CSVExportMixin streams the rows itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Reached only by a view that declares the format without CSVExportMixin.
        raise exceptions.NotAcceptable()


def is_request_function(expression):
    return callable(expression) and not hasattr(expression, "resolve_expression")


def is_text(field):
    return isinstance(field, (models.CharField, models.TextField))


def csv_values(queryset, columns):
    """Return `queryset` as tuples of the columns' values, text cells neutralized in SQL."""
    queryset = queryset.prefetch_related(None)
    expressions = {
        f"csv_{number}": F(expression) if isinstance(expression, str) else expression
        for number, (header, expression) in enumerate(columns)
    }
    # Resolve each expression once to learn its type: only text cells can hold a formula (-3.5 is a longitude).
    resolved = queryset.annotate(**expressions).query.annotations
    safe = {
        name: Neutralized(expression) if is_text(resolved[name].output_field) else expression
        for name, expression in expressions.items()
    }
    return queryset.annotate(**safe).values_list(*safe)


def csv_lines(rows, headers, chunk_rows=CSV_CHUNK_ROWS):
    """Yield the CSV file of `headers` and `rows` as UTF-8 bytes, a chunk of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text.encode()

    buffer.write(BYTE_ORDER_MARK)
    writer.writerow(headers)
    rows = iter(rows)
    while chunk := list(islice(rows, chunk_rows)):
        writer.writerows(chunk)
        yield flush()
    if buffer.tell():
        yield flush()  # the headers of an empty file


class CSVExportMixin:
    """Give a viewset a CSV format: its list as a streamed file with every filtered row, its detail as one row.

    The viewset declares `csv_columns` (or overrides `get_csv_columns()`). The export replaces the action's
    handler, so it serves the same rows whatever `list()` the viewset writes for its other formats; errors
    (a 400 naming a bad parameter, a 404) are JSON, as everywhere in the API (incidents/api/exceptions.py).
    """

    csv_columns = ()
    csv_chunk_rows = CSV_CHUNK_ROWS

    def get_csv_columns(self):
        """Return the (header, expression) pairs of this request's export."""
        return [
            (header, expression(self.request) if is_request_function(expression) else expression)
            for header, expression in self.csv_columns
        ]

    def get_csv_filename(self):
        """Return the download's file name: marsad-incidents-2024-01-31.csv, marsad-incident-7.csv."""
        if self.detail:
            return f"marsad-{self.basename}-{self.kwargs[self.lookup_url_kwarg or self.lookup_field]}.csv"
        return f"marsad-{self.basename}s-{timezone.now():%Y-%m-%d}.csv"

    def get_renderers(self):
        renderers_ = super().get_renderers()
        if not any(isinstance(renderer, CSVRenderer) for renderer in renderers_):
            renderers_.append(CSVRenderer())
        return renderers_

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if isinstance(request.accepted_renderer, CSVRenderer):
            if self.action not in ("list", "retrieve"):
                raise exceptions.NotFound(_("This address has no CSV format."))
            # dispatch() looks the handler up after initial(): negotiation, authentication, permissions and
            # throttles have all run by now.
            setattr(self, request.method.lower(), self.export_csv)

    def export_csv(self, request, *args, **kwargs):
        """Return the selected rows as a streamed CSV file."""
        queryset = self.filter_queryset(self.get_queryset())
        if self.detail:
            queryset = queryset.filter(pk=self.get_object().pk)
        columns = self.get_csv_columns()
        lines = csv_lines(
            csv_values(queryset, columns).iterator(chunk_size=self.csv_chunk_rows),
            [header for header, expression in columns],
            self.csv_chunk_rows,
        )
        if request.method == "HEAD":
            lines = iter(())
        else:
            # The query runs now, so that a database error is an error response rather than a cut-off file.
            first = next(lines)
            lines = _prepend(first, lines)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_csv_filename()}"'
        return response


def _prepend(first, rest):
    yield first
    yield from rest


# --- Incidents: ACLED's column names wherever ACLED has the column ------------------------------------


class Latitude(GeoFunc):
    function = "ST_Y"
    output_field = FloatField()


class Longitude(GeoFunc):
    function = "ST_X"
    output_field = FloatField()


class UnixTime(models.Func):
    """Seconds since 1970-01-01 UTC, as ACLED's `timestamp` column gives the time of a row's last change."""

    template = "CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s)) AS bigint)"
    output_field = models.BigIntegerField()


def actor_names(role):
    """Return the names of the incident's actors in `role`, joined by "; " in alphabetical order."""
    names = (
        IncidentActor.objects.filter(incident=OuterRef("pk"), role=role)
        .order_by()
        .values("incident")
        .annotate(names=StringAgg("actor__name_en", "; ", order_by="actor__name_en"))
        .values("names")
    )
    return Subquery(names, output_field=models.TextField())


def source_publishers():
    """Return the publishers of the incident's sources, each once, joined by "; " in alphabetical order."""
    publishers = (
        IncidentSource.objects.filter(incident=OuterRef("pk"))
        .exclude(source__publisher="")
        .order_by()
        .values("incident")
        .annotate(names=StringAgg("source__publisher", "; ", distinct=True, order_by="source__publisher"))
        .values("names")
    )
    return Subquery(publishers, output_field=models.TextField())


def by_country(value_of, default):
    """Return the value that `value_of((alpha-3, name))` gives for the incident's country, for each gazetteer country."""
    return Case(
        *(
            When(location__country_code=iso2, then=Value(value_of(codes)))
            for iso2, codes in reference.country_codes().items()
        ),
        default=default,
        output_field=models.CharField(),
    )


def country_name():
    """Return the English name of the incident's country (the gazetteer's countries.csv)."""
    return by_country(lambda codes: codes[1], default=Value(""))


def event_id_cnty():
    """Return ACLED's event id: the country's ISO 3166-1 alpha-3 code and Marsad's id (IRQ1234)."""
    iso3 = by_country(lambda codes: codes[0], default=F("location__country_code"))
    return Concat(iso3, Cast("pk", models.CharField()), output_field=models.CharField())


def time_precision():
    """Return ACLED's time precision: 1 the day is known, 2 the week, 3 only the month or a longer span."""
    return Case(
        When(date_precision=DatePrecision.DAY, then=Value(1)),
        When(date_precision=DatePrecision.WEEK, then=Value(2)),
        When(
            date_precision=DatePrecision.RANGE,
            date_end__lte=F("date_start") + datetime.timedelta(days=6),
            then=Value(2),
        ),
        default=Value(3),
        output_field=models.IntegerField(),
    )


def incident_page_url(request):
    """Return the absolute address of the incident's public page."""
    incident_page = request.build_absolute_uri(reverse("incidents:incident-detail", args=[0]))
    prefix = incident_page[: incident_page.rindex("/0/") + 1]
    return Concat(Value(prefix), Cast("pk", models.CharField()), Value("/"), output_field=models.CharField())


# The incident export's columns: ACLED's names first, then Marsad's own (see README, "API").
INCIDENT_CSV_COLUMNS = [
    ("event_id_cnty", event_id_cnty()),
    ("event_date", "date_start"),
    ("year", ExtractYear("date_start")),
    ("time_precision", time_precision()),
    ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"),
    ("actor1", actor_names(ActorRole.PERPETRATOR)),
    ("actor2", actor_names(ActorRole.TARGET)),
    ("country", country_name()),
    ("admin1", "location__governorate__name_en"),
    ("location", "location__name_en"),
    ("latitude", Latitude("point")),
    ("longitude", Longitude("point")),
    ("geo_precision", "geo_precision"),
    ("source", source_publishers()),
    ("notes", Coalesce(NullIf("description", Value("")), "title", output_field=models.TextField())),
    ("fatalities", "killed_best"),
    ("timestamp", UnixTime("updated_at")),
    # Marsad's own columns.
    ("id", "pk"),
    ("date_end", "date_end"),
    ("date_precision", "date_precision"),
    ("title", "title"),
    ("title_ar", "title_ar"),
    ("location_ar", "location__name_ar"),
    ("country_code", "location__country_code"),
    ("weapon", "weapon"),
    ("outcome", "outcome"),
    ("count", "count"),
    ("fatalities_low", "killed_low"),
    ("fatalities_high", "killed_high"),
    ("injured", "injured_best"),
    ("injured_low", "injured_low"),
    ("injured_high", "injured_high"),
    ("claimants", actor_names(ActorRole.CLAIMANT)),
    ("verification", "verification"),
    ("url", incident_page_url),
]
