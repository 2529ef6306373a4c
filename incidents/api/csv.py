"""CSV exports of the API's lists: every row the filters select, streamed from PostgreSQL in flat memory.

A list viewset gets `?format=csv` (or `Accept: text/csv`) by inheriting CSVExportMixin and declaring
`csv_columns`: (header, expression) pairs, where an expression is an ORM lookup path ("location__name_en"),
a Django expression usable in `.annotate()`, or a function of the request that returns one. The rows come from `self.filter_queryset(self.get_queryset())`,
so every filter of the list applies, and paging does not: an export has no row cap.

The database does all the work: the ORM compiles the filtered rows' query, and PostgreSQL writes it as CSV
itself (`COPY (query) TO STDOUT WITH (FORMAT csv)`), a row per message that is passed on a chunk of rows at a
time. No Python object is made per cell: at 1,000,000 incidents this is what makes an export run at the
speed of the query (docs/PERFORMANCE.md). The statement runs while the client downloads, so an export gets
its own, longer statement timeout (MARSAD_EXPORT_TIMEOUT, README's settings table) instead of the 30 s of
every other query; a download that outlives it ends without HTTP's last chunk, which clients report as a
cut-off transfer, never as a complete file.

Article text is untrusted: a cell that a spreadsheet would read as a formula (=, +, -, @, a tab or a carriage
return first, after any spaces) is prefixed with an apostrophe, in SQL, before it leaves the database.

The file is UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local code page and shows
Arabic as mojibake; pandas, R and `encoding="utf-8-sig"` in Python skip it. Rows end with CRLF (RFC 4180).
"""
import csv
import datetime
import io
import json
from itertools import chain

from django.conf import settings
from django.contrib.gis.db.models.functions import GeoFunc
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import (
    Cast,
    Coalesce,
    Concat,
    ExtractYear,
    NullIf,
)
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from psycopg.pq import TransactionStatus
from rest_framework import exceptions, renderers

from incidents import reference
from incidents.models import (
    Actor,
    ActorRole,
    DatePrecision,
    IncidentActor,
    IncidentSource,
    Source,
)

# A cell that starts like this, after any white space, is a formula to Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"). The pattern reads the same in PostgreSQL and Python regular expressions; PostgreSQL's
# \s leaves out the separators and Unicode spaces (no-break, ideographic...) that Python's has, hence the list.
FORMULA_START = r"^([\s\x1c-\x1f\x85\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*[-=+@\t\r])"
NEUTRALIZED = "'\\1"  # the apostrophe before the match: spreadsheets show the text as text
# Every first character that FORMULA_START can match: the formula signs, every white space (str.isspace(), as
# wide as the pattern's class above), and the zero-width space and byte-order mark.
# A cell that starts otherwise is left alone without running the regular expression: on ~20 text cells a row,
# the regular expression was a fifth of a full export's time (docs/PERFORMANCE.md).
FORMULA_TRIGGERS = sorted({*"-=+@", *(char for char in map(chr, range(0x10000)) if char.isspace()), "\u200b", "\ufeff"})

BYTE_ORDER_MARK = "\ufeff"
CSV_CHUNK_ROWS = 5000


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


class JoinedColumns:
    """Columns that a grouped query computes for all the exported rows at once, joined to them on their id.

    A correlated subquery per row (the incident's actors by role, its sources' publishers) costs an index
    probe and an aggregate for every row: at 1,000,000 incidents, 80 % of the export's time. One GROUP BY over
    the link table, restricted to the selected rows, is joined to them instead (csv_query). `rows` are the
    columns each linked row gives (SQL over `tables`, named), `distinct` whether equal rows count once, `key`
    the link table's column of the exported row's id; `aggregates` compute the columns `names` over `rows`'
    names. The text is the code's own, never a client's.

    The linked rows are sorted once, by the group's keys and then by `order` (their names), and aggregated in
    that order: an aggregate's own ORDER BY (or DISTINCT) would sort each of a million groups on its own,
    which cost a quarter of the export (docs/PERFORMANCE.md). PostgreSQL feeds an aggregate its input in the
    order of a sorted subquery: the subquery is not flattened (it has an ORDER BY), and its order already
    groups it, so no other sort comes between them.
    """

    def __init__(self, rows, order, aggregates, tables, key, names, distinct=False):
        self.rows, self.order, self.aggregates, self.tables, self.key = rows, order, aggregates, tables, key
        self.distinct = "DISTINCT " if distinct else ""
        self.names = list(names)

    def __getitem__(self, name):
        if name not in self.names:
            raise KeyError(name)
        return JoinedColumn(self, name)

    def by_id(self, keys_sql):
        """Return the grouped query for the rows whose ids `keys_sql` selects, one row per id (`key`)."""
        return (
            f"SELECT key, {self.aggregates} FROM (SELECT {self.distinct}{self.key} AS key, {self.rows}"
            f" FROM {self.tables} WHERE {self.key} IN ({keys_sql}) ORDER BY key, {self.order}) AS linked"
            " GROUP BY key"
        )

    def in_order(self, keys_sql, sort_columns, terms):
        """Return the grouped query for the rows that `keys_sql` selects (with their `sort_columns`), in the
        export's order: `terms` are (column, descending) over `sort_columns` and "key", the row's id."""
        group = [column for column, descending in terms]
        order = [f"{column} {'DESC' if descending else 'ASC'}" for column, descending in terms]
        selected = [*(f"keys.{column} AS {column}" for column in sort_columns), f"{self.key} AS key", self.rows]
        return (
            f"SELECT {', '.join([*sort_columns, 'key'])}, {self.aggregates} FROM (SELECT {self.distinct}"
            f"{', '.join(selected)} FROM {self.tables} JOIN ({keys_sql}) AS keys ON keys.pk = {self.key}"
            f" ORDER BY {', '.join(order)}, {self.order}) AS linked"
            f" GROUP BY {', '.join(group)} ORDER BY {', '.join(order)}"
        )


class JoinedColumn:
    """One of the columns of a JoinedColumns group, as a CSV column's expression."""

    def __init__(self, group, name):
        self.group, self.name = group, name


def csv_values(queryset, columns):
    """Return `queryset` as tuples of the columns' values (ORM columns only), and whether each is text."""
    queryset = queryset.prefetch_related(None)
    expressions = {
        f"csv_{number}": F(expression) if isinstance(expression, str) else expression
        for number, (header, expression) in enumerate(columns)
    }
    values = queryset.annotate(**expressions)
    # Only text cells can hold a formula (-3.5 is a longitude): the type of each resolved expression says.
    text = [is_text(values.query.annotations[name].output_field) for name in expressions]
    return values.values_list(*expressions), text


def neutralized(cell):
    """Return SQL giving the text `cell` (SQL) with an apostrophe first if a spreadsheet would read a formula.

    The regular expression runs only on a cell whose first character could start one; its parameters, in the
    order of their placeholders, come with it.
    """
    return (
        f"CASE WHEN left({cell}, 1) = ANY(%s) THEN regexp_replace({cell}, %s, %s) ELSE {cell} END",
        [FORMULA_TRIGGERS, FORMULA_START, NEUTRALIZED],
    )


def sort_keys(queryset):
    """Return the columns that order `queryset` ({name: expression}), the ORDER BY terms over them, and the
    terms as (name, descending) up to the id, if every one is a NOT NULL column of the model (else None).

    The export sorts once, after its joins: a hash join does not keep its input's order.
    """
    columns, terms, merge_terms, meta = {}, [], [], queryset.model._meta
    for number, term in enumerate([*(queryset.query.order_by or meta.ordering), "pk"]):
        if isinstance(term, str):
            expression, descending, nulls = F(term.lstrip("-")), term.startswith("-"), ""
        else:  # an OrderBy expression
            expression, descending = term.expression, term.descending
            nulls = " NULLS LAST" if term.nulls_last else " NULLS FIRST" if term.nulls_first else ""
        name = f"csv_sort_{number}"
        columns[name] = expression
        terms.append(f"base.{name} {'DESC' if descending else 'ASC'}{nulls}")
        if merge_terms is not None and not (merge_terms and merge_terms[-1][0] == "key"):
            field = not_null_field(meta, expression)
            if field is None:
                merge_terms = None
            else:
                merge_terms.append(("key" if field.primary_key else name, descending))
    return columns, terms, merge_terms


def not_null_field(meta, expression):
    """Return the model's own NOT NULL field that `expression` is, or None."""
    if not isinstance(expression, F) or LOOKUP_SEP in expression.name:
        return None
    try:
        field = meta.pk if expression.name == "pk" else meta.get_field(expression.name)
    except FieldDoesNotExist:
        return None
    return None if field.null or not field.concrete or field.is_relation else field


def csv_query(queryset, columns):
    """Return the SQL and parameters that select the export's rows, in the queryset's order.

    The ORM's query of the rows (`base`) is wrapped in one that neutralizes the text cells, joins the joined
    columns, if any, and sorts. When the order is by NOT NULL columns of the model (the list's date and
    updated orderings), each joined group comes grouped and sorted in that order and is joined on the sort
    columns and the id: PostgreSQL then merges streams already in order (the rows from an index, the groups
    sorted narrow) instead of sorting the wide joined rows at the end (docs/PERFORMANCE.md).
    """
    plain = [(header, expression) for header, expression in columns if not isinstance(expression, JoinedColumn)]
    joined = [expression for header, expression in columns if isinstance(expression, JoinedColumn)]
    sort_columns, order_by, merge_terms = sort_keys(queryset)
    values, text = csv_values(queryset.order_by(), plain)
    base_sql, params = values.annotate(csv_key=F("pk"), **sort_columns).query.sql_with_params()
    groups = list(dict.fromkeys(column.group for column in joined))
    alias = {group: f"joined_{number}" for number, group in enumerate(groups)}
    if merge_terms:
        merge_columns = [name for name, descending in merge_terms if name != "key"]
        keys = queryset.order_by().annotate(**{name: sort_columns[name] for name in merge_columns})
        keys_sql, keys_params = keys.values("pk", *merge_columns).query.sql_with_params()
        group_sql = {group: group.in_order(keys_sql, merge_columns, merge_terms) for group in groups}
        conditions = {
            group: " AND ".join(f"{alias[group]}.{name} = base.{name}" for name in merge_columns) for group in groups
        }
    else:
        keys_sql, keys_params = queryset.order_by().values("pk").query.sql_with_params()
        group_sql = {group: group.by_id(keys_sql) for group in groups}
        conditions = {group: "" for group in groups}
    cells, cell_params, plain_number = [], [], 0
    for header, expression in columns:
        if isinstance(expression, JoinedColumn):
            cell, is_text_cell = f"{alias[expression.group]}.{expression.name}", True
        else:
            cell, is_text_cell = f"base.csv_{plain_number}", text[plain_number]
            plain_number += 1
        if is_text_cell:
            cell, more_params = neutralized(cell)
            cell_params += more_params
        cells.append(cell)
    joins = "".join(
        f" LEFT JOIN ({group_sql[group]}) AS {alias[group]} ON {alias[group]}.key = base.csv_key"
        + (f" AND {conditions[group]}" if conditions[group] else "")
        for group in groups
    )
    sql = f"SELECT {', '.join(cells)} FROM ({base_sql}) AS base{joins} ORDER BY {', '.join(order_by)}"
    # The parameters in the order of their placeholders: the cells', the base query's, each join's ids'.
    return sql, (*cell_params, *params, *[value for group in groups for value in keys_params])


def export_settings():
    """Return the PostgreSQL settings of an export's session, reset when it ends.

    - statement_timeout: the export runs while the client downloads (MARSAD_EXPORT_TIMEOUT);
    - work_mem: the joined columns' hash tables and the sort of a million rows fit in memory rather than
      in temporary files (MARSAD_EXPORT_WORK_MEM; one export at a time per connection);
    - no parallel workers: each would build its own copy of the joined columns' hash tables.
    """
    return {
        "statement_timeout": str(round(1000 * settings.MARSAD_EXPORT_TIMEOUT)),
        "work_mem": settings.MARSAD_EXPORT_WORK_MEM,
        "max_parallel_workers_per_gather": "0",
    }


def copy_rows(query, chunk_rows=CSV_CHUNK_ROWS):
    """Yield the rows that `query` (SQL, parameters) selects as CSV made by PostgreSQL, `chunk_rows` a chunk.

    COPY sends one message per row, ending in a line feed (the only one outside quotes: a line break in a
    cell is quoted); each becomes CRLF. A generator closed early (the client went away) leaves the COPY
    block with GeneratorExit: psycopg cancels the statement and drains the connection for the next request.
    """
    sql, params = query
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor: Django's wrapper has no copy()
        session = export_settings()
        raw.execute("SELECT " + ", ".join(["set_config(%s, %s, false)"] * len(session)), [*chain(*session.items())])
        try:
            with raw.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
                chunk, rows = bytearray(), 0
                for row in copy:
                    chunk += row[:-1]
                    chunk += b"\r\n"
                    rows += 1
                    if rows == chunk_rows:
                        yield bytes(chunk)
                        chunk, rows = bytearray(), 0
                if chunk:
                    yield bytes(chunk)
        finally:
            if raw.connection.info.transaction_status != TransactionStatus.INERROR:  # else its rollback undoes them
                raw.execute("; ".join(f"RESET {name}" for name in session))


def header_line(headers):
    """Return the file's first bytes: the byte-order mark and the header row."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    csv.writer(buffer).writerow(headers)
    return buffer.getvalue().encode()


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

    def export_ordering(self, queryset):
        """Return `queryset` in the order of the list's pages (`?ordering=` where the paginator has one)."""
        get_ordering = getattr(self.paginator, "get_ordering", None)
        if get_ordering is None or self.detail:
            return queryset
        _name, ordering = get_ordering(self.request)
        return queryset.order_by(*ordering.order_by)

    def export_csv(self, request, *args, **kwargs):
        """Return the selected rows as a streamed CSV file."""
        queryset = self.export_ordering(self.filter_queryset(self.get_queryset()))
        if self.detail:
            queryset = queryset.filter(pk=self.get_object().pk)
        columns = self.get_csv_columns()
        header = header_line([header for header, expression in columns])
        if request.method == "HEAD":
            lines = iter(())
        else:
            lines = csv_file(header, copy_rows(csv_query(queryset, columns), self.csv_chunk_rows))
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_csv_filename()}"'
        return response


def csv_file(header, rows):
    """Yield the file: the header row with the first chunk of rows, then the other chunks.

    Nothing runs before the server asks for the first chunk: the COPY holds its connection (psycopg locks it
    for the whole COPY), so it must not start for a response that is never sent, and it is closed (cancelled)
    whenever the response is, sent in full or not.
    """
    try:
        yield header + next(rows, b"")
        yield from rows
    finally:
        rows.close()


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


# The actor columns: the names of the incident's actors in a role, "; " between them in alphabetical order.
ACTOR_ROLE_COLUMNS = {"actor1": ActorRole.PERPETRATOR, "actor2": ActorRole.TARGET, "claimants": ActorRole.CLAIMANT}
assert all(role.isidentifier() for role in ACTOR_ROLE_COLUMNS.values())  # spliced into SQL: the code's constants

ACTOR_NAMES = JoinedColumns(
    "actor.name_en AS name, link.role AS role",
    "name",
    ", ".join(
        f"string_agg(name, '; ') FILTER (WHERE role = '{role}') AS {name}" for name, role in ACTOR_ROLE_COLUMNS.items()
    ),
    f"{IncidentActor._meta.db_table} AS link JOIN {Actor._meta.db_table} AS actor ON actor.id = link.actor_id"
    " AND actor.deleted_at IS NULL",
    "link.incident_id",
    ACTOR_ROLE_COLUMNS,
)

# The publishers of the incident's sources, each once, "; " between them in alphabetical order.
SOURCE_PUBLISHERS = JoinedColumns(
    "source.publisher AS publisher",
    "publisher",
    "string_agg(publisher, '; ') AS publishers",
    f"{IncidentSource._meta.db_table} AS link "
    f"JOIN {Source._meta.db_table} AS source ON source.id = link.source_id AND source.publisher <> '' "
    "AND source.deleted_at IS NULL",
    "link.incident_id",
    ["publishers"],
    distinct=True,
)


class JsonLookup(models.Func):
    """The value of a JSON object's key: `{"IQ": "IRQ"}` looked up by the expression's value (one hash probe)."""

    arg_joiner = "::jsonb ->> "
    template = "(%(expressions)s)"
    output_field = models.CharField()

    def __init__(self, mapping, expression, **extra):
        super().__init__(Value(json.dumps(mapping)), expression, **extra)


def country_name():
    """Return the English name of the incident's country (the gazetteer's countries.csv), or ""."""
    names = {iso2: codes[1] for iso2, codes in reference.country_codes().items()}
    return Coalesce(JsonLookup(names, F("location__country_code")), Value(""), output_field=models.CharField())


def event_id_cnty():
    """Return ACLED's event id: the country's ISO 3166-1 alpha-3 code and Marsad's id (IRQ1234)."""
    alpha3 = {iso2: codes[0] for iso2, codes in reference.country_codes().items()}
    iso3 = Coalesce(JsonLookup(alpha3, F("location__country_code")), F("location__country_code"))
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
    ("actor1", ACTOR_NAMES["actor1"]),
    ("actor2", ACTOR_NAMES["actor2"]),
    ("country", country_name()),
    ("admin1", "location__governorate__name_en"),
    ("location", "location__name_en"),
    ("latitude", Latitude("point")),
    ("longitude", Longitude("point")),
    ("geo_precision", "geo_precision"),
    ("source", SOURCE_PUBLISHERS["publishers"]),
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
    ("claimants", ACTOR_NAMES["claimants"]),
    ("verification", "verification"),
    ("url", incident_page_url),
]
