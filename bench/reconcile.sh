#!/usr/bin/env bash
# Reconciliation benchmark on the embedded services: ORDERS orders made in the simulator with every webhook lost, for a
# standard shop (1,000 points refilled at 100 points/s) and a Plus shop (10,000 at 1,000/s), the simulator answering
# after 50 ms. Two passes each: the first creates every order, the second finds all current. Prints orders/s, the
# points Shopify charged per order, and the share of the bucket's best case the pass reached.
# Usage: bench/reconcile.sh [orders=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
orders="${1:-2000}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q -pl service -am test -Dtest=ReconciliationBenchmarkTest \
  -Dorderbridge.bench.reconcile.orders="${orders}" 2>&1 | sed -n '/== reconciliation benchmark/,/^$/p'
