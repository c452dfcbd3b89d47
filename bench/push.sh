#!/usr/bin/env bash
# Intake and push benchmark on the embedded defaults (issue 3). The Shopify simulator answers after 50 ms and
# refills its cost bucket at 100 points/s (a standard shop); orderCreate costs 10 points, so Shopify allows at
# most 10 pushes/s in the steady state. Measures: POST /api/v1/orders throughput and latency at 32 connections
# against the liveness ceiling, then 2,000 orders pushed: sustained pushes/s as a share of that maximum,
# THROTTLED answers after the first second, duplicates in Shopify.
# Usage: bench/push.sh [orders=2000]   Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d)"
trap 'kill ${app_pid:-0} 2>/dev/null || true; wait ${app_pid:-0} 2>/dev/null || true; rm -rf "${work}"' EXIT

./mvnw -q -DskipTests test-compile
./mvnw -q spring-boot:test-run -Dspring-boot.run.arguments="--server.port=8080 --orderbridge.simulator.latency=50ms \
--orderbridge.simulator.restore-rate=100 --orderbridge.simulator.bucket-size=1000" > "${work}/service.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
simulator=$(grep -o 'http://127.0.0.1:[0-9]*' "${work}/service.log" | grep -v ':8080' | head -n 1)
[[ -n "${simulator}" ]] || { echo "simulator URL not found in the service log" >&2; exit 1; }
stats() { curl -fs "${simulator}/_sim/stats"; }

echo "== liveness ceiling (32 connections, 20s)"
wrk -t2 -c32 -d20s --latency http://127.0.0.1:8080/actuator/health/liveness | tee "${work}/liveness.txt"

echo "== intake: ${orders} orders at 32 connections"
start=$(date +%s.%N)
RUN_ID=$(date +%s) MAX_REQUESTS="${orders}" wrk -t2 -c32 -d600s --latency -s bench/intake.lua \
  http://127.0.0.1:8080 | tee "${work}/intake.txt"

echo "== waiting until Shopify holds every order"
until python3 -c "import json,sys; sys.exit(0 if json.load(sys.stdin)['orders'] >= ${orders} else 1)" <<<"$(stats)"; do
  sleep 1
done
finished=$(date +%s.%N)
stats | tee "${work}/stats.json"
echo

python3 - "${work}" "${start}" "${finished}" "${orders}" <<'PY'
import json, re, sys
work, start, finished, orders = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
rps = lambda f: float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{work}/{f}").read()).group(1))
p99 = re.search(r"p99_ms=([\d.]+)", open(f"{work}/intake.txt").read()).group(1)
stats = json.load(open(f"{work}/stats.json"))
elapsed = finished - start
# The first 1,000 points are the bucket's initial fill; after that Shopify restores 100 points/s.
maximum = (orders * 10 - 1000) / 100
print(f"intake: {rps('intake.txt'):.0f} orders/s, p99 {p99} ms; liveness ceiling {rps('liveness.txt'):.0f} req/s "
      f"({100 * rps('intake.txt') / rps('liveness.txt'):.0f}%)")
print(f"push: {orders} orders in Shopify after {elapsed:.1f} s; the bucket allows it in {maximum:.1f} s at best "
      f"-> {100 * maximum / elapsed:.0f}% of the theoretical maximum ({orders / elapsed:.2f} pushes/s)")
print(f"THROTTLED after the first second: {stats['throttledAfterFirstSecond']}; duplicates: {stats['duplicateOrders']}; "
      f"requests to Shopify: {stats['requests']} {stats['byOutcome']}")
PY
