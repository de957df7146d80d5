# syntax=docker/dockerfile:1
#
# One build, one image per service:
#   docker build --target api-service     -t wagate/api-service .
#   docker build --target session-service -t wagate/session-service .
#   docker build --target webhook-service -t wagate/webhook-service .
#   docker build --target media-service   -t wagate/media-service .
# docker-compose.yml builds all four. Health checks live in compose and in the Helm chart, not here.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-21
ARG JRE_IMAGE=eclipse-temurin:21-jre-noble

# ---- build: compile once, then lay out each service as app.jar + lib/ (its runtime dependencies)
FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
# Tests run in CI (./wagate test), not in an image build; the formatter has nothing to do here.
# One Maven invocation, so the services resolve `schemas` from this reactor without installing it.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package dependency:copy-dependencies \
        -Dmaven.test.skip=true -Dspotless.skip=true -DincludeScope=runtime \
        -pl api-service,session-service,webhook-service,media-service -am \
 && for service in api-service session-service webhook-service media-service; do \
        mkdir -p /out/$service/lib \
     && cp $service/target/dependency/*.jar /out/$service/lib/ \
     && cp $service/target/$service-*.jar /out/$service/app.jar; \
    done

# ---- runtime: what the service images share
FROM ${JRE_IMAGE} AS runtime
# curl is for the probes compose runs inside the container; a fixed numeric uid lets Kubernetes
# verify runAsNonRoot.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 wagate \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin wagate
WORKDIR /app
# Sized from the container's memory limit, not the node's; an OOM ends the process so the
# orchestrator restarts it instead of leaving a half-working JVM. Override JDK_JAVA_OPTIONS to tune.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError"
LABEL org.opencontainers.image.description="wagate, a self-hosted WhatsApp messaging gateway"

FROM runtime AS api-service
COPY --from=build /out/api-service/lib/ /app/lib/
COPY --from=build /out/api-service/app.jar /app/app.jar
LABEL org.opencontainers.image.title="wagate api-service"
USER 10001:10001
EXPOSE 8081
ENTRYPOINT ["java", "-cp", "/app/app.jar:/app/lib/*", "io.wagate.api.ApiApplication"]

FROM runtime AS webhook-service
COPY --from=build /out/webhook-service/lib/ /app/lib/
COPY --from=build /out/webhook-service/app.jar /app/app.jar
LABEL org.opencontainers.image.title="wagate webhook-service"
USER 10001:10001
EXPOSE 8082
ENTRYPOINT ["java", "-cp", "/app/app.jar:/app/lib/*", "io.wagate.webhook.WebhookApplication"]

FROM runtime AS session-service
COPY --from=build /out/session-service/lib/ /app/lib/
COPY --from=build /out/session-service/app.jar /app/app.jar
LABEL org.opencontainers.image.title="wagate session-service"
USER 10001:10001
EXPOSE 8083
ENTRYPOINT ["java", "-cp", "/app/app.jar:/app/lib/*", "io.wagate.session.SessionApplication"]

# media-service converts with the ffmpeg and libwebp that its jars carry (x86-64 Linux builds); they
# are unpacked into /tmp on first use, so /tmp must be writable and allow execution.
FROM runtime AS media-service
COPY --from=build /out/media-service/lib/ /app/lib/
COPY --from=build /out/media-service/app.jar /app/app.jar
LABEL org.opencontainers.image.title="wagate media-service"
USER 10001:10001
EXPOSE 8084
ENTRYPOINT ["java", "-cp", "/app/app.jar:/app/lib/*", "io.wagate.media.MediaApplication"]
