#!/usr/bin/env bash
# Prints each function's deployable jar with its zipped and unzipped size (Lambda's limit is
# 250 MB unzipped). Run after `./mvnw package`.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '| function jar | zipped MB | unzipped MB |\n|---|---:|---:|\n'
for jar in functions/*/target/quanyu-*-lambda.jar; do
  zipped=$(stat -c %s "$jar")
  unzipped=$(unzip -l "$jar" | tail -1 | awk '{print $1}')
  awk -v j="$jar" -v z="$zipped" -v u="$unzipped" 'BEGIN { printf "| `%s` | %.1f | %.1f |\n", j, z/1048576, u/1048576 }'
done
