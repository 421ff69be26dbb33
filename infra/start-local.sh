#!/usr/bin/env bash
# Starts the whole platform locally: stand-ins, tables and buckets from template.yaml, every
# HTTP route, S3 triggers, demo data. Options: see `infra/start-local.sh --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
source infra/jdk.sh
command -v node >/dev/null || { echo "error: Node.js >= 18 (for dynalite) must be on PATH" >&2; exit 1; }
[ -f infra/node_modules/dynalite/cli.js ] || npm ci --prefix infra --no-audit --no-fund
[ -f console/node_modules/echarts/dist/echarts.min.js ] || npm ci --prefix console --no-audit --no-fund
./mvnw -q -B install -DskipTests
./mvnw -q -B -pl infra/runtime dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -XX:+TieredCompilation -cp "infra/runtime/target/classes:$(cat infra/runtime/target/classpath.txt)" \
  com.quanyu.infra.local.LocalRuntime "$@"
