#!/usr/bin/env bash
# Lighthouse 12 (mobile, its default: a mid-range phone on a throttled network, simulated) on the home page, the
# catalogue, a product page and a scan page, in Vietnamese and in English, against the packaged jar with demo data.
# Prints the four category scores of each page and every scored audit below 1. Needs Node 18+ with npm (the npm
# package lighthouse 12.2.3 is installed into bench/lighthouse-work unless LIGHTHOUSE names a lighthouse binary),
# Debian's chromium, and a JDK 25 in JAVA_HOME. Not part of the test suite: CI has no npm network.
#
#   bench/lighthouse.sh                # figures on stdout; reports (JSON) and the portal's log in bench/lighthouse-work
#
# Environment: PORT (8095), BASE (an already running portal: skips building and starting one), LIGHTHOUSE,
# CHROME_PATH (/usr/bin/chromium), RUNS (1: each page this many times, the median performance score is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench/lighthouse-work
PORT=${PORT:-8095}
RUNS=${RUNS:-1}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$WORK"

LIGHTHOUSE=${LIGHTHOUSE:-$WORK/node_modules/.bin/lighthouse}
if [ ! -x "$LIGHTHOUSE" ]; then
  echo "Installing lighthouse 12.2.3 into $WORK ..."
  (cd "$WORK" && npm i -E --no-audit --no-fund --silent lighthouse@12.2.3)
fi

if [ -z "${BASE:-}" ]; then
  BASE=http://127.0.0.1:$PORT
  rm -rf "$WORK/data"
  ./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
  JAR=$(ls target/ocop-portal-*.jar | grep -v original | head -1)
  echo "Starting the portal (demo data, embedded PostgreSQL and Elasticsearch in $WORK/data) ..."
  OCOP_STAMP_SECRET=bench-only-stamp-key-not-secret-0123456789 OCOP_DEMO_DATA=true OCOP_PUBLIC_BASE_URL=$BASE \
  MICRONAUT_SERVER_PORT=$PORT \
    "$JAVA_HOME/bin/java" -Xmx1g -Docop.data-dir="$WORK/data" \
    -Docop.embedded.elasticsearch-home="$ROOT/target/elasticsearch/elasticsearch-8.19.21" \
    -jar "$JAR" > "$WORK/portal.log" 2>&1 &
  PORTAL=$!
  trap 'kill $PORTAL 2>/dev/null || true; wait $PORTAL 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -fs "$BASE/health" > /dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "$BASE/health" > /dev/null
  # The index is filled right after the start: wait until the catalogue lists products.
  for _ in $(seq 1 60); do
    curl -fs "$BASE/products" | grep -q 'href="/products/' && break
    sleep 1
  done
fi

# A product of the catalogue's first page, and the scan page of a valid product's stamp (dev mode logs one per status).
PRODUCT=$(curl -fs "$BASE/products" | grep -o 'href="/products/[^"?]*"' | head -1 | sed 's/href="//; s/"$//')
SCAN=$(grep -o '/q/[A-Z0-9]\{20\}' "$WORK/portal.log" 2>/dev/null | head -1 || true)
SCAN=${SCAN:-${SCAN_PATH:-}}
[ -n "$PRODUCT" ] || { echo "no product found on $BASE/products" >&2; exit 1; }
[ -n "$SCAN" ] || { echo "no stamp address in the portal's log: set SCAN_PATH=/q/<code>" >&2; exit 1; }

# Each page at its own address in its language: the Vietnamese one asked for in Vietnamese (a browser preferring
# English is sent on to /en/..., by design; that redirect is not what is measured here). The scan page has one
# address and answers in the language asked for.
pages=(
  "home vi|/|vi" "home en|/en/|en"
  "catalogue vi|/products|vi" "catalogue en|/en/products|en"
  "product vi|$PRODUCT|vi" "product en|/en$PRODUCT|en"
  "scan vi|$SCAN|vi" "scan en|$SCAN|en"
)
printf '%-14s %-11s %-13s %-14s %-5s  %s\n' page performance accessibility best-practices seo address
for entry in "${pages[@]}"; do
  IFS='|' read -r name path language <<< "$entry"
  file=$WORK/$(echo "$name" | tr ' ' '-')
  for run in $(seq 1 "$RUNS"); do
    "$LIGHTHOUSE" "$BASE$path" --quiet --output=json --output-path="$file-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --extra-headers="{\"Accept-Language\":\"$language\",\"Cookie\":\"lang=$language\"}" \
      --chrome-flags="--headless=new --no-sandbox --lang=$language" > /dev/null 2>&1 || true
  done
  python3 - "$name" "$path" "$file" "$RUNS" <<'EOF'
import json, statistics, sys
name, path, file, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
reports = []
for run in range(1, runs + 1):
    try:
        reports.append(json.load(open(f'{file}-{run}.json')))
    except (OSError, ValueError):
        pass
if not reports:
    print(f'{name:14s} no report (see {file}-1.json)')
    sys.exit()
score = lambda r, c: r['categories'][c]['score']
def shown(c):
    values = [score(r, c) for r in reports if score(r, c) is not None]
    return '-' if not values else str(round(100 * statistics.median(values)))
print(f'{name:14s} {shown("performance"):11s} {shown("accessibility"):13s} {shown("best-practices"):14s} '
      f'{shown("seo"):5s}  {path}')
last = reports[-1]
for category in last['categories'].values():
    for ref in category['auditRefs']:
        audit = last['audits'][ref['id']]
        if ref['weight'] > 0 and audit['score'] is not None and audit['score'] < 1:
            print(f'    {category["id"]}: {audit["id"]} {audit["score"]} {audit.get("displayValue", "")}')
EOF
done
