#!/usr/bin/env bash
# The stamp sheet of a 100,000-label run (StampSheetBench, test sources): how long the packaged code takes to write the
# A4 PDF of N item labels (QR code, product name in embedded DejaVu Sans, stars, code) to a file, several rounds in one
# JVM (the first is cold). Runs the classes of the packaged jar, the one people deploy, with only the bench class and
# its label maker taken from target/test-classes.
#
#   bench/sheet/run.sh                 # 100,000 labels, 3 rounds
#   LABELS=2000 ROUNDS=1 bench/sheet/run.sh   # a quick check that it runs
#
# Environment: LABELS (100000), ROUNDS (3), HEAP (the JVM's options, "-Xmx2g"), JAVA_HOME (a JDK 25).
set -euo pipefail
cd "$(dirname "$0")/../.."
LABELS=${LABELS:-100000}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:--Xmx2g}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

# package builds the jar and, with -DskipTests, still compiles the test classes the bench lives in.
./mvnw -o -q package -DskipTests -Dspotless.check.skip=true
JAR=$(ls target/ocop-portal-*.jar | grep -v original | head -1)
echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $JAR"
"$JAVA_HOME/bin/java" $HEAP -cp "$JAR:target/test-classes" \
  vn.ocop.portal.traceability.issuing.StampSheetBench "$LABELS" "$ROUNDS"
