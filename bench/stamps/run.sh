#!/usr/bin/env bash
# The stamps benchmark (issue 4): the scan page /q/{code} under wrk over many distinct codes, with every scan
# recorded, against nginx serving a saved copy of one such page; QR PNGs per second; a 1,000-stamp PDF sheet;
# issuing 100,000 stamps. Needs wrk and nginx (apt-get install wrk nginx-light) and a JDK 25 in JAVA_HOME.
#
#   bench/stamps/run.sh            # figures on stdout; everything else in bench/stamps/work (git-ignored)
#
# Environment: PORT (portal, 8091), NGINX_PORT (8092), DURATION (wrk seconds, 20), CONNECTIONS (32), CODES (10000),
# SCAN_ONLY=1 (only the scan page and nginx: no 100,000-stamp run, PNGs or PDF),
# PORTAL_HEAP (the portal's collector and heap, "-XX:+UseZGC -Xmx2g": G1's young pauses kept the p99 above 10 ms),
# JAVA_OPTS (extra JVM options of the portal, e.g. a flight recording: -XX:StartFlightRecording=filename=x.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bench/stamps/work
PORT=${PORT:-8091}
NGINX_PORT=${NGINX_PORT:-8092}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
CODES=${CODES:-10000}
PORTAL_HEAP=${PORTAL_HEAP:--XX:+UseZGC -Xmx2g}
BASE=http://127.0.0.1:$PORT
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

rm -rf "$WORK" && mkdir -p "$WORK/www" "$WORK/nginx-tmp"
./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
JAR=$(ls target/ocop-portal-*.jar | grep -v original | head -1)

echo "Starting the portal (demo data, embedded PostgreSQL and Elasticsearch in $WORK/data) ..."
OCOP_STAMP_SECRET=bench-only-stamp-key-not-secret-0123456789 \
OCOP_DEMO_DATA=true OCOP_PUBLIC_BASE_URL=$BASE MICRONAUT_SERVER_PORT=$PORT \
  "$JAVA_HOME/bin/java" $PORTAL_HEAP ${JAVA_OPTS:-} -Docop.data-dir="$WORK/data" \
  -Docop.embedded.elasticsearch-home="$ROOT/target/elasticsearch/elasticsearch-8.19.21" \
  -jar "$JAR" > "$WORK/portal.log" 2>&1 &
PORTAL=$!
NGINX=
cleanup() {
  [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null || true
  kill "$PORTAL" 2>/dev/null || true
  wait "$PORTAL" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" > /dev/null
# A personal API token of the demo officer, made through the sign-in and account pages.
TOKEN=$(bench/staff-token.sh "$BASE")

auth=(-H "Authorization: Bearer $TOKEN")
batch() { # a batch of a product whose certificate is valid: the first one the EPCIS export knows
  for id in $(seq 1 80); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: bench-probe-$id" -d '{"quantity":1}' "$BASE/api/v1/batches/$id/stamp-issues")
    if [ "$code" = 202 ]; then echo "$id"; return; fi
  done
}
wait_done() { # polls a run until it is DONE
  while ! curl -fs "${auth[@]}" "$BASE$1" | grep -q '"status":"DONE"'; do sleep 0.2; done
}
BATCH=$(batch)

echo "Issuing $CODES item stamps for batch $BATCH ..."
run=$(curl -fs -D - -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$CODES" \
  -d "{\"quantity\":$CODES}" "$BASE/api/v1/batches/$BATCH/stamp-issues" | tr -d '\r' | awk '/^[Ll]ocation:/ {print $2}')
wait_done "$run"
curl -fs "${auth[@]}" "$BASE$run/stamps.csv" | tail -n +2 | cut -d, -f1 | sed 's|^|/q/|' > "$WORK/scan-paths.txt"
sed 's|$|.png?size=300|' "$WORK/scan-paths.txt" > "$WORK/png-paths.txt"
echo "  $(wc -l < "$WORK/scan-paths.txt") codes"

if [ -z "${SCAN_ONLY:-}" ]; then
echo "Issuing 100,000 item stamps ..."
start=$(date +%s.%N)
run100k=$(curl -fs -D - -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-100k" \
  -d '{"quantity":100000}' "$BASE/api/v1/batches/$BATCH/stamp-issues" | tr -d '\r' | awk '/^[Ll]ocation:/ {print $2}')
wait_done "$run100k"
ISSUE_100K=$(echo "$(date +%s.%N) - $start" | bc)
CSV_100K=$(curl -fs -o /dev/null -w '%{time_total}' "${auth[@]}" "$BASE$run100k/stamps.csv")

PDF_1000=$(curl -fs -o "$WORK/sheet.pdf" -w '%{time_total}' "${auth[@]}" "$BASE$run/sheet.pdf?count=1000")
PDF_1000_AGAIN=$(curl -fs -o /dev/null -w '%{time_total}' "${auth[@]}" "$BASE$run/sheet.pdf?from=1000&count=1000")
fi

# A saved copy of one scan page (and its style sheets) for nginx.
curl -fs "$BASE$(head -1 "$WORK/scan-paths.txt")" > "$WORK/www/scan.html"
sed -e "s|WORK|$WORK|g" -e "s|NGINX_PORT|$NGINX_PORT|g" bench/stamps/nginx.conf > "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX=$!
sleep 1

w() { PATHS=$1 wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency -s bench/stamps/paths.lua "$3" | grep RESULT; }
echo "Warming up (JIT) ..."
w "$WORK/scan-paths.txt" 10 "$BASE" > /dev/null
[ -n "${SCAN_ONLY:-}" ] || w "$WORK/png-paths.txt" 5 "$BASE" > /dev/null
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s:"
PORTAL_RESULT=$(w "$WORK/scan-paths.txt" "$DURATION" "$BASE")
echo "  portal /q/{code}, distinct codes:  $PORTAL_RESULT"
echo "/scan.html" > "$WORK/nginx-paths.txt"
NGINX_RESULT=$(w "$WORK/nginx-paths.txt" "$DURATION" "http://127.0.0.1:$NGINX_PORT")
echo "  nginx, saved copy of the page:     $NGINX_RESULT"
rate() { echo "$1" | sed -E 's/.*requests\/s=([0-9]+).*/\1/'; }
echo "  ratio portal / nginx: $(echo "scale=3; $(rate "$PORTAL_RESULT") / $(rate "$NGINX_RESULT")" | bc)"
if [ -z "${SCAN_ONLY:-}" ]; then
PNG_RESULT=$(w "$WORK/png-paths.txt" "$DURATION" "$BASE")
echo "  portal /q/{code}.png?size=300:     $PNG_RESULT"

echo "issuing 100,000 stamps: ${ISSUE_100K}s; their CSV: ${CSV_100K}s"
echo "A4 PDF sheet of 1,000 stamps: ${PDF_1000}s (again: ${PDF_1000_AGAIN}s)"
fi
# Stop the portal normally: the scan log writes what is queued and says how many scans it recorded.
kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true
echo "scan log at shutdown: $(grep -o 'Scan log closed: .*' "$WORK/portal.log" | tail -1)"
