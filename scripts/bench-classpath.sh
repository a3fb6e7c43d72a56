#!/usr/bin/env bash
# Compiles core and its tests (JMH generates its harness at test-compile) and prints the class path
# that runs them: core's test and main classes plus every test-scope dependency.
# Extra Maven options come from MVN_ARGS, e.g. MVN_ARGS="-Dmaven.repo.local=/tmp/m2".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cpfile="$root/core/target/bench-classpath.txt"
# shellcheck disable=SC2086
mvn -B -q ${MVN_ARGS:-} -pl core -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >&2
echo "$root/core/target/test-classes:$root/core/target/classes:$(cat "$cpfile")"
