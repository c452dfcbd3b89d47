# syntax=docker/dockerfile:1

# OrderBridge image. Stages:
#   build      - compiles with the Maven wrapper; the dependency layer is rebuilt only when pom.xml changes
#   simulator  - the test-scope Shopify simulator, for docker-compose only (never pushed)
#   extract    - Spring Boot layered extraction
#   runtime    - Temurin 25 JRE, non-root, AOT cache from a training run (default target)

FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /workspace
# The repository lives outside /root so the non-root simulator stage can read it.
ENV MAVEN_OPTS="-Dmaven.repo.local=/workspace/.m2"
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package \
    && cp target/orderbridge-*.jar app.jar

FROM build AS simulator
RUN ./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
USER 10001:10001
ENV SIMULATOR_PORT=8089
EXPOSE 8089
ENTRYPOINT ["sh", "-c", "exec java -cp \"target/test-classes:target/classes:$(cat cp.txt)\" org.orderbridge.shopify.simulator.ShopifySimulatorMain"]

FROM build AS extract
# Without --launcher the application layer holds app.jar with a manifest classpath into lib/: a plain
# `java -jar` layout, which is what the AOT cache needs (it cannot archive exploded class directories).
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre-noble AS runtime
RUN groupadd --system --gid 10001 orderbridge \
    && useradd --system --uid 10001 --gid orderbridge --no-create-home --shell /usr/sbin/nologin orderbridge
WORKDIR /app
# Least-changing layer first, so a code-only change ships a few hundred KB.
COPY --from=extract /workspace/extracted/dependencies/ ./
COPY --from=extract /workspace/extracted/spring-boot-loader/ ./
COPY --from=extract /workspace/extracted/snapshot-dependencies/ ./
COPY --from=extract /workspace/extracted/application/ ./

# Heap follows the task's memory limit; a 5 s DNS TTL lets pgjdbc find the new Aurora writer after the
# cluster endpoint flips (the JVM otherwise caches lookups for 30 s); fail fast on OOM so ECS replaces the task.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Dsun.net.inetaddr.ttl=5 -Dsun.net.inetaddr.negative.ttl=1" \
    SERVER_PORT=8080

# Training runs in this stage because the cache is only valid for the exact JVM and jars it was made with.
COPY docker/aot-train.sh /usr/local/bin/aot-train.sh
RUN /usr/local/bin/aot-train.sh /app

USER 10001:10001
EXPOSE 8080
# No secrets here: every credential arrives at run time (ECS secrets, or compose's environment).
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
