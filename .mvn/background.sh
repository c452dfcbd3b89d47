#!/usr/bin/env bash
# Runs a build step beside the steps after it and collects its result later, so that a check which only needs the
# packaged jar (the image-layout start) overlaps the reliability suite's waiting instead of adding to the build's end.
#   .mvn/background.sh start <name> <command...>   starts it; output in target/background/<name>.log
#   .mvn/background.sh await <name> [timeout=600]  waits for it, prints its output, exits with its status
set -euo pipefail
dir="target/background"
action="$1"
name="$2"
shift 2
case "${action}" in
  start)
    mkdir -p "${dir}"
    rm -f "${dir}/${name}.rc"
    # The status file is written last: its presence means the step has ended.
    nohup bash -c '"$@" > "'"${dir}/${name}.log"'" 2>&1; echo $? > "'"${dir}/${name}.rc.tmp"'"; mv "'"${dir}/${name}.rc.tmp"'" "'"${dir}/${name}.rc"'"' \
      background "$@" > /dev/null 2>&1 &
    echo "${name}: started in the background (${dir}/${name}.log)"
    ;;
  await)
    timeout="${1:-600}"
    if [[ ! -f "${dir}/${name}.log" ]]; then
      echo "${name}: was never started (${dir}/${name}.log missing)" >&2
      exit 1
    fi
    for _ in $(seq 1 "${timeout}"); do
      [[ -f "${dir}/${name}.rc" ]] && break
      sleep 1
    done
    cat "${dir}/${name}.log"
    if [[ ! -f "${dir}/${name}.rc" ]]; then
      echo "${name}: still running after ${timeout} s" >&2
      exit 1
    fi
    exit "$(cat "${dir}/${name}.rc")"
    ;;
  *)
    echo "usage: $0 start|await <name> ..." >&2
    exit 2
    ;;
esac
