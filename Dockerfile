# syntax=docker/dockerfile:1
#
# One image recipe for every service of the suite. MODULE picks the Maven module, PORT its
# server.port (the `${SERVER_PORT:NNNN}` default of <module>/src/main/resources/application.yml;
# the build fails if the two disagree):
#
#   docker build --build-arg MODULE=zone-service --build-arg PORT=8081 -t dzn/zone-service:0.1.0 .
#
# gateway 8080, zone-service 8081, fund-service 8082, talent-service 8083, incubator-service 8084
# (docs/decisions.md). docker-compose.yml passes both arguments for each service.

ARG MODULE=gateway
ARG PORT=8080

# ---------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
ARG PORT
WORKDIR /src
# The reactor needs every module's pom, so the whole tree goes in (.dockerignore keeps target/,
# data/ and .git out). The local repository is a cache mount: it survives between builds without
# landing in a layer; `locked` because compose builds the five images side by side.
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    set -eu; \
    if [ ! -f "$MODULE/pom.xml" ]; then echo "MODULE=$MODULE is not a module of this build" >&2; exit 1; fi; \
    config="$MODULE/src/main/resources/application.yml"; \
    default_port="$(sed -n 's/.*SERVER_PORT:\([0-9][0-9]*\)}.*/\1/p' "$config" 2>/dev/null | head -n 1)"; \
    if [ -n "$default_port" ] && [ "$default_port" != "$PORT" ]; then \
      echo "PORT=$PORT but $config listens on $default_port by default" >&2; exit 1; \
    fi; \
    mvn -pl "$MODULE" -am -DskipTests package; \
    cp "$MODULE/target/$MODULE.jar" /tmp/app.jar

# ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT
LABEL org.opencontainers.image.title="dzn-${MODULE}" \
      org.opencontainers.image.description="Demonstration-Zone Network: ${MODULE}" \
      org.opencontainers.image.version="0.1.0"

# A fixed, numeric, unprivileged user: Kubernetes' runAsNonRoot can verify it, and the manifests
# (runAsUser: 10001) and this image agree.
RUN groupadd --system --gid 10001 dzn \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin dzn

# The relay keeps its feed cursors in /var/lib/dzn-relay (a volume; docs/federation.md): owned by
# the service user here, so a fresh named volume takes that ownership when it is first mounted.
RUN mkdir -p /var/lib/dzn-relay && chown 10001:10001 /var/lib/dzn-relay

WORKDIR /app
# Owned by root and read-only for the service user: the process cannot rewrite its own code.
COPY --from=build --chmod=444 /tmp/app.jar /app/app.jar

# Container-aware heap: 75 % of the memory limit (768Mi limit -> ~576Mi heap), the rest for
# metaspace, threads and direct buffers. Die on OOM so the orchestrator restarts the container.
# /tmp is the only writable path (tmpfs in compose, emptyDir in k8s: the root file system is
# read-only there).
# Two malloc arenas instead of glibc's 8 per core, and the JVM hands freed native memory back
# every 10 s: under load zone-service held 355 MB resident with 276 MB committed by the JVM, the
# rest freed memory glibc kept (docs/performance.md).
ENV MALLOC_ARENA_MAX=2
ENV JAVA_TOOL_OPTIONS="-XX:TrimNativeHeapInterval=10000 -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dfile.encoding=UTF-8"

USER 10001:10001
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
