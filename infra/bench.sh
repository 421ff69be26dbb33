#!/usr/bin/env bash
# Runs one benchmark or evaluation command on a fresh clone: compiles its module and the modules it
# needs within the reactor (no install), then runs the command's class from the current folder.
#   infra/bench.sh <area> <Command> [args...]    e.g. infra/bench.sh routes RouteBenchmark --help
#   infra/bench.sh <area>                        lists the area's commands
# JAVA_OPTS (e.g. -Xmx8g) goes to the JVM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/infra/jdk.sh"
source "$root/infra/classpath.sh"

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

commands() {  # the module's classes with a main method, by simple name
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
echo "building $module (reactor, no install; log: $module/target/build.log) ..." >&2
classpath="$(reactor_classpath "$module")"
# shellcheck disable=SC2086,SC2046
exec java $(quiet_unsafe_flags) ${JAVA_OPTS:-} -Dquanyu.root="$root" -cp "$classpath" "$class" "$@"
