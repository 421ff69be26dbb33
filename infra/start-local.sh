#!/usr/bin/env bash
# Starts the whole platform locally: stand-ins, tables and buckets from template.yaml, every
# HTTP route, S3 triggers, demo data. Options: see `infra/start-local.sh --help`.
# Stop it with Ctrl-C, or `infra/stop-local.sh [--port N]` from another shell.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/jdk.sh
source infra/classpath.sh
command -v node >/dev/null || { echo "error: Node.js >= 18 (for dynalite) must be on PATH" >&2; exit 1; }
[ -f infra/node_modules/dynalite/cli.js ] || npm ci --prefix infra --no-audit --no-fund >/dev/null
[ -f console/node_modules/echarts/dist/echarts.min.js ] || npm ci --prefix console --no-audit --no-fund >/dev/null
echo "building (log: infra/runtime/target/build.log) ..."
classpath="$(reactor_classpath infra/runtime)"
# Progress lines redraw in place only on a terminal.
tty=false; [ -t 1 ] && tty=true
# shellcheck disable=SC2046
exec java -XX:+TieredCompilation -Dquanyu.tty="$tty" $(quiet_unsafe_flags) -cp "$classpath" com.quanyu.infra.local.LocalLauncher "$@"
