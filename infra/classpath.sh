#!/usr/bin/env bash
# Sourced by infra/start-local.sh and infra/bench.sh: `reactor_classpath <module>` compiles the module and
# the modules it needs within the reactor (never `mvnw install`: ~/.m2 may be shared by other clones)
# and prints its runtime classpath. The build's output goes to <module>/target/build.log, shown on failure.
reactor_classpath() {
  local root module log
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  module="$1"
  log="$root/$module/target/build.log"
  mkdir -p "$root/$module/target"
  # test-compile: tooling modules use shared's test-jar (the stand-ins), which the reactor then
  # resolves to shared/target/test-classes.
  if ! "$root/mvnw" -q -B -f "$root/pom.xml" -pl "$module" -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt >"$log" 2>&1; then
    grep -v '^WARNING: .*sun.misc.Unsafe\|^WARNING: Please consider reporting' "$log" | tail -40 >&2
    echo "error: building $module failed (full log: $log)" >&2
    return 1
  fi
  echo "$root/$module/target/classes:$(cat "$root/$module/target/classpath.txt")"
}

# JDK 23+ prints a warning on the terminal when a library (S3Proxy's Guice, Tribuo's protobuf) uses
# sun.misc.Unsafe; these flags allow it quietly there and are empty on older JDKs.
quiet_unsafe_flags() {
  if java -version 2>&1 | grep -qE 'version "(2[3-9]|[3-9][0-9])'; then echo "--sun-misc-unsafe-memory-access=allow"; fi
}
