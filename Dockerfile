# syntax=docker/dockerfile:1
#
# OCOP portal image, built from source: `docker compose up --build` (see docker-compose.yml)
# or `docker build -t ocop-portal .`. Needs BuildKit (the default builder since Docker 23).

# ---- Build: the fat jar, with the project's Maven Wrapper ----------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build

COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/

# Tests and the format check belong to CI (.ci/run); the Elasticsearch zip is only for the
# embedded dev/test mode, so its unpacking (maven-dependency-plugin) is skipped too.
# The image has neither curl, wget nor unzip: the wrapper then downloads Maven with Java.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp package -DskipTests -Dspotless.check.skip=true -Dmdep.skip=true \
    && set -- target/ocop-portal-*.jar \
    && [ "$#" -eq 1 ] && [ -f "$1" ] \
    && cp "$1" /build/app.jar

# ---- Run: JRE only, as an unprivileged user -------------------------------------------------
FROM eclipse-temurin:25-jre

RUN groupadd --system --gid 10001 ocop \
    && useradd --system --uid 10001 --gid ocop --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin ocop \
    && install -d -o ocop -g ocop -m 0750 /app

# GET /health answers 200 when PostgreSQL and Elasticsearch are up, 503 otherwise.
# The JRE image has no curl or wget, so bash's /dev/tcp does the request.
COPY --chmod=0755 <<'SCRIPT' /usr/local/bin/ocop-healthcheck
#!/bin/bash
# Exit 0 only when the portal's GET /health answers HTTP 200.
port="${MICRONAUT_SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[ "${status}" = 200 ]
SCRIPT

WORKDIR /app
COPY --from=build --chmod=0644 /build/app.jar /app/app.jar

ENV MICRONAUT_SERVER_PORT=8080
EXPOSE 8080
USER 10001:10001

HEALTHCHECK --interval=15s --timeout=8s --start-period=90s --retries=5 CMD ["ocop-healthcheck"]

# Extra JVM options: set JAVA_TOOL_OPTIONS in the container environment. The heap follows the
# container memory limit (75 %). ZGC: G1's young pauses kept the scan page's p99 above 10 ms under
# load (bench/README.md); ZGC needs headroom, so give the container 3 GB or more (2 GB of heap).
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
