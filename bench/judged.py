#!/usr/bin/env python3
"""The judged relevance set (src/test/resources/search/judged-queries.tsv) against a running portal's API, for a
catalogue other than the demo one (bench/catalogue.sh runs it on the 20,000-product benchmark catalogue, where the
demo products compete with 20,000 generated ones). Prints success@3 and the zero-result rate, per kind and overall.

    python3 bench/judged.py http://127.0.0.1:8093
"""
import collections
import json
import sys
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
judged = "src/test/resources/search/judged-queries.tsv"
per_kind = collections.defaultdict(lambda: [0, 0, 0])  # queries, found in the top 3, empty
misses = []
with open(judged, encoding="utf-8") as lines:
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        query, expected, kind = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        every = "|" not in expected
        wanted = [slug for slug in expected.replace("|", ",").split(",") if slug]
        url = base + "/api/v1/products?" + urllib.parse.urlencode({"q": query, "size": 3})
        with urllib.request.urlopen(url, timeout=30) as answer:
            body = json.load(answer)
        top = [item["slug"] for item in body.get("items", body.get("products", []))][:3]
        found = all(s in top for s in wanted) if every else any(s in top for s in wanted)
        figures = per_kind[kind or "other"]
        figures[0] += 1
        figures[1] += found
        figures[2] += not top
        if not found:
            misses.append(f"{query!r} -> {top} (wanted {expected})")
total = [sum(f[i] for f in per_kind.values()) for i in range(3)]
for kind, (queries, found, empty) in sorted(per_kind.items()):
    print(f"  {kind:<22} {found:>4}/{queries:<4} success@3 {100 * found / queries:5.1f} %   zero results {empty}")
print(f"judged set: {total[1]}/{total[0]} success@3 {100 * total[1] / total[0]:.1f} %,"
      f" zero results {100 * total[2] / total[0]:.1f} % ({total[2]})")
for miss in misses:
    print("  miss:", miss)
