#!/usr/bin/env bash
# Local stand-in for the drill's FIS database failover: crash-stops the PostgreSQL that one local run
# (./mvnw -pl service -am spring-boot:test-run) uses and starts it again after a pause, on the same data directory and
# port. Every connection drops, as in a failover; what was committed survives, as with Aurora's shared storage.
# Usage: bench/drill-local-fault.sh <pid of the local run's JVM> [seconds down, default 5]
# Finds the server by the JVM's own connections, so other PostgreSQL servers on the machine are left alone.
set -euo pipefail
jvm="$1"
down="${2:-5}"
port=""
for peer in $(ss -tnpH state established | awk -v pid="pid=${jvm}," '$0 ~ pid { split($4, a, ":"); print a[2] }' | sort -u); do
  if ss -ltnpH "sport = :${peer}" | grep -q '"postgres"'; then port="${peer}"; break; fi
done
[[ -n "${port}" ]] || { echo "no PostgreSQL connection of JVM ${jvm} found" >&2; exit 2; }
postmaster=$(ss -ltnpH "sport = :${port}" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
mapfile -d '' command < "/proc/${postmaster}/cmdline"
owner=$(stat -c %U "/proc/${postmaster}")
log=$(mktemp /tmp/drill-postgres.XXXXXX.log)
chown "${owner}" "${log}" 2>/dev/null || true
echo "PostgreSQL on port ${port} (pid ${postmaster}, ${owner}): immediate stop, ${down} s down"
kill -QUIT "${postmaster}"   # immediate shutdown: no checkpoint, crash recovery on the next start
while kill -0 "${postmaster}" 2>/dev/null; do sleep 0.1; done
sleep "${down}"
if [[ $(id -un) == "${owner}" ]]; then
  setsid "${command[@]}" > "${log}" 2>&1 < /dev/null &
else
  setsid runuser -u "${owner}" -- "${command[@]}" > "${log}" 2>&1 < /dev/null &
fi
until ss -ltnH "sport = :${port}" | grep -q LISTEN; do sleep 0.1; done
echo "PostgreSQL on port ${port} accepting connections again (log ${log})"
