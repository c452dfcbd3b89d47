#!/usr/bin/env sh
# AOT-cache training run (JDK 25, JEP 514/515): starts the app until its context has refreshed, records the
# loaded and linked classes into app.aot, then exits. Used by the Dockerfile and by
# infra/scripts/layered-start-test.sh, so the command the image runs is the command the test runs.
#
# No database, queue or Shopify is reachable at image build time, so the run:
#  - exits at refresh (spring.context.exit=onRefresh) before SmartLifecycle beans start: SQS listeners and
#    the web server never begin serving;
#  - disables Flyway and JDBC metadata access, and lets Hikari start without a connection;
#  - passes well-formed placeholder values for the required variables. They are scoped to this process
#    only (never ENV in the image) and are not credentials;
#  - connects to no database, so it needs no database TLS (the layout test has no RDS bundle beside the jar).
set -eu
app_dir="${1:-/app}"
cd "${app_dir}"

env \
  SPRING_PROFILES_ACTIVE="${TRAINING_PROFILES:-aws}" \
  AWS_REGION=us-east-1 \
  DATABASE_URL='jdbc:postgresql://127.0.0.1:1/training?targetServerType=primary' \
  DATABASE_USERNAME=training \
  DATABASE_PASSWORD=training-placeholder \
  DATABASE_SSL_MODE=disable \
  SHOPIFY_WEBHOOK_SECRETS=training-placeholder \
  SHOPIFY_ACCESS_TOKENS=training.myshopify.com=training-placeholder \
  API_KEYS=training:read:training-placeholder \
  java -XX:AOTCacheOutput=app.aot \
    -Dspring.context.exit=onRefresh \
    -jar app.jar \
    --spring.flyway.enabled=false \
    --spring.jpa.hibernate.ddl-auto=none \
    --spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
    --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
    --spring.datasource.hikari.initialization-fail-timeout=-1 \
    --spring.cloud.aws.sqs.listener.auto-startup=false

test -s app.aot
echo "AOT cache written: ${app_dir}/app.aot"
