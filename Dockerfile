# syntax=docker/dockerfile:1

# OrderBridge image. Stages:
#   build      - compiles with the Maven wrapper; the dependency layer is rebuilt only when a pom.xml changes
#   simulator  - the Shopify simulator's stand-alone jar, for docker-compose only (never pushed)
#   extract    - Spring Boot layered extraction
#   rds-ca     - the RDS certificate authorities, downloaded and checked against a pinned checksum
#   runtime    - Temurin 25 JRE, non-root, AOT cache from a training run (default target)

FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY service/pom.xml service/
COPY simulator/pom.xml simulator/
COPY infra/pom.xml infra/
RUN ./mvnw -B -q -pl service -am dependency:go-offline
COPY simulator/src simulator/src
COPY src/main src/main
# The service's main sources only: its tests are not compiled, and the simulator (a test-scoped dependency, built
# because the reactor resolves it) never reaches the service's jar.
RUN ./mvnw -B -q -pl service -am -Dmaven.test.skip=true -Dspotless.check.skip=true package \
    && cp target/orderbridge-*.jar app.jar

FROM eclipse-temurin:25-jre-noble AS simulator
WORKDIR /simulator
COPY --from=build /workspace/simulator/target/orderbridge-shopify-simulator-standalone.jar ./orderbridge-shopify-simulator.jar
USER 10001:10001
ENV SIMULATOR_PORT=8089
EXPOSE 8089
ENTRYPOINT ["java", "-jar", "orderbridge-shopify-simulator.jar"]

FROM build AS extract
# Without --launcher the application layer holds app.jar with a manifest classpath into lib/: a plain
# `java -jar` layout, which is what the AOT cache needs (it cannot archive exploded class directories).
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# The certificate authorities the database connection verifies the server against (sslmode=verify-full,
# infra/README.md "Database TLS"), fetched from AWS over verified HTTPS. The release pipeline pins it: given the
# repository variable RDS_CA_BUNDLE_SHA256, the build fails unless the download has exactly that checksum, so a changed
# bundle is a reviewed change (AWS publishes new CAs rarely). Without it (a developer's `docker compose up --build`,
# which does not verify the database's TLS) the build prints the checksum it took, to be pinned.
FROM eclipse-temurin:25-jre-noble AS rds-ca
ARG RDS_CA_BUNDLE_SHA256=""
ADD https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /rds-ca/rds-global-bundle.pem
RUN if [ -n "$RDS_CA_BUNDLE_SHA256" ]; then \
        echo "$RDS_CA_BUNDLE_SHA256  /rds-ca/rds-global-bundle.pem" | sha256sum --check --strict -; \
    else \
        echo "RDS CA bundle not pinned (build argument RDS_CA_BUNDLE_SHA256): $(sha256sum /rds-ca/rds-global-bundle.pem)"; \
    fi

FROM eclipse-temurin:25-jre-noble AS runtime
RUN groupadd --system --gid 10001 orderbridge \
    && useradd --system --uid 10001 --gid orderbridge --no-create-home --shell /usr/sbin/nologin orderbridge
WORKDIR /app
# Least-changing layer first, so a code-only change ships a few hundred KB.
COPY --from=extract /workspace/extracted/dependencies/ ./
COPY --from=extract /workspace/extracted/spring-boot-loader/ ./
COPY --from=extract /workspace/extracted/snapshot-dependencies/ ./
COPY --from=extract /workspace/extracted/application/ ./
# Where the aws profile's orderbridge.database.tls.root-certificate points.
COPY --from=rds-ca /rds-ca/rds-global-bundle.pem ./rds-global-bundle.pem

# Sized from measurements under load (docs/benchmarks.md, "Levers: start-up and memory"): a live set of about 70 MiB
# after a full collection, so a fixed 192 MiB heap (the flood and backfill tests run with it); the serial collector,
# which a JVM that sees one CPU picks by itself; two malloc arenas instead of 8 per core for the JVM's native
# allocations. 460-565 MiB resident under load instead of 854. A 5 s DNS TTL lets pgjdbc find the new Aurora
# writer after the cluster endpoint flips (the JVM otherwise caches lookups for 30 s); fail fast on OOM so ECS
# replaces the task.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms192m -Xmx192m -XX:+ExitOnOutOfMemoryError -Dsun.net.inetaddr.ttl=5 -Dsun.net.inetaddr.negative.ttl=1" \
    MALLOC_ARENA_MAX=2 \
    SERVER_PORT=8080

# Training runs in this stage because the cache is only valid for the exact JVM and jars it was made with.
COPY src/main/docker/aot-train.sh /usr/local/bin/aot-train.sh
RUN /usr/local/bin/aot-train.sh /app

USER 10001:10001
EXPOSE 8080
# No secrets here: every credential arrives at run time (ECS secrets, or compose's environment).
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
