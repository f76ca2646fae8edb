#!/usr/bin/env bash
# The producers and products desks' benchmark (issue 12): grows the demo catalogue to about 20,000 products with
# bench/generate-products.sql (as bench/catalogue.sh does), signs in as the demo officers through the sign-in page,
# then loads the desks' lists (bench/desk/lists.lua: searches without accents, filters, sorts, pages) with wrk and
# prints the latency percentiles, and the plans and timings of the lists' queries (bench/desk/explain.sql).
# Needs wrk and psql (apt-get install wrk postgresql-client) and a JDK 25 in JAVA_HOME. The goal: p95 <= 100 ms.
#
#   bench/desk/run.sh                                  # figures on stdout; the rest in bench/desk-work (git-ignored)
#   PRODUCTS=500 DURATION=5 bench/desk/run.sh          # a quick check that it runs
#
# Environment: PORT (8095), PRODUCTS (20000), DURATION (wrk seconds, 30), CONNECTIONS (1 4: one run each),
# JAVA_OPTS (extra JVM options of the portal).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bench/desk-work
PORT=${PORT:-8095}
PRODUCTS=${PRODUCTS:-20000}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-1 4}
BASE=http://localhost:$PORT
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

rm -rf "$WORK" && mkdir -p "$WORK"
if [ -z "${SKIP_BUILD:-}" ]; then ./mvnw -o -q package -DskipTests -Dspotless.check.skip=true; fi
JAR=$(ls target/ocop-portal-*.jar | grep -v original | head -1)

echo "Starting the portal (demo data, embedded PostgreSQL and Elasticsearch in $WORK/data) ..."
OCOP_STAMP_SECRET=bench-only-stamp-key-not-secret-0123456789 OCOP_DEMO_DATA=true OCOP_PUBLIC_BASE_URL=$BASE \
MICRONAUT_SERVER_PORT=$PORT \
  "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseShenandoahGC ${JAVA_OPTS:-} -Docop.data-dir="$WORK/data" \
  -Docop.embedded.elasticsearch-home="$ROOT/target/elasticsearch/elasticsearch-8.19.21" \
  -jar "$JAR" > "$WORK/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null || true; wait $PORTAL 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health" > /dev/null
PG="postgresql://postgres@localhost:$(sed -n 4p "$WORK/data/postgres/postmaster.pid")/postgres"

echo "Adding $PRODUCTS products ..."
psql -q "$PG" -v n="$PRODUCTS" -f bench/generate-products.sql > /dev/null
start=$(date +%s)
while [ "$(psql -qtA "$PG" -c 'select count(*) from search_outbox where processed_at is null')" != 0 ]; do sleep 1; done
echo "  indexed for the catalogue in $(( $(date +%s) - start )) s (the lists are measured on a quiet portal)"
psql -q "$PG" -c 'vacuum analyze' > /dev/null
echo "  $(psql -qtA "$PG" -c 'select count(*) from product') products, $(psql -qtA "$PG" -c 'select count(*) from producer') producers"

# A session of a demo account, through the sign-in page as a person would (these accounts have no second factor).
session() {
  local jar form
  jar=$(mktemp)
  form=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_form" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_form=$form" --data-urlencode "email=$1" \
    --data-urlencode "password=ocop demo passphrase" "$BASE/login"
  awk '$6 ~ /ocop_session/ {print $6 "=" $7}' "$jar"
  rm -f "$jar"
}
NATIONAL=$(session officer@demo.ocop.vn)
HANOI=$(session officer.hanoi@demo.ocop.vn)
[ -n "$NATIONAL" ] && [ -n "$HANOI" ] || { echo "could not sign in as the demo officers" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $NATIONAL" "$BASE/admin/products?q=ca+phe")
[ "$status" = 200 ] || { echo "/admin/products answered $status" >&2; exit 1; }

echo "Warming up ..."
COOKIE=$NATIONAL wrk -t2 -c4 -d"$(( DURATION < 20 ? DURATION : 20 ))"s -s bench/desk/lists.lua "$BASE" > /dev/null
echo "wrk -t2 -d${DURATION}s --latency (the lists of bench/desk/lists.lua in turn):"
for c in $CONNECTIONS; do
  for who in national hanoi; do
    cookie=$NATIONAL; [ "$who" = hanoi ] && cookie=$HANOI
    for lists in products producers; do
      printf '  %-9s %-9s c%-2s  %s\n' "$who" "$lists" "$c" \
        "$(COOKIE=$cookie LISTS=$lists wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${DURATION}"s --latency -s bench/desk/lists.lua "$BASE" | grep '^p50')"
    done
  done
done

echo "The lists' queries on $(psql -qtA "$PG" -c 'select count(*) from product') products (EXPLAIN ANALYZE; plans in $WORK/plans.txt):"
psql "$PG" -f bench/desk/explain.sql > "$WORK/plans.txt" 2>&1
awk '/^== / {name = substr($0, 4)} /Execution Time/ {printf "  %-70s %s\n", name, $3 " ms"}' "$WORK/plans.txt"
