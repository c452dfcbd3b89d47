#!/usr/bin/env bash
# The service alone: PostgreSQL 15, the ElasticMQ server and the Shopify simulator each run as their own process; the
# service runs as the image runs it (the jar's extracted layout, the image's AOT cache, the Dockerfile's JVM options,
# default profile) and is the only process measured. Per operation: the service's CPU time (utime+stime from
# /proc/<pid>/stat) and its GC threads' share, its allocation (Micrometer's jvm_gc_memory_allocated_bytes_total), RSS,
# throughput and latency (wrk), each beside the liveness request's CPU in the same run. Also start to ready (wall and
# CPU time) with and without the JDK's AOT cache, and peak RSS. One JFR per scenario in bench/results/<run>/ (not
# committed). Writes the table into docs/benchmarks.md between the run-all markers.
# Usage: bench/run-all.sh [duration=20s] [webhooks=5000]   Needs wrk, curl, python3, PostgreSQL 15 in PG_BIN.
# To compare a change, ONLY=start,ack,processing,intake,shipment (any of them; liveness always runs) measures just
# those and leaves docs/benchmarks.md alone; the service starts as production does, after the migration task and
# without migrating itself; JVM_OPTS replaces the service's JVM options, MALLOC_ARENA_MAX= (empty)
# leaves glibc's default, START_RUNS sets how many starts of each kind (default 3), START_VARIANTS which (default
# "fatjar extracted aot-image aot-served").
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20s}"
webhooks="${2:-5000}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Per-key rate limits would answer most of the load with 429: lifted, as the service itself is measured here.
export API_RATE_LIMIT_READ=100000 API_RATE_LIMIT_READ_BURST=100000 API_RATE_LIMIT_WRITE=100000 API_RATE_LIMIT_WRITE_BURST=100000
java="${JAVA_HOME}/bin/java"
pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
run="$(date -u +%Y%m%dT%H%M%SZ)"
results="bench/results/${run}"
mkdir -p "${results}"
results="$(cd "${results}" && pwd)"
work="$(mktemp -d /tmp/orderbridge-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "${pid}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "${pid}" 2>/dev/null || true; done
  [[ -d "${work}/pg" ]] && as_pg "${pg_bin}/pg_ctl" -D "${work}/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# PostgreSQL refuses to run as root.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU of the garbage collector's threads (G1's workers, concurrent and refinement threads; Serial and Parallel collect
# in the VM thread or the GC workers), from each thread's /proc stat.
gc_ticks() {
  local f line comm rest total=0
  for f in /proc/"$1"/task/*/stat; do
    line=$(cat "${f}" 2>/dev/null) || continue
    comm=${line#*(}; comm=${comm%)*}
    case "${comm}" in
      "GC Thread"*|"G1 "*|"VM Thread") rest=(${line##*) }); total=$(( total + rest[11] + rest[12] )) ;;
    esac
  done
  echo "${total}"
}
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }
ticks_per_second=$(getconf CLK_TCK)
metric() {
  curl -fs -H 'X-API-Key: local-read-key-00001' "http://127.0.0.1:${port}/actuator/prometheus" \
    | awk -v name="$1" '$1 ~ "^"name"({|$)" { sum += $2 } END { printf "%.0f", sum }'
}
ms_now() { date +%s%3N; }

echo "== building the service and the simulator"
# SKIP_BUILD=1 measures the jars already in target/.
if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -pl service -am -DskipTests package
fi
./mvnw -B -q -f bench/elasticmq/pom.xml dependency:build-classpath -Dmdep.outputFile="${work}/elasticmq.cp"
jar="$(ls target/orderbridge-*.jar | grep -v plain | head -n 1)"

echo "== stand-ins"
pg_port=$(free_port)
mkdir -p "${work}/pg" && chown -R nobody "${work}" 2>/dev/null || true
as_pg "${pg_bin}/initdb" -D "${work}/pg" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
as_pg "${pg_bin}/pg_ctl" -D "${work}/pg" -l "${work}/pg.log" -w \
  -o "-p ${pg_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${work} -c max_connections=200" start >/dev/null

sqs_port=$(free_port)
SQS_PORT=${sqs_port} "${java}" -Xmx256m -Dconfig.file=bench/elasticmq/elasticmq.conf \
  -cp "$(cat "${work}/elasticmq.cp")" org.elasticmq.server.Main > "${work}/elasticmq.log" 2>&1 &
pids+=($!)

sim_port=$(free_port)
# A bucket no push waits for: the figures are the service's CPU, not Shopify's rate limit.
SIMULATOR_PORT=${sim_port} SIMULATOR_BUCKET_SIZE=1000000 SIMULATOR_RESTORE_RATE=1000000 \
  SIMULATOR_ACCESS_TOKENS="ob-test.myshopify.com=shpat_bench,bench.myshopify.com=shpat_bench" \
  "${java}" -Xmx512m -jar simulator/target/orderbridge-shopify-simulator-standalone.jar > "${work}/simulator.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "admin-url=" "${work}/simulator.log" 2>/dev/null && curl -s -o /dev/null "http://127.0.0.1:${sqs_port}/" && break
  sleep 0.5
done
admin_url="$(grep -o 'admin-url=.*' "${work}/simulator.log" | head -n 1 | cut -d= -f2-)"

port=$(free_port)
export SERVER_PORT=${port} DATABASE_URL="jdbc:postgresql://127.0.0.1:${pg_port}/postgres" DATABASE_USERNAME=postgres \
  DATABASE_PASSWORD=postgres SQS_ENDPOINT="http://127.0.0.1:${sqs_port}" AWS_REGION=us-east-1 \
  SHOPIFY_WEBHOOK_SECRETS=local-webhook-secret SHOPIFY_ADMIN_URL="${admin_url}" \
  SHOPIFY_ACCESS_TOKENS="ob-test.myshopify.com=shpat_bench,bench.myshopify.com=shpat_bench" \
  API_KEYS="local-admin:admin:local-admin-key-0001,local-writer:write:local-write-key-0001,local-reader:read:local-read-key-00001" \
  DATABASE_MIGRATE_ON_START=false
# The image's JVM options (the Dockerfile's JAVA_TOOL_OPTIONS, read from it so that the two cannot drift) and its
# MALLOC_ARENA_MAX; JVM_OPTS replaces the options, MALLOC_ARENA_MAX= (empty) leaves glibc's default.
read -r -a jvm <<< "${JVM_OPTS:-$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)}"
arenas="${MALLOC_ARENA_MAX-$(sed -n 's/^ *MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' Dockerfile)}"
only="${ONLY:-start,ack,processing,intake,shipment}"
runs() { [[ ",${only}," == *",$1,"* ]]; }
# The pool's 3 s connection timeout is too short for a cold JVM's first connection on a machine shared with builds.
service_args=(--spring.cloud.aws.credentials.access-key=local --spring.cloud.aws.credentials.secret-key=local
  --spring.datasource.hikari.connection-timeout=15000)

# The image's layout (Dockerfile): app.jar with a manifest class path into lib/, which the JDK's AOT cache can
# archive; the fat jar's nested jars it cannot.
app="${work}/app"
cp "${jar}" "${work}/app.jar"
"${java}" -Djarmode=tools -jar "${work}/app.jar" extract --destination "${app}" >/dev/null

# Starts the service from a jar with extra JVM options; sets service_pid, ready_ms (exec to readiness 200) and
# ready_cpu_ms (the service's CPU time until then: steadier than wall time on a shared machine).
start_service() {
  local started launch_jar="$1"
  shift
  started=$(ms_now)
  # From the jar's directory with a relative path, as the image does: the AOT cache records the class path as given.
  (cd "$(dirname "${launch_jar}")" && if [[ -n "${arenas}" ]]; then export MALLOC_ARENA_MAX="${arenas}"; else unset MALLOC_ARENA_MAX; fi
    exec "${java}" "${jvm[@]}" "$@" -jar "$(basename "${launch_jar}")" \
    "${service_args[@]}" > "${work}/service.log" 2>&1) &
  service_pid=$!
  pids+=("${service_pid}")
  until curl -fs -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness"; do
    kill -0 "${service_pid}" 2>/dev/null || { tail -50 "${work}/service.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( $(ms_now) - started ))
  ready_cpu_ms=$(( $(cpu_ticks "${service_pid}") * 1000 / ticks_per_second ))
}
stop_service() {
  kill "${service_pid}" && wait "${service_pid}" 2>/dev/null || true
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# As a deploy does (infra/README.md, "Schema migrations"): the migration task, the jar's migrate-only mode, brings the
# schema up to date once; the instances, started as production starts them (DATABASE_MIGRATE_ON_START=false above),
# only check that no migration is pending.
migrate_started=$(ms_now)
(cd "${app}" && "${java}" "${jvm[@]}" -jar app.jar --orderbridge.database.migrate-only=true "${service_args[@]}" \
  > "${work}/migrate.log" 2>&1) || { tail -50 "${work}/migrate.log"; exit 1; }
echo "migrate wall_ms=$(( $(ms_now) - migrate_started ))" | tee -a "${results}/raw.txt"

# The image's AOT cache (src/main/docker/aot-train.sh: the context refreshed, then exit; no database or queue at
# build time), with the JVM options the service runs with, as the Dockerfile's JAVA_TOOL_OPTIONS apply to it there.
PATH="${JAVA_HOME}/bin:${PATH}" JAVA_TOOL_OPTIONS="${jvm[*]}" sh src/main/docker/aot-train.sh "${app}" \
  > "${work}/aot-train.log" 2>&1 || { tail -50 "${work}/aot-train.log"; exit 1; }

if runs start; then
  echo "== start to ready: the fat jar and the image's layout without the AOT cache, and with it"
  # For comparison, a cache from a run that served requests (possible here, not in the image build: no stand-ins).
  if [[ " ${START_VARIANTS:-aot-served} " == *" aot-served "* ]]; then
    start_service "${app}/app.jar" -XX:AOTCacheOutput="${work}/served.aot"
    python3 bench/make_webhooks.py 200 local-webhook-secret "${work}/train.txt" 90
    DELIVERIES="${work}/train.txt" wrk -t1 -c4 -d3s -s bench/webhook.lua "http://127.0.0.1:${port}" >/dev/null
    RUN_ID="train-${run}" wrk -t1 -c4 -d3s -s bench/intake.lua "http://127.0.0.1:${port}" >/dev/null
    stop_service
  fi
  read -r -a variants <<< "${START_VARIANTS:-fatjar extracted aot-image aot-served}"
  declare -A walls cpus
  # Round robin, so that a burst of load on the shared machine does not land on one variant only.
  for _ in $(seq 1 "${START_RUNS:-3}"); do
    for variant in "${variants[@]}"; do
      case "${variant}" in
        fatjar) start_service "${jar}" ;;
        extracted) start_service "${app}/app.jar" ;;
        aot-image) start_service "${app}/app.jar" -XX:AOTMode=on -XX:AOTCache="${app}/app.aot" ;;
        aot-served) start_service "${app}/app.jar" -XX:AOTMode=on -XX:AOTCache="${work}/served.aot" ;;
      esac
      walls[${variant}]+="${ready_ms} " cpus[${variant}]+="${ready_cpu_ms} "
      stop_service
    done
  done
  for variant in "${variants[@]}"; do
    # shellcheck disable=SC2086
    echo "start-${variant} ops=${START_RUNS:-3} wall_ms=$(median ${walls[${variant}]}) cpu_ms=$(median ${cpus[${variant}]}) all_wall_ms=${walls[${variant}]// /,} all_cpu_ms=${cpus[${variant}]// /,}" \
      | tee -a "${results}/raw.txt"
  done
fi
# The load runs on the service as the image starts it.
start_service "${app}/app.jar" -XX:AOTMode=on -XX:AOTCache="${app}/app.aot"

echo "== warm-up"
python3 bench/make_webhooks.py 5000 local-webhook-secret "${work}/deliveries.txt" 1
DELIVERIES="${work}/deliveries.txt" wrk -t2 -c32 -d10s -s bench/webhook.lua "http://127.0.0.1:${port}" >/dev/null
RUN_ID="warm-${run}" wrk -t2 -c32 -d10s -s bench/intake.lua "http://127.0.0.1:${port}" >/dev/null
wrk -t2 -c32 -d5s "http://127.0.0.1:${port}/actuator/health/liveness" >/dev/null

wait_until() { # wait_until <command producing a number> <target>
  until (( $($1) >= $2 )); do sleep 1; done
}
processed() { metric orderbridge_webhooks_processed_total; }
shopify_orders() { curl -fs "http://127.0.0.1:${sim_port}/_sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["orders"])'; }
fulfillments() { curl -fs "http://127.0.0.1:${sim_port}/_sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["fulfillments"])'; }
# Nothing queued or pushing before a scenario starts.
settle() { local a b; a=$(cpu_ticks "${service_pid}"); sleep 2; b=$(cpu_ticks "${service_pid}");
  while (( b - a > 20 )); do a=${b}; sleep 2; b=$(cpu_ticks "${service_pid}"); done; }

# begin <name> / end <name> <operations>: CPU, allocation and wall time of the service between them, and a JFR.
begin() {
  settle
  recording="$1"
  "${JAVA_HOME}/bin/jcmd" "${service_pid}" JFR.start name="$1" settings=profile filename="${results}/$1.jfr" >/dev/null
  t0=$(ms_now); c0=$(cpu_ticks "${service_pid}"); g0=$(gc_ticks "${service_pid}")
  a0=$(metric jvm_gc_memory_allocated_bytes_total)
}
end() {
  local c1 g1 a1 t1
  c1=$(cpu_ticks "${service_pid}"); g1=$(gc_ticks "${service_pid}"); t1=$(ms_now)
  a1=$(metric jvm_gc_memory_allocated_bytes_total)
  # A window inside a scenario ("<name>-window") is measured without ending its recording.
  [[ "$1" == "${recording}" ]] && "${JAVA_HOME}/bin/jcmd" "${service_pid}" JFR.stop name="$1" >/dev/null
  echo "$1 ops=$2 cpu_ticks=$((c1 - c0)) gc_ticks=$((g1 - g0)) wall_ms=$((t1 - t0)) alloc_bytes=$((a1 - a0)) rss_kib=$(rss_kib "${service_pid}")" \
    | tee -a "${results}/raw.txt"
}
wrk_figures() { # name file: throughput, and the percentiles the scripts' done() prints
  awk -v name="$1" '/Requests\/sec/ { rps = $2 } /^p50_ms=/ { line = $1 " " $2 " " $3 }
    END { gsub(/_ms/, "", line); printf "%s rps=%s %s\n", name, rps, line }' "$2" | tee -a "${results}/raw.txt"
}
requests_of() { awk '/requests in/ { print $1 }' "$1"; }
non2xx_of() { awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$1"; }

echo "== liveness (32 connections, ${duration})"
begin liveness
wrk -t2 -c32 -d"${duration}" -s bench/liveness.lua "http://127.0.0.1:${port}" > "${results}/liveness.txt"
end liveness "$(requests_of "${results}/liveness.txt")"
wrk_figures liveness "${results}/liveness.txt"

if runs ack; then
  echo "== acknowledgement (32 connections, ${duration}) and the processing it queues"
  python3 bench/make_webhooks.py 20000 local-webhook-secret "${work}/acks.txt" 3
  before=$(processed)
  begin acknowledgement
  DELIVERIES="${work}/acks.txt" wrk -t2 -c32 -d"${duration}" -s bench/webhook.lua "http://127.0.0.1:${port}" \
    > "${results}/acknowledgement.txt"
  acked=$(( $(requests_of "${results}/acknowledgement.txt") - $(non2xx_of "${results}/acknowledgement.txt") ))
  end acknowledgement-window "${acked}"
  wait_until processed $(( before + acked ))
  end acknowledgement "${acked}"
  wrk_figures acknowledgement "${results}/acknowledgement.txt"
fi

if runs processing; then
  echo "== webhook processing alone (${webhooks} put straight into the queue)"
  # After the acknowledgements, and after a first unmeasured batch: measured first, processing paid for the JIT's
  # compilations of it (11.4 ms per webhook against 8.3 ms for acknowledgement and processing together, 2026-12-02).
  python3 bench/make_webhooks.py 1000 local-webhook-secret "${work}/direct-warm.txt" 4
  target=$(( $(processed) + 1000 ))
  python3 bench/enqueue_webhooks.py "${work}/direct-warm.txt" "http://127.0.0.1:${sqs_port}" >/dev/null
  wait_until processed "${target}"
  python3 bench/make_webhooks.py "${webhooks}" local-webhook-secret "${work}/direct.txt" 2
  target=$(( $(processed) + webhooks ))
  begin processing
  python3 bench/enqueue_webhooks.py "${work}/direct.txt" "http://127.0.0.1:${sqs_port}" >/dev/null
  wait_until processed "${target}"
  end processing "${webhooks}"
fi

if runs intake; then
  echo "== intake (32 connections, ${duration}) and the pushes it queues"
  before=$(shopify_orders)
  begin intake
  RUN_ID="intake-${run}" wrk -t2 -c32 -d"${duration}" -s bench/intake.lua "http://127.0.0.1:${port}" \
    > "${results}/intake.txt"
  accepted=$(( $(requests_of "${results}/intake.txt") - $(non2xx_of "${results}/intake.txt") ))
  end intake-window "${accepted}"
  wait_until shopify_orders $(( before + accepted ))
  end intake "${accepted}"
  wrk_figures intake "${results}/intake.txt"
fi

if runs shipment; then
  echo "== shipment push: 500 orders pushed, then one shipment each"
  since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  before=$(shopify_orders)
  python3 bench/send_orders.py 500 "${port}" >/dev/null
  wait_until shopify_orders $(( before + 500 ))
  sleep 2
  before=$(fulfillments)
  begin shipment
  shipped=$(python3 bench/send_shipments.py "${since}" "${port}")
  wait_until fulfillments $(( before + shipped ))
  end shipment "${shipped}"
fi

peak_rss_kib=$(awk '/VmHWM/ { print $2 }' "/proc/${service_pid}/status")
# What the memory is: the heap before and after a full collection (its live set), and the JVM's own accounting of
# the rest when JVM_OPTS has -XX:NativeMemoryTracking=summary.
{
  "${JAVA_HOME}/bin/jcmd" "${service_pid}" GC.heap_info
  "${JAVA_HOME}/bin/jcmd" "${service_pid}" GC.run
  "${JAVA_HOME}/bin/jcmd" "${service_pid}" GC.heap_info
  "${JAVA_HOME}/bin/jcmd" "${service_pid}" VM.native_memory summary
} > "${results}/memory.txt" 2>&1 || true
SERVICE_MALLOC_ARENA_MAX="${arenas}" python3 - "${results}" "${ticks_per_second}" "${peak_rss_kib}" "${duration}" "${ONLY:-}" "${jvm[@]}" <<'PY'
import datetime, os, platform, re, subprocess, sys
results, hz, rss, duration, only = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
jvm = sys.argv[6:]
raw = {}
for line in open(f"{results}/raw.txt"):
    name, *pairs = line.split()
    raw.setdefault(name, {}).update(dict(p.split("=", 1) for p in pairs))
def cpu_ms(name):
    r = raw[name]
    return 1000 * int(r["cpu_ticks"]) / hz / max(1, int(r["ops"]))
def alloc_kb(name):
    r = raw[name]
    return int(r["alloc_bytes"]) / 1024 / max(1, int(r["ops"]))
def gc_share(name):
    r = raw[name]
    return int(r["gc_ticks"]) / max(1, int(r["cpu_ticks"]))
def rss_mib(name):
    return int(raw[name]["rss_kib"]) / 1024
def rate(name):
    r = raw[name]
    return int(r["ops"]) / (int(r["wall_ms"]) / 1000)
live = cpu_ms("liveness")
def row(label, cpu, alloc, figures, *needs):
    return (label, cpu(), alloc(), figures(), needs[-1]) if all(n in raw for n in needs) else None
rows = [r for r in [
    row("liveness", lambda: live, lambda: alloc_kb("liveness"), lambda: raw["liveness"], "liveness"),
    row("acknowledgement (derived: ack + its processing − processing)",
        lambda: cpu_ms("acknowledgement") - cpu_ms("processing"),
        lambda: alloc_kb("acknowledgement") - alloc_kb("processing"), lambda: raw["acknowledgement"],
        "acknowledgement", "processing"),
    row("acknowledgement + its processing", lambda: cpu_ms("acknowledgement"), lambda: alloc_kb("acknowledgement"),
        lambda: raw["acknowledgement"], "acknowledgement"),
    row("webhook processing (queued directly)", lambda: cpu_ms("processing"), lambda: alloc_kb("processing"),
        lambda: None, "processing"),
    row("intake + its push (relay, push to simulator)", lambda: cpu_ms("intake"), lambda: alloc_kb("intake"),
        lambda: raw["intake"], "intake"),
    row("intake window only (pushes running alongside)", lambda: cpu_ms("intake-window"),
        lambda: alloc_kb("intake-window"), lambda: raw["intake"], "intake"),
    row("shipment request + its push", lambda: cpu_ms("shipment"), lambda: alloc_kb("shipment"), lambda: None,
        "shipment"),
] if r is not None]
cpu_model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
load = open("/proc/loadavg").read().split()[:3]
command = (f"ONLY={only} " if only else "") + f"bench/run-all.sh {duration}"
out = [f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} × {cpu_model},"
       f" load average at the end {' / '.join(load)} (the machine is shared: trust the CPU per operation, not the"
       f" throughput). `{command}`; JFRs in bench/results/<run>/.", "",
       "| operation | service CPU per op | × liveness | allocated per op | GC share of CPU | RSS at end | throughput | p50 | p99 | p99.9 |",
       "|---|---|---|---|---|---|---|---|---|---|"]
for name, cpu, alloc, w, measured in rows:
    if w is not None and "rps" in w:
        thr, p50, p99, p999 = f"{float(w['rps']):.0f}/s", f"{w['p50']} ms", f"{w['p99']} ms", f"{w['p999']} ms"
    else:
        key = {"webhook processing (queued directly)": "processing", "shipment request + its push": "shipment"}[name]
        thr, p50, p99, p999 = f"{rate(key):.0f}/s end to end", "–", "–", "–"
    out.append(f"| {name} | {cpu:.2f} ms | {cpu / live:.1f} | {alloc:.0f} KiB | {100 * gc_share(measured):.0f} %"
               f" | {rss_mib(measured):.0f} MiB | {thr} | {p50} | {p99} | {p999} |")
starts = [
    ("start-fatjar", "the fat jar (`java -jar target/orderbridge-*.jar`), no AOT cache"),
    ("start-extracted", "the image's layout (app.jar + lib/), no AOT cache"),
    ("start-aot-image", "the image's layout with the image's AOT cache (training run exits at refresh)"),
    ("start-aot-served", "the image's layout with an AOT cache from a training run that served requests"),
]
measured = [(k, label) for k, label in starts if k in raw]
if measured:
    out += ["", f"| start to ready (readiness 200), median of {raw[measured[0][0]]['ops']} | wall | service CPU |",
            "|---|---|---|"]
    out += [f"| {label} | {int(raw[k]['wall_ms']) / 1000:.1f} s | {int(raw[k]['cpu_ms']) / 1000:.1f} s |"
            for k, label in measured]
if "migrate" in raw:
    out += ["", f"The migration task (the jar's migrate-only mode, every migration applied to an empty database) before"
            f" the starts: {int(raw['migrate']['wall_ms']) / 1000:.1f} s wall."]
arenas = os.environ.get("SERVICE_MALLOC_ARENA_MAX") or "glibc's default"
out += ["", f"Peak RSS (VmHWM) after the run: {rss / 1024:.0f} MiB (JVM options: {' '.join(jvm)};"
        f" MALLOC_ARENA_MAX {arenas})."]
table = "\n".join(out)
print(table)
open(f"{results}/table.md", "w").write(table + "\n")
if only:
    sys.exit(0)
doc = open("docs/benchmarks.md").read()
start, end = "<!-- run-all:start -->", "<!-- run-all:end -->"
block = f"{start}\n{table}\n{end}"
doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, doc, flags=re.S) if start in doc else doc + "\n" + block + "\n"
open("docs/benchmarks.md", "w").write(doc)
PY
