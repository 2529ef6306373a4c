"""Time incident API pages (over HTTP: a gunicorn serving BASE_URL) against one hand-written SQL query for the same rows.

Usage (from the repository root): python bench/bench_incident_pages.py BASE_URL DSN [repeats]
"""
import json
import statistics
import sys
import time
import urllib.request

import psycopg

BASE, DSN = sys.argv[1], sys.argv[2]
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 7

# The same rows and fields as the API's GeoJSON page, in one query written by hand.
SQL = """
SELECT i.id, ST_AsGeoJSON(i.point)::json, i.title, i.title_ar, i.date_start, i.date_end, i.date_precision,
       i.event_type, i.sub_event_type, i.weapon, i.outcome, i.count, i.killed_best, i.injured_best,
       i.verification, i.geo_precision, l.id, l.name_en, l.name_ar, l.country_code, g.id, g.name_en, g.name_ar,
       (SELECT json_agg(json_build_object('id', a.id, 'name_en', a.name_en, 'name_ar', a.name_ar, 'role', ia.role)
                ORDER BY ia.role, a.name_en, ia.id)
          FROM incidents_incidentactor ia JOIN incidents_actor a ON a.id = ia.actor_id WHERE ia.incident_id = i.id),
       (SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
                                          'published', s.published) ORDER BY s.published, s.id)
          FROM incidents_source s WHERE s.id IN (SELECT source_id FROM incidents_incidentsource x WHERE x.incident_id = i.id)),
       i.updated_at
FROM incidents_incident i
JOIN incidents_location l ON l.id = i.location_id
LEFT JOIN incidents_location g ON g.id = l.governorate_id
WHERE i.status = 'published' {where}
ORDER BY i.date_start DESC, i.id DESC
LIMIT {limit}
"""


def timed(function, repeats=REPEATS):
    function()  # warm
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def http(path):
    def get():
        with urllib.request.urlopen(BASE + path) as response:
            return response.read()

    return get


def sql(connection, where, params, limit):
    query = SQL.format(where=where, limit=limit)

    def run():
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    return run


def show(name, samples):
    print(f"{name:<48} median {statistics.median(samples):8.1f} ms  min {min(samples):8.1f}  max {max(samples):8.1f}")


def main():
    connection = psycopg.connect(DSN, autocommit=True)
    with connection.cursor() as cursor:
        # The row a deep cursor resumes after: 90% of the way down the default ordering.
        cursor.execute("SELECT count(*) FROM incidents_incident WHERE status = 'published'")
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT date_start, id FROM incidents_incident WHERE status = 'published' "
            "ORDER BY date_start DESC, id DESC OFFSET %s LIMIT 1",
            [int(total * 0.9)],
        )
        deep_date, deep_id = cursor.fetchone()
    sys.path.insert(0, ".")
    import django

    django.setup()
    from incidents.api.pagination import encode_cursor  # noqa: E402

    cursor_value = encode_cursor("-date", deep_date, deep_id)
    box = (43.0, 32.0, 46.0, 35.0)
    cases = [
        (
            "bbox + 30 days, page of 500",
            "/api/v1/incidents/?in_bbox=%s,%s,%s,%s&date_from=2024-01-01&date_to=2024-01-30&page_size=500" % box,
            "AND ST_Within(i.point, ST_MakeEnvelope(%s, %s, %s, %s, 4326)) AND i.date_end >= '2024-01-01' AND i.date_start <= '2024-01-30'",
            list(box),
            500,
        ),
        ("unfiltered, page of 1000", "/api/v1/incidents/?page_size=1000", "", [], 1000),
        (
            f"deep cursor page of 1000 (row {int(total * 0.9)})",
            f"/api/v1/incidents/?page_size=1000&cursor={cursor_value}",
            "AND (i.date_start, i.id) < (%s, %s)",
            [deep_date, deep_id],
            1000,
        ),
    ]
    print(f"{total} published incidents; {REPEATS} timed runs each after one warm-up")
    for name, path, where, params, limit in cases:
        api_samples, body = timed(http(path))
        body = json.loads(body)
        sql_samples, rows = timed(sql(connection, where, params, limit))
        assert [f["id"] for f in body["features"]] == [row[0] for row in rows], name
        show(f"API  {name}", api_samples)
        show(f"SQL  {name}", sql_samples)
        print(f"     ratio of medians {statistics.median(api_samples) / statistics.median(sql_samples):.2f}, rows {len(rows)}")


main()
