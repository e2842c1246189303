#!/usr/bin/env bash
# Measures boundary-check on more than 10,000 classes at -Xmx1g on 2 processors, side by side with the baseline of
# importing the same classes with ArchUnit alone. Inputs: the largest library jars of the local Maven repository
# (WireMock standalone and ArchUnit, both dependencies of this build). Run from the repository root after
#   ./mvnw -B package -DskipTests -pl architecture-tests -am
# Works with GNU and BSD/macOS userlands (bash, perl for the clock, /usr/bin/time for peak RSS).
# Usage: bench/boundary-check/run.sh [runs]      (default 5 measured runs per side, after one warm-up each)
set -euo pipefail

cd "$(dirname "$0")/../.."
runs="${1:-5}"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
jar="architecture-tests/target/boundary-check.jar"
config="bench/boundary-check/wiremock-boundaries.yml"
heap="-Xmx1g -XX:ActiveProcessorCount=2"

[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -B package -DskipTests -pl architecture-tests -am first" >&2; exit 2; }
newest() { find "$repo/$1" -name "$2" 2>/dev/null | sort -V | tail -1; }
wiremock="$(newest org/wiremock/wiremock-standalone 'wiremock-standalone-*.jar')"
archunit="$(newest com/tngtech/archunit/archunit 'archunit-1*.jar')"
slf4j="$(newest org/slf4j/slf4j-api 'slf4j-api-2*.jar')"
for f in "$wiremock" "$archunit" "$slf4j"; do
  [ -n "$f" ] && [ -f "$f" ] || { echo "input jar not found in $repo (run ./mvnw -B verify once to download it)" >&2; exit 2; }
done
classes=$(( $(unzip -l "$wiremock" | grep -c '\.class$') + $(unzip -l "$archunit" | grep -c '\.class$') ))
echo "inputs: $(basename "$wiremock") + $(basename "$archunit") = $classes class files"
cores() { nproc 2>/dev/null || sysctl -n hw.ncpu; }
memory_gb() { if [ -r /proc/meminfo ]; then awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo; else echo $(( $(sysctl -n hw.memsize) / 1073741824 )); fi; }
load() { if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else sysctl -n vm.loadavg | tr -d '{}'; fi; }
echo "machine: $(cores) cores, $(memory_gb) GB, $(java -version 2>&1 | head -1)"
echo "load before: $(load)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# milliseconds since the epoch: bash 5's EPOCHREALTIME, else perl (BSD date has no %N)
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then local t="${EPOCHREALTIME/[.,]/}"; echo $(( t / 1000 )); else perl -MTime::HiRes=time -e 'printf "%d\n", time() * 1000'; fi
}
# peak RSS in KB of one command, written to a file: GNU time prints KB with -f %M, BSD time prints bytes with -l
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  peak_rss() { local out="$1"; shift; /usr/bin/time -f %M -o "$out" "$@"; }
else
  peak_rss() { local out="$1"; shift; /usr/bin/time -l "$@" 2> "$out.raw"; local s=$?
               awk '/maximum resident set size/ {print int($1 / 1024)}' "$out.raw" > "$out"; return $s; }
fi
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

measure() { # name, command...
  local name="$1"; shift
  "$@" > "$work/$name.warmup" 2>&1 || true
  : > "$work/$name.times"
  for i in $(seq "$runs"); do
    local start end
    start=$(now_ms)
    peak_rss "$work/$name.rss.$i" "$@" > "$work/$name.out" 2>&1 || true
    end=$(now_ms)
    echo $(( end - start )) >> "$work/$name.times"
  done
  echo "$name runs (ms): $(tr '\n' ' ' < "$work/$name.times")"
}

measure check java $heap -jar "$jar" --classes "$wiremock,$archunit" --config "$config" --report-dir "$work/reports"
grep -E '^boundary-check:|^[0-9]+ violations' "$work/check.out"
measure archunit java $heap -cp "$archunit:$slf4j" bench/boundary-check/ArchUnitImport.java "$wiremock,$archunit"
grep -E '^archunit-import' "$work/archunit.out" | head -1

check_ms=$(median < "$work/check.times")
archunit_ms=$(median < "$work/archunit.times")
check_rss=$(cat "$work"/check.rss.* | sort -n | tail -1)
archunit_rss=$(cat "$work"/archunit.rss.* | sort -n | tail -1)
per10k=$(( check_ms * 10000 / classes ))
echo "load after: $(load)"
echo
echo "| run | median wall time | per 10,000 classes | peak RSS |"
echo "|---|---:|---:|---:|"
echo "| boundary-check (read + analyse + 3 reports) | ${check_ms} ms | ${per10k} ms | $(( check_rss / 1024 )) MB |"
echo "| baseline: ArchUnit import alone | ${archunit_ms} ms | $(( archunit_ms * 10000 / classes )) ms | $(( archunit_rss / 1024 )) MB |"
awk -v a="$check_ms" -v b="$archunit_ms" 'BEGIN {printf "ratio boundary-check / ArchUnit import: %.2f (%.1fx faster)\n", a/b, b/a}'
if [ "$per10k" -le 10000 ]; then echo "target (10,000 classes in <= 10 s): met"; else echo "target (10,000 classes in <= 10 s): MISSED"; fi
