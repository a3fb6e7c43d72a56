#!/usr/bin/env bash
# Runs JMH benchmarks of core. Arguments go to org.openjdk.jmh.Main, e.g.
#   scripts/bench-jmh.sh CryptoBenchmark                     # every benchmark of the class
#   scripts/bench-jmh.sh 'CryptoBenchmark.envelopeOpen.*' -p size=200
#   scripts/bench-jmh.sh -l                                  # list benchmarks
# Forks, warmup and measurement come from the annotations (fork 1, 3 x 1 s warmup, 5 x 1 s measurement).
set -euo pipefail
cp="$("$(dirname "$0")/bench-classpath.sh")"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
