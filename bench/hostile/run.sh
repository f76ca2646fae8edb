#!/usr/bin/env bash
# The scan page under hostile traffic (issue 13): first scans of stamps never scanned before (fresh.lua, the stamp read
# from PostgreSQL), then scans of the same stamps each from a new network (mix.lua, every one counted and writing
# copy-detection evidence), then those mixed with scans of invented codes from a few networks; genuine scans should
# keep their speed while the junk is limited (429). The JIT is warmed first on other stamps. Then the
# database's growth per million scans: the scan journal, the copy-detection evidence and the junk counts, measured
# with psql on the embedded PostgreSQL before and after. Needs wrk and psql (apt-get install wrk postgresql-client)
# and a JDK 25 in JAVA_HOME.
#
#   bench/hostile/run.sh          # figures on stdout; everything else in bench/hostile/work (git-ignored)
#
# Environment: PORT (8094), DURATION (wrk seconds, 20), CONNECTIONS (32), CODES (20000: stamps measured),
# WARM_CODES (10000: other stamps, scanned to warm up), JUNK_PERCENT (50),
# JUNK_NETWORKS (20), PORTAL_HEAP ("-XX:+UseZGC -Xmx2g", as bench/stamps/run.sh), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bench/hostile/work
PORT=${PORT:-8094}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
CODES=${CODES:-20000}
WARM_CODES=${WARM_CODES:-10000}
PORTAL_HEAP=${PORTAL_HEAP:--XX:+UseZGC -Xmx2g}
BASE=http://127.0.0.1:$PORT
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

rm -rf "$WORK" && mkdir -p "$WORK"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
JAR=$(ls target/ocop-portal-*.jar | grep -v original | head -1)

echo "Starting the portal (demo data, embedded PostgreSQL and Elasticsearch in $WORK/data) ..."
OCOP_STAMP_SECRET=bench-only-stamp-key-not-secret-0123456789 \
OCOP_DEMO_DATA=true OCOP_PUBLIC_BASE_URL=$BASE MICRONAUT_SERVER_PORT=$PORT \
OCOP_HTTP_TRUSTED_PROXIES=127.0.0.1/32 \
  "$JAVA_HOME/bin/java" $PORTAL_HEAP ${JAVA_OPTS:-} -Docop.data-dir="$WORK/data" \
  -Docop.embedded.elasticsearch-home="$ROOT/target/elasticsearch/elasticsearch-8.19.21" \
  -jar "$JAR" > "$WORK/portal.log" 2>&1 &
PORTAL=$!
cleanup() {
  kill "$PORTAL" 2>/dev/null || true
  wait "$PORTAL" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" > /dev/null
PG_PORT=$(grep -o 'Embedded PostgreSQL is listening on port [0-9]*' "$WORK/portal.log" | grep -o '[0-9]*$' | head -1)
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc "$1"; }
SIZE="select pg_total_relation_size('scan') + pg_total_relation_size('stamp_scan_day')
        + pg_total_relation_size('stamp_network') + pg_total_relation_size('stamp_day')
        + pg_total_relation_size('stamp_province') + pg_total_relation_size('refused_scan_daily')"

# A personal API token of the demo officer, made through the sign-in and account pages.
TOKEN=$(bench/staff-token.sh "$BASE")
auth=(-H "Authorization: Bearer $TOKEN")
batch() { # a batch of a product whose certificate is valid
  for id in $(seq 1 80); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: bench-probe-$id" -d '{"quantity":1}' "$BASE/api/v1/batches/$id/stamp-issues")
    if [ "$code" = 202 ]; then echo "$id"; return; fi
  done
}
BATCH=$(batch)
issue() { # issue N item stamps for the batch; their scan addresses in the file named
  echo "Issuing $1 item stamps for batch $BATCH ..."
  local run
  run=$(curl -fs -D - -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$2" \
    -d "{\"quantity\":$1}" "$BASE/api/v1/batches/$BATCH/stamp-issues" | tr -d '\r' | awk '/^[Ll]ocation:/ {print $2}')
  while ! curl -fs "${auth[@]}" "$BASE$run" | grep -q '"status":"DONE"'; do sleep 0.2; done
  curl -fs "${auth[@]}" "$BASE$run/stamps.csv" | tail -n +2 | cut -d, -f1 | sed 's|^|/q/|' > "$WORK/$2.txt"
  echo "  $(wc -l < "$WORK/$2.txt") codes"
}
issue "$WARM_CODES" warm
issue "$CODES" genuine

w() { GENUINE="$WORK/genuine.txt" JUNK_PERCENT=$1 wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency \
  -s bench/hostile/mix.lua "$BASE" | grep RESULT; }
first() { GENUINE="$WORK/$1.txt" WRK_THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency \
  -s bench/hostile/fresh.lua "$BASE" | grep RESULT; }
echo "Warming up (JIT) on other stamps: their first scans, then scans of them from new networks ..."
first warm 60 > /dev/null
GENUINE="$WORK/warm.txt" JUNK_PERCENT=0 wrk -t2 -c"$CONNECTIONS" -d10s -s bench/hostile/mix.lua "$BASE" > /dev/null
sleep 2 # the scan log catches up
size_before=$(sql "$SIZE")
journal_before=$(sql "select pg_total_relation_size('scan')")
scans_before=$(sql "select count(*) from scan")
echo "wrk -t2 -c$CONNECTIONS, at most ${DURATION}s each:"
echo "  first scans of $CODES new stamps:         $(first genuine "$DURATION")"
echo "  genuine scans, each from a new network: $(w 0 "$DURATION")"
echo "  genuine + ${JUNK_PERCENT:-50} % invented codes (${JUNK_NETWORKS:-20} networks): $(w "${JUNK_PERCENT:-50}" "$DURATION")"
previous=-1 # the scan log writes what the runs left queued: wait until the journal stops growing
for _ in $(seq 1 60); do
  now=$(sql "select count(*) from scan")
  [ "$now" = "$previous" ] && break
  previous=$now
  sleep 2
done
size_after=$(sql "$SIZE")
journal_after=$(sql "select pg_total_relation_size('scan')")
scans_after=$(sql "select count(*) from scan")
refused=$(sql "select coalesce(sum(scans), 0) from refused_scan_daily")
refused_rows=$(sql "select count(*) from refused_scan_daily")
journal=$((scans_after - scans_before))
echo "database growth: $((size_after - size_before)) bytes for $journal journalled scans and $refused scans of"
echo "  invented codes ($refused_rows rows of counts): $(echo "scale=1; ($size_after - $size_before) / $journal" | bc)" \
  "bytes a journalled scan, $(echo "scale=0; ($size_after - $size_before) * 1000000 / $journal / 1048576" | bc) MB" \
  "per million (journal, evidence and counts together)"
echo "  the journal alone (table scan and its indexes): $(echo "scale=1; ($journal_after - $journal_before) / $journal" | bc)" \
  "bytes a scan, $(echo "scale=0; ($journal_after - $journal_before) * 1000000 / $journal / 1048576" | bc) MB per million"
# Stop the portal normally: the scan log writes what is queued.
kill "$PORTAL"; wait "$PORTAL" 2>/dev/null || true
echo "scan log at shutdown: $(grep -o 'Scan log closed: .*' "$WORK/portal.log" | tail -1)"
