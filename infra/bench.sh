#!/usr/bin/env bash
# Runs one benchmark or evaluation command on a fresh clone: compiles its module and the modules it
# needs within the reactor (never `mvnw install`, which would publish SNAPSHOTs to a ~/.m2 that other
# clones may share), then runs the command's class on that classpath from the current folder.
#   infra/bench.sh <area> <Command> [args...]    e.g. infra/bench.sh routes RouteBenchmark --help
#   infra/bench.sh <area>                        lists the area's commands
# JAVA_OPTS (e.g. -Xmx8g) goes to the JVM; BENCH_NO_BUILD=1 reuses the last build.
set -euo pipefail
here="$PWD"
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/infra/jdk.sh"

declare -A modules=([routes]=infra/eval-routes [chatbot]=infra/eval-chatbot [forecast]=infra/eval-forecast
  [scoring]=infra/eval-scoring [campaigns]=infra/eval-campaigns [ingest]=infra/ingest-tools [runtime]=infra/runtime)
usage() {
  echo "usage: infra/bench.sh <area> [Command [args...]]   areas: ${!modules[*]}" >&2
  exit 2
}
[ $# -ge 1 ] || usage
area="$1"; shift
module="${modules[$area]:-}"
[ -n "$module" ] || { echo "error: unknown area '$area'" >&2; usage; }

commands() {  # the classes of the module that have a main method, by simple name
  grep -rl --include='*.java' 'static void main(' "$root/$module/src/main/java" | sed 's|.*/||; s|\.java$||' | sort
}
if [ $# -eq 0 ]; then
  echo "commands in $area ($module):"; commands | sed 's/^/  /'; exit 0
fi
command="$1"; shift
source_file="$(grep -rl --include="${command##*.}.java" 'static void main(' "$root/$module/src/main/java" | head -1 || true)"
if [ -z "$source_file" ]; then
  echo "error: no command '$command' in $area; its commands: $(commands | tr '\n' ' ')" >&2
  exit 2
fi
class="$(echo "${source_file#"$root/$module/src/main/java/"}" | sed 's|\.java$||; s|/|.|g')"

classpath_file="$root/$module/target/bench-classpath.txt"
if [ "${BENCH_NO_BUILD:-}" != 1 ] || [ ! -f "$classpath_file" ]; then
  echo "building $module and what it needs (reactor, no install) ..." >&2
  # test-compile: the eval modules use shared's test-jar (the stand-ins), which the reactor resolves to
  # shared/target/test-classes at this phase.
  "$root/mvnw" -q -B -f "$root/pom.xml" -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt >&2
fi
cd "$here"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$root/$module/target/classes:$(cat "$classpath_file")" "$class" "$@"
