#!/usr/bin/env bash
# Local stand-in for the drill's FIS database failover, against the PostgreSQL of one local run
# (./mvnw -pl service -am spring-boot:test-run): every connection of the service is terminated and new ones are
# refused for a while (the database does not allow connections), then allowed again. That is what a failover looks like
# from the service: connections drop, the endpoint refuses for some seconds, the same committed data is there after.
# (The embedded server cannot be restarted from outside: it refuses to start as root, which the test JVM gets around.)
# Usage: bench/drill-local-fault.sh <pid of the local run's JVM> [seconds refused, default 5]
# Finds the server by the JVM's own connections, so other PostgreSQL servers on the machine are left alone.
set -euo pipefail
jvm="$1"
down="${2:-5}"
port=""
for peer in $(ss -tnpH state established | awk -v pid="pid=${jvm}," '$0 ~ pid { sub(/.*:/, "", $4); print $4 }' | sort -u); do
  if ss -ltnpH "sport = :${peer}" | grep -q '"postgres"'; then port="${peer}"; break; fi
done
[[ -n "${port}" ]] || { echo "no PostgreSQL connection of JVM ${jvm} found" >&2; exit 2; }
# From template1, so that this session is not among those it refuses and terminates.
admin=(psql "postgresql://postgres:postgres@127.0.0.1:${port}/template1" -qAt -v ON_ERROR_STOP=1)
echo "PostgreSQL on port ${port}: database postgres refuses connections for ${down} s, its sessions terminated"
"${admin[@]}" -c "alter database postgres allow_connections false" \
  -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = 'postgres'"
sleep "${down}"
"${admin[@]}" -c "alter database postgres allow_connections true"
echo "PostgreSQL on port ${port}: database postgres accepts connections again"
