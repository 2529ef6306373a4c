"""Validate hand codings (no extraction): run from /work/main as
`.venv/bin/python bench/heldout/validate_codings.py [folder]` (default bench/heldout).

Checks every .expected.json: article length 150-400 words after intake; valid ACLED pairs and model choices; every
place a gazetteer name in its country and no more precise than the gazetteer; every actor, speaker, absent actor in
actors.csv and every absent place in the gazetteer; every evidence string and statement text an exact substring
of the text as intake stores it; statement incident indexes in range.
"""
import json, os, sys
from pathlib import Path as _P
sys.path.insert(0, str(_P(__file__).resolve().parents[2]))
from pathlib import Path
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
import django; django.setup()
from incidents import taxonomy
from incidents.extraction.intake import text_from_upload
from incidents.extraction.scoring import place_entries, actor_entries
D = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
places = {}
for e in place_entries():
    places.setdefault(e.name_en, []).append(e)
actors = {e.name_en for e in actor_entries()}
W = {"rocket","missile","drone","airstrike","artillery","ied","small arms","other","unknown"}
O = {"hit","intercepted","failed","unknown"}; V = {"confirmed","reported","claimed","contested","discounted"}
R = {"perpetrator","target","claimant","interceptor","associated"}
K = {"report","claim","condemnation","denial","demand","position","casualty figures"}
bad = 0
def err(*a):
    global bad; bad += 1; print("  ERROR", *a)
for f in sorted(D.glob("*.expected.json")):
    d = json.loads(f.read_text())
    src = D / d["source"]["file"]
    text = text_from_upload(src.read_bytes(), src.name)
    words = len(text.split())
    print(f.name, "words", words, "incidents", len(d["incidents"]), "statements", len(d["statements"]))
    if not 150 <= words <= 400: err("length", words)
    for i in d["incidents"]:
        if not taxonomy.is_valid_pair(i["event_type"], i["sub_event_type"]): err("pair", i["key"])
        if i["weapon"] not in W or i["outcome"] not in O or i["verification"] not in V: err("choice", i["key"])
        loc = i["location"]; es = places.get(loc["name_en"])
        if not es: err("place", loc)
        elif not any(e.country_code == loc["country"] and e.geo_precision <= loc["geo_precision"] for e in es): err("place country/precision", loc, [(e.key, e.country_code, e.geo_precision) for e in es])
        for a in i["actors"]:
            if a["name_en"] not in actors or a["role"] not in R: err("actor", a)
        for ev in i["evidence"]:
            if ev not in text: err("evidence", i["key"], ev[:60])
        for k in ("killed", "injured"):
            if set(i[k]) != {"best", "low", "high"}: err(k)
    for s in d["statements"]:
        if s["text"] not in text: err("statement", s["text"][:60])
        if s["speaker_actor"] is not None and s["speaker_actor"] not in actors: err("speaker", s["speaker_actor"])
        if s["kind"] not in K: err("kind", s["kind"])
        if s["speaker"] not in s["text"] and s["speaker"] not in text: err("speaker text", s["speaker"])
        if any(n >= len(d["incidents"]) for n in s["incidents"]): err("index")
    for p in d.get("absent_places", []):
        if p not in places: err("absent place", p)
    for a in d.get("absent_actors", []):
        if a not in actors: err("absent actor", a)
print("errors:", bad)
sys.exit(1 if bad else 0)
