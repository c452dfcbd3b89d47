#!/usr/bin/env bash
# Shipment push benchmark on the embedded defaults: SHIPMENTS orders pushed to the Shopify simulator (50 ms latency,
# a standard shop's bucket: 1,000 points refilled at 100 points/s), then one shipment per order; reports the time
# until Shopify holds all the fulfillments, fulfillments/s against what the bucket allows for the points they
# really cost, THROTTLED answers after the first second, and duplicate fulfillments.
# LOCATIONS=2 spreads every order over two locations first (one item moved, as a merchant's routing would), so that
# each shipment becomes one fulfillment per location.
# Usage: [LOCATIONS=1|2] bench/shipments.sh [shipments=1000]   Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
shipments="${1:-1000}"
locations="${LOCATIONS:-1}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# One client key sends everything here: the benchmark measures the service, not the per-key rate limit.
export API_RATE_LIMIT_READ=100000 API_RATE_LIMIT_READ_BURST=100000 API_RATE_LIMIT_WRITE=100000 API_RATE_LIMIT_WRITE_BURST=100000
work="$(mktemp -d)"
trap '[[ -n "${app_pid:-}" ]] && { pkill -P "${app_pid}" 2>/dev/null || true; kill "${app_pid}" 2>/dev/null || true; wait "${app_pid}" 2>/dev/null || true; }; rm -rf "${work}"' EXIT

./mvnw -q -pl service -am -DskipTests test-compile
./mvnw -q -pl service -am spring-boot:test-run -Dspring-boot.run.arguments="--server.port=8080 --orderbridge.simulator.latency=50ms \
  --orderbridge.simulator.restore-rate=100 --orderbridge.simulator.bucket-size=1000" > "${work}/service.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
simulator=$(grep -o 'Shopify simulator *http://127.0.0.1:[0-9]*' "${work}/service.log" | grep -o 'http.*' | head -n 1)
stats() { curl -fs "${simulator}/_sim/stats"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "== ${shipments} orders pushed first"
python3 bench/send_orders.py "${shipments}" 8080 >/dev/null
until (( $(stats | field orders) >= shipments )); do sleep 1; done
# Every order is PUSHED in our database too once Shopify holds it (the push worker records it right after).
sleep 2
if (( locations > 1 )); then
  echo "== $(python3 bench/split_orders.py "${simulator}") orders spread over two locations"
fi
# The bucket refills before the measured part, and the points spent so far are set aside.
sleep 10
before=$(stats)

echo "== ${shipments} shipments"
start=$(date +%s.%N)
accepted=$(python3 bench/send_shipments.py "${since}" 8080)
until (( $(stats | field fulfillments) >= accepted * (locations > 1 ? 2 : 1) )); do sleep 1; done
finished=$(date +%s.%N)
stats > "${work}/after.json"

python3 - "${before}" "${work}/after.json" "${start}" "${finished}" "${accepted}" <<'PY'
import json, sys
before, after = json.loads(sys.argv[1]), json.load(open(sys.argv[2]))
start, finished, accepted = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
elapsed = finished - start
points = after["pointsCharged"] - before["pointsCharged"]
best = max(points - 1000, 0) / 100
requests = after["requests"] - before["requests"]
print(f"shipments accepted: {accepted}; fulfillments in Shopify after {elapsed:.1f} s = {accepted / elapsed:.2f}/s")
print(f"points charged: {points} = {points / accepted:.1f} per shipment; the bucket allows {best:.1f} s at best"
      f" -> {100 * best / elapsed:.0f}% of the theoretical maximum")
print(f"requests to Shopify: {requests} = {requests / accepted:.2f} per shipment; THROTTLED after the first second:"
      f" {after['throttledAfterFirstSecond']}; duplicate fulfillments: {after['duplicateFulfillments']};"
      f" {after['byOutcome']}")
PY
