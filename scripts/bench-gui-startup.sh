#!/usr/bin/env bash
# Measures the desktop app's start-up to a usable window after the first run: a fresh HOME with an identity, one
# contact and 10 messages; one first start (not counted: it writes the class-data-sharing archive, see
# SharedArchiveLauncher); then RUNS starts of 'java -jar habarshy.jar' on a private Xvfb display, each printing
# "startup-to-usable-window-ms N window-shown-ms N process-cpu-ms N ... launcher child" (-Dhabarshy.startupBench=true)
# and the load average, then RUNS starts in one JVM (-Dhabarshy.cds=off, as before the launcher) for comparison.
#   mvn -B -q install -DskipTests && scripts/bench-gui-startup.sh [RUNS] [extra JVM options...]
set -euo pipefail
runs="${1:-5}"
shift || true
jar="$(cd "$(dirname "$0")/.." && pwd)/desktop/target/habarshy.jar"
work="$(mktemp -d)"
display=":$((90 + RANDOM % 100))"
cleanup() {
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home"
unset XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME/.config/habarshy"
# The JVM takes user.home from the password database, not $HOME: pass it, so nothing touches the real ~/.habarshy.
jvm=(java "-Duser.home=$HOME")
hb() { "${jvm[@]}" -jar "$jar" "$@" </dev/null >/dev/null; }
hb init --name Aigerim
hb init --name Bob --data "$work/bob"
hb contact add "$("${jvm[@]}" -jar "$jar" id --data "$work/bob" </dev/null)" --alias Bob
for i in $(seq 1 10); do hb send Bob "Сәлем $i"; done
# Port 0 and no mDNS: the benchmark sends nothing on any network.
printf 'language=kk\ntheme=LIGHT\nfontScale=100\ndataDir=%s\nport=0\nmdns=false\n' "$HOME/.habarshy" \
  > "$HOME/.config/habarshy/desktop.properties"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
start() {
  DISPLAY="$display" "${jvm[@]}" "$@" -Dhabarshy.startupBench=true -jar "$jar" 2>&1 | grep startup-to-usable
}
start "$@" | sed 's/^/first start (writes the archive, not counted): /'
for _ in $(seq 1 "$runs"); do
  echo "$(start "$@") load $(cut -d' ' -f1 /proc/loadavg)"
done
for _ in $(seq 1 "$runs"); do
  echo "$(start -Dhabarshy.cds=off "$@") load $(cut -d' ' -f1 /proc/loadavg)"
done
