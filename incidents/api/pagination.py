"""Paging of the incident list: offset pages with a total count, and keyset pages through a cursor.

A page number costs an OFFSET, which grows with the depth; a cursor (the sort key of the last row
sent) costs an index range scan from where the last page stopped, so the last page costs what the first
does. Pages start as cursor pages (the `next` link carries a cursor) for the orderings that have one;
`page` asks for offset paging. The total count is cached under the filters and the data version, so it
is computed once per change of the data, not once per page.
"""
import base64
import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import BooleanField, F, Func, Value
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .fields import ASCII_INTEGER, StrictIntegerField, query_param
from .filters import SPATIAL_FILTERS, IncidentFilter, filter_incidents
from .payloads import PrebuiltPage
from .versioning import data_version


@dataclass(frozen=True)
class Ordering:
    """One way to order incidents: the ORM's order_by, and the field a cursor resumes after (if any)."""

    order_by: tuple
    cursor_field: str | None = None
    descending: bool = False


# Every ordering ends with the id, so rows that tie on the first key keep one order across pages.
ORDERINGS = {
    "-date": Ordering(("-date_start", "-id"), "date_start", descending=True),
    "date": Ordering(("date_start", "id"), "date_start"),
    "-updated": Ordering(("-updated_at", "-id"), "updated_at", descending=True),
    "updated": Ordering(("updated_at", "id"), "updated_at"),
    # Casualty figures may be unknown: those come last both ways. Offset pages only.
    "-killed": Ordering((F("killed_best").desc(nulls_last=True), "-id")),
    "killed": Ordering((F("killed_best").asc(nulls_last=True), "id")),
}
DEFAULT_ORDERING = "-date"

# Parameters that page or format the list rather than choose incidents: not part of the count's key.
PAGING_PARAMETERS = {"page", "page_size", "cursor", "ordering", "format"}
COUNT_CACHE_SECONDS = 3600

MESSAGES = {
    "ordering": _("Order by one of: %(choices)s."),
    "cursor": _("This cursor is not one the API gave for this ordering: follow the next link."),
    "cursor_ordering": _("Cursor paging works with the orderings date, -date, updated and -updated; use page."),
    "cursor_and_page": _("Give either cursor or page, not both."),
    "no_page": _("There is no such page."),
}


def encode_cursor(ordering_name, key, pk):
    text = f"{ordering_name}|{key.isoformat()}|{pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(value, ordering_name, ordering):
    """Return (key, pk) of the row a cursor resumes after; raise a 400 naming `cursor` otherwise."""
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
        name, key, pk = text.split("|")
        if name != ordering_name or not ASCII_INTEGER.fullmatch(pk):
            raise ValueError(text)
        if ordering.cursor_field == "date_start":
            key = datetime.date.fromisoformat(key)
        else:
            key = datetime.datetime.fromisoformat(key)
            if key.tzinfo is None:
                raise ValueError(text)
        return key, int(pk)
    except (ValueError, UnicodeError):
        raise exceptions.ValidationError({"cursor": [MESSAGES["cursor"]]}) from None


class RowComparison(Func):
    """(a, b, …) < (x, y, …) in SQL: one condition a btree index on (a, b, …) scans as a range."""

    output_field = BooleanField()

    def __init__(self, left, operator, right):
        self.operator = operator
        self.width = len(left)
        super().__init__(*left, *right)

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        left, right = ", ".join(parts[: self.width]), ", ".join(parts[self.width :])
        return f"(({left}) {self.operator} ({right}))", params


def after_cursor(ordering, key, pk):
    """Return the condition for rows after (key, pk) in `ordering`: a range of the ordering's index."""
    operator = "<" if ordering.descending else ">"
    return RowComparison([F(ordering.cursor_field), F("pk")], operator, [Value(key), Value(pk)])


def count_key(request):
    """Return the cache key of the count of what the request's filters select, at this data version."""
    filters = sorted(
        (name, value)
        for name in request.query_params
        if name not in PAGING_PARAMETERS and name in IncidentFilter.base_filters
        for value in request.query_params.getlist(name)
    )
    digest = hashlib.sha256(repr(filters).encode()).hexdigest()
    return f"marsad:incident-count:{data_version()}:{digest}"


def cached_count(request):
    """Return the number of incidents the request's filters select, counted over their facts (IncidentFact),
    or over the incidents when a small area selects them (their spatial index finds it)."""
    key = count_key(request)
    count = cache.get(key)
    if count is None:
        spatial = any(name in request.query_params for name in SPATIAL_FILTERS)
        count = filter_incidents(request, facts=not spatial).order_by().count()
        cache.set(key, count, COUNT_CACHE_SECONDS)
    return count


@dataclass
class Page:
    items: list
    count: int
    next: str | None
    previous: str | None


class IncidentPagination:
    """Offset pages (`page`, `page_size` ≤ 1000) with the total `count`, and keyset pages (`cursor`).

    A `page` or `page_size` that is not a whole number from 1 is refused with a 400 naming it, rather
    than replaced by the default as DRF does; a page size above 1000 is capped.
    """

    page_size = 100
    max_page_size = 1000
    display_page_controls = False  # the browsable API shows the next and previous links in the body

    def get_results(self, data):
        """Return the page's items (the browsable API asks, to tell a list from a detail)."""
        if not isinstance(data, PrebuiltPage):
            raise TypeError("not a page")
        return data

    def get_page_size(self, request):
        page_size = query_param(request, "page_size", StrictIntegerField(required=False, min_value=1))
        return min(page_size, self.max_page_size) if page_size else self.page_size

    def get_ordering(self, request):
        name = request.query_params.get("ordering", DEFAULT_ORDERING)
        if name not in ORDERINGS:
            message = MESSAGES["ordering"] % {"choices": ", ".join(ORDERINGS)}
            raise exceptions.ValidationError({"ordering": [message]})
        return name, ORDERINGS[name]

    def paginate(self, request, queryset, item_texts):
        """Return the Page the request asks for, its items built by `item_texts(ids)` (texts in the ids' order).

        The page's ids and sort keys are chosen first, then their payloads by id: PostgreSQL would build the
        select list of every row an OFFSET skips, and the payload's query is compiled once (payloads.py).
        """
        page_size = self.get_page_size(request)
        ordering_name, ordering = self.get_ordering(request)
        page_number = query_param(request, "page", StrictIntegerField(required=False, min_value=1))
        cursor = request.query_params.get("cursor")
        url = request.build_absolute_uri()
        queryset = queryset.order_by(*ordering.order_by)
        if cursor is not None and page_number is not None:
            raise exceptions.ValidationError({"cursor": [MESSAGES["cursor_and_page"]]})
        if cursor is not None and ordering.cursor_field is None:
            raise exceptions.ValidationError({"cursor": [MESSAGES["cursor_ordering"]]})

        if page_number is not None or ordering.cursor_field is None:
            return self.offset_page(request, queryset, item_texts, page_number or 1, page_size, url)

        if cursor is not None:
            key, pk = decode_cursor(cursor, ordering_name, ordering)
            queryset = queryset.filter(after_cursor(ordering, key, pk))
        rows = list(queryset.values_list(ordering.cursor_field, "pk")[: page_size + 1])
        next_url = None
        if len(rows) > page_size:
            rows = rows[:page_size]
            key, pk = rows[-1]
            next_url = replace_query_param(url, "cursor", encode_cursor(ordering_name, key, pk))
        return Page(item_texts([pk for _, pk in rows]), cached_count(request), next_url, None)

    def offset_page(self, request, queryset, item_texts, page_number, page_size, url):
        count = cached_count(request)
        offset = (page_number - 1) * page_size
        if page_number > 1 and offset >= count:
            raise exceptions.NotFound(MESSAGES["no_page"])
        rows = item_texts(list(queryset.values_list("pk", flat=True)[offset : offset + page_size]))
        next_url = replace_query_param(url, "page", page_number + 1) if offset + page_size < count else None
        previous_url = None
        if page_number > 1:
            previous_url = replace_query_param(url, "page", page_number - 1)
        if page_number == 2:
            previous_url = remove_query_param(url, "page")
        return Page(rows, count, next_url, previous_url)

    def get_schema_operation_parameters(self, view):
        integer = {"type": "integer", "minimum": 1}
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number (offset paging, with the total count). Without it, pages follow cursors.",
                "schema": integer,
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Incidents per page: {self.page_size} by default, at most {self.max_page_size}.",
                "schema": integer,
            },
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": (
                    "Opaque keyset cursor from a `next` link: the page after the last incident sent, as fast at "
                    "any depth. For the orderings date, -date, updated, -updated."
                ),
                "schema": {"type": "string"},
            },
            {
                "name": "ordering",
                "in": "query",
                "required": False,
                "description": "Sort order; ties are broken by id. Unknown casualty figures come last.",
                "schema": {"type": "string", "enum": list(ORDERINGS), "default": DEFAULT_ORDERING},
            },
        ]

