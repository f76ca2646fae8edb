#!/usr/bin/env bash
# The display points' benchmark (issue 16): builds the jar, starts the portal with demo data, grows the display
# points to 5,000 (bench/showroom/generate-points.sql: spread over the demo's provinces, with hours and stock for the
# certified products), then loads, each at a paced RATE (100 req/s) with wrk and bench/showroom/load.lua:
#   - /api/v1/display-points?near=lat,lon&radiusKm=5|10|25|50, every request near another place;
#   - the product page with "where to buy" near a place (/products/{slug}?lat=…&lon=…), and for reference the same
#     pages without a place (where "where to buy" lists the points unsorted);
# (paced by bench/pace.lua) and prints p50/p95/p99 with the rate achieved, then the plans and timings of the display points' queries (bench/showroom/explain.sql).
# Needs wrk and psql (apt-get install wrk postgresql-client) and a JDK 25 in JAVA_HOME. The goal: p95 <= 30 ms.
#
#   bench/showroom/run.sh                               # figures on stdout; the rest in bench/showroom-work
#   POINTS=500 DURATION=5 bench/showroom/run.sh         # a quick check that it runs
#
# Environment: PORT (8096), POINTS (5000), DURATION (wrk seconds, 30), RATE (100), CONNECTIONS (10),
# SKIP_BUILD (use the jar in target/), JAVA_OPTS (extra JVM options of the portal).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK=$ROOT/bench/showroom-work
PORT=${PORT:-8096}
POINTS=${POINTS:-5000}
DURATION=${DURATION:-30}
RATE=${RATE:-100}
CONNECTIONS=${CONNECTIONS:-10}
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

echo "Growing the display points to $POINTS ..."
psql -q "$PG" -v n="$POINTS" -f bench/showroom/generate-points.sql > /dev/null
echo "  $(psql -qtA "$PG" -c "select count(*) from display_point") points in" \
  "$(psql -qtA "$PG" -c "select count(distinct province_code) from display_point") provinces," \
  "$(psql -qtA "$PG" -c "select count(*) from display_point_product where state = 'CONFIRMED'") confirmed lines of" \
  "$(psql -qtA "$PG" -c "select count(distinct product_id) from display_point_product") products"
psql -qtA -F ' ' "$PG" -c "select latitude, longitude from display_point where status = 'OPEN'" > "$WORK/places.txt"
psql -qtA "$PG" -c "select distinct p.slug from display_point_product l join product p on p.id = l.product_id
  join current_certification c on c.product_id = p.id where l.state = 'CONFIRMED' and c.status = 'VALID'
  order by p.slug" > "$WORK/slugs.txt"
# The points were added behind the portal's back (no staff change): the directory reloads them within a minute.
# Hitting a point only it knows yet tells when.
newest=$(psql -qtA "$PG" -c "select max(id) from display_point where status = 'OPEN'")
for _ in $(seq 1 90); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/display-points/$newest")" = 200 ] && break
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/display-points/$newest")" = 200 ] \
  || { echo "the portal did not pick the new points up" >&2; exit 1; }
slug=$(head -1 "$WORK/slugs.txt")
status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/products/$slug?lat=21.03&lon=105.85")
[ "$status" = 200 ] || { echo "/products/$slug answered $status" >&2; exit 1; }
total=$(curl -fs "$BASE/api/v1/display-points?near=21.03,105.85&radiusKm=25" | grep -o '"total":[0-9]*' | head -1)
echo "  near Hoàn Kiếm within 25 km: ${total#*:} points; $(wc -l < "$WORK/slugs.txt") product pages to load"

export PLACES=$WORK/places.txt SLUGS=$WORK/slugs.txt RATE THREADS=2
echo "Warming up ..."
for kind in api product; do
  KIND=$kind RATE=$(( RATE * 4 )) wrk -t2 -c"$CONNECTIONS" -d"$(( DURATION < 15 ? DURATION : 15 ))"s \
    -s bench/showroom/load.lua "$BASE" > /dev/null
done
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency, paced at $RATE req/s (bench/showroom/load.lua):"
# plain: the product page without a place, for reference (what "where to buy" near a place adds to it).
for kind in api product plain; do
  printf '  %-8s %s\n' "$kind" \
    "$(KIND=$kind wrk -t2 -c"$CONNECTIONS" -d"${DURATION}"s --latency -s bench/showroom/load.lua "$BASE" | grep '^p50')"
done

echo "The display points' queries (EXPLAIN ANALYZE; plans in $WORK/plans.txt):"
psql "$PG" -f bench/showroom/explain.sql > "$WORK/plans.txt" 2>&1
awk '/^== / {name = substr($0, 4)} /Execution Time/ {printf "  %-90s %s\n", name, $3 " ms"}' "$WORK/plans.txt"
