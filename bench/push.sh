#!/usr/bin/env bash
# Intake and push benchmark on the embedded defaults.
#  1. POST /api/v1/orders throughput and latency at 32 connections for 20 s, against the liveness ceiling.
#  2. A fresh service whose Shopify simulator answers after 50 ms and refills its cost bucket at 100 points/s
#     (a standard shop; orderCreate costs 10, so Shopify allows at most 10 pushes/s once the initial 1,000
#     points are spent): 2,000 orders accepted, then the time until Shopify holds all of them, as a share of
#     the bucket's theoretical best; THROTTLED answers after the first second; duplicates in Shopify.
#  sku mode: only step 2, with orders of two SKU-only lines each (20 SKUs catalogued in the simulator with ample stock),
#     which the push resolves to the shop's variants (productVariants search, cached) before orderCreate; the bucket's
#     best is worked out from the points Shopify really charged (searches included).
# Usage: bench/push.sh [orders=2000] [plain|sku]   Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"
mode="${2:-plain}"
skus=20
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# One client key sends everything here: the benchmark measures the service, not the per-key rate limit.
export API_RATE_LIMIT_READ=100000 API_RATE_LIMIT_READ_BURST=100000 API_RATE_LIMIT_WRITE=100000 API_RATE_LIMIT_WRITE_BURST=100000
work="$(mktemp -d)"
trap 'stop_service; rm -rf "${work}"' EXIT

start_service() {
  ./mvnw -q -pl service -am spring-boot:test-run -Dspring-boot.run.arguments="--server.port=8080 $*" > "${work}/service.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 && return
    sleep 1
  done
  echo "service did not become ready" >&2
  exit 1
}
stop_service() {
  [[ -n "${app_pid:-}" ]] || return 0
  pkill -P "${app_pid}" 2>/dev/null || true
  kill "${app_pid}" 2>/dev/null || true
  wait "${app_pid}" 2>/dev/null || true
  while curl -fs http://127.0.0.1:8080/actuator/health/liveness >/dev/null 2>&1; do sleep 1; done
  app_pid=
}

./mvnw -q -pl service -am -DskipTests test-compile
if [[ "${mode}" == plain ]]; then
  start_service
  echo "== liveness ceiling (32 connections, 20s)"
  wrk -t2 -c32 -d20s --latency http://127.0.0.1:8080/actuator/health/liveness | tee "${work}/liveness.txt"
  echo "== intake (32 connections, 20s)"
  RUN_ID=$(date +%s) wrk -t2 -c32 -d20s --latency -s bench/intake.lua http://127.0.0.1:8080 | tee "${work}/intake.txt"
  stop_service
fi

start_service --orderbridge.simulator.latency=50ms --orderbridge.simulator.restore-rate=100 \
  --orderbridge.simulator.bucket-size=1000
for _ in $(seq 1 30); do
  simulator=$(grep -o 'Shopify simulator *http://127.0.0.1:[0-9]*' "${work}/service.log" | grep -o 'http.*' | head -n 1 || true)
  [[ -n "${simulator}" ]] && break
  sleep 1
done
if [[ "${mode}" == sku ]]; then
  for i in $(seq 0 $((skus - 1))); do
    curl -fs -X PUT "${simulator}/_sim/inventory" -H 'Content-Type: application/json' -d "{\"shop\": \"ob-test.myshopify.com\",
      \"variantId\": $((9100000 + i)), \"productId\": $((9000 + i)), \"sku\": \"BENCH-SKU-${i}\",
      \"location\": \"gid://shopify/Location/1\", \"available\": 1000000}" > /dev/null
  done
  export SKUS="${skus}"
fi
echo "== push (${mode}): ${orders} orders (simulator ${simulator})"
start=$(date +%s.%N)
python3 bench/send_orders.py "${orders}" 8080
until python3 -c "import json,sys; sys.exit(0 if json.load(sys.stdin)['orders'] >= ${orders} else 1)" \
    <<<"$(curl -fs "${simulator}/_sim/stats")"; do
  sleep 1
done
finished=$(date +%s.%N)
curl -fs "${simulator}/_sim/stats" > "${work}/stats.json"

python3 - "${work}" "${start}" "${finished}" "${orders}" "${mode}" <<'PY'
import json, re, sys
work, start, finished, orders, mode = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
text = lambda f: open(f"{work}/{f}").read()
rps = lambda f: float(re.search(r"Requests/sec:\s+([\d.]+)", text(f)).group(1))
stats = json.load(open(f"{work}/stats.json"))
elapsed = finished - start
if mode == "plain":
    best = (orders * 10 - 1000) / 100
    p99 = re.search(r"p99_ms=([\d.]+)", text("intake.txt")).group(1)
    print(f"intake: {rps('intake.txt'):.0f} orders/s, p99 {p99} ms; liveness ceiling {rps('liveness.txt'):.0f} req/s"
          f" ({100 * rps('intake.txt') / rps('liveness.txt'):.0f}%)")
else:
    best = (stats["pointsCharged"] - 1000) / 100
    print(f"points charged: {stats['pointsCharged']} ({stats['pointsCharged'] / orders:.2f} per order); "
          f"SKU searches: {stats['byRootField'].get('productVariants', 0)}; "
          f"the bucket allows {100 * orders / stats['pointsCharged']:.2f} pushes/s")
print(f"push: {orders} orders in Shopify after {elapsed:.1f} s; the bucket allows {best:.1f} s at best"
      f" -> {100 * best / elapsed:.0f}% of the theoretical maximum ({orders / elapsed:.2f} pushes/s)")
print(f"THROTTLED after the first second: {stats['throttledAfterFirstSecond']}; duplicates: {stats['duplicateOrders']};"
      f" requests to Shopify: {stats['requests']} {stats['byOutcome']}")
PY
