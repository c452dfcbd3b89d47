#!/usr/bin/env bash
# Webhook benchmark on the embedded defaults: acknowledgement throughput and latency at 32
# connections against the liveness ceiling, then 20,000 webhooks end to end (acknowledged → in PostgreSQL).
# Usage: bench/webhooks.sh [duration=30s]   Needs wrk and python3. Prints a markdown block for docs/benchmarks.md.
# Traces are sampled as in production (0.1) unless TRACING_SAMPLING_PROBABILITY says otherwise; no span is exported
# unless OTEL_EXPORTER_OTLP_TRACES_ENDPOINT names a collector.
# bench/webhooks.sh [duration] tracing [rounds=2]: instead, what tracing costs the acknowledgement: rounds of
# acknowledgements with every trace sampled out and in, alternating on one service, so that both are measured in
# one sitting on whatever else the machine runs (the caller's traceparent flags decide; the sampler follows its parent).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
mode="${2:-all}"
rounds="${3:-2}"
export TRACING_SAMPLING_PROBABILITY="${TRACING_SAMPLING_PROBABILITY:-0.1}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
log="${work}/service.log"
trap 'pkill -P ${app_pid:-0} 2>/dev/null || true; kill ${app_pid:-0} 2>/dev/null || true; wait ${app_pid:-0} 2>/dev/null || true; rm -rf "${work}"' EXIT

python3 bench/make_webhooks.py 20000 local-webhook-secret "${work}/deliveries.txt"
./mvnw -q -pl service -am -DskipTests test-compile
# bench.myshopify.com has no access token, so it is allowed explicitly.
./mvnw -q -pl service -am spring-boot:test-run \
  -Dspring-boot.run.arguments="--server.port=8080 --orderbridge.webhook.allowed-shops=bench.myshopify.com" > "${log}" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do
  curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null

processed() {
  curl -s -H 'X-API-Key: local-read-key-00001' http://127.0.0.1:8080/actuator/prometheus \
    | awk '/^orderbridge_webhooks_processed_total/ { sum += $2 } END { printf "%d", sum }'
}

echo "== warm-up"
DELIVERIES="${work}/deliveries.txt" wrk -t2 -c32 -d10s -s bench/webhook.lua http://127.0.0.1:8080 >/dev/null
wrk -t2 -c32 -d5s http://127.0.0.1:8080/actuator/health/liveness >/dev/null

if [[ "${mode}" == tracing ]]; then
  for round in $(seq 1 "${rounds}"); do
    # Out first in odd rounds, in first in even ones: a trend over the sitting (JIT, other load) favours neither.
    order="out in"
    (( round % 2 == 0 )) && order="in out"
    for trace in ${order}; do
      echo "== round ${round}, every trace sampled ${trace} (32 connections, ${duration})"
      TRACE="${trace}" DELIVERIES="${work}/deliveries.txt" wrk -t2 -c32 -d"${duration}" --latency \
        -s bench/webhook.lua http://127.0.0.1:8080 | tee "${work}/${trace}-${round}.txt"
    done
  done
  python3 bench/tracing_table.py "${work}" "${rounds}"
  exit 0
fi

echo "== liveness ceiling (32 connections, ${duration})"
wrk -t2 -c32 -d"${duration}" --latency http://127.0.0.1:8080/actuator/health/liveness | tee "${work}/liveness.txt"
echo "== webhook acknowledgements (32 connections, ${duration})"
DELIVERIES="${work}/deliveries.txt" wrk -t2 -c32 -d"${duration}" --latency -s bench/webhook.lua \
  http://127.0.0.1:8080 | tee "${work}/ack.txt"

echo "== waiting for the backlog to drain"
previous=-1
while true; do
  now=$(processed)
  [[ "${now}" == "${previous}" ]] && break
  previous="${now}"
  sleep 5
done

echo "== end to end: 20,000 webhooks"
# Fresh Shopify order ids, so that every delivery inserts a new order.
python3 bench/make_webhooks.py 20000 local-webhook-secret "${work}/e2e.txt" 1
before=$(processed)
start=$(date +%s.%N)
python3 bench/send_webhooks.py "${work}/e2e.txt" 8080
acked=$(date +%s.%N)
until (( $(processed) - before >= 20000 )); do sleep 0.5; done
finished=$(date +%s.%N)

live_rps=$(awk '/Requests\/sec/ { print $2 }' "${work}/liveness.txt")
ack_rps=$(awk '/Requests\/sec/ { print $2 }' "${work}/ack.txt")
python3 - "$live_rps" "$ack_rps" "$start" "$acked" "$finished" <<'PY'
import sys
live, ack, start, acked, done = map(float, sys.argv[1:])
print(f"liveness ceiling: {live:.0f} req/s; acknowledgements: {ack:.0f}/s = {100 * ack / live:.0f}% of the ceiling")
print(f"end to end: 20000 webhooks acknowledged in {acked - start:.1f} s, all in PostgreSQL after {done - start:.1f} s"
      f" = {20000 / (done - start):.0f} processed/s")
PY
grep -E "p50_ms|Latency Distribution" -A0 "${work}/ack.txt" || true
