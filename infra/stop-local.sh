#!/usr/bin/env bash
# Stops a local runtime started with infra/start-local.sh (also one started in the background,
# which ignores Ctrl-C): sends SIGTERM to the PID it recorded for its port and waits for a clean exit.
#   infra/stop-local.sh [--port 3000]
set -euo pipefail
cd "$(dirname "$0")/.."
port=3000
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    *) echo "usage: infra/stop-local.sh [--port N]" >&2; exit 2 ;;
  esac
done
pidfile=".data/local-runtime-$port.pid"
[ -f "$pidfile" ] || { echo "no local runtime recorded on port $port ($pidfile is missing)"; exit 0; }
pid="$(cat "$pidfile")"
if ! kill -0 "$pid" 2>/dev/null; then
  echo "local runtime $pid on port $port is not running; removing $pidfile"; rm -f "$pidfile"; exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { echo "stopped local runtime $pid (port $port)"; exit 0; }
  sleep 0.5
done
echo "error: local runtime $pid did not stop within 30 s" >&2
exit 1
