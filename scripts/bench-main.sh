#!/usr/bin/env bash
# Runs a benchmark program of core (a class with a main in org.habarshy.core.bench), e.g.
#   scripts/bench-main.sh LinkThroughputBench
#   scripts/bench-main.sh NodeSyncBench
# Remaining arguments go to the program. JVM options come from BENCH_JAVA_OPTS.
set -euo pipefail
main="$1"
shift
cp="$("$(dirname "$0")/bench-classpath.sh")"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "$cp" "org.habarshy.core.bench.$main" "$@"
