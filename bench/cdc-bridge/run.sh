#!/usr/bin/env bash
# CDC bridge benchmark, one run: lag at 1,000 rows/s, throughput on a 100,000-row burst next to PostgreSQL's own
# pgoutput decoding rate of the same WAL, the same rows updated (the update path), a snapshot into an empty target
# (with snapshot key recording) and peak heap. Needs only the Maven wrapper and a JDK 17.
#   bench/cdc-bridge/run.sh            (optional: -Dbench.sustained.seconds=30 -Dbench.burst.rows=100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl cdc-bridge -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/cdc-bridge/target/bench.classpath"
CP="cdc-bridge/target/test-classes:cdc-bridge/target/classes:$(cat cdc-bridge/target/bench.classpath)"
exec java -Xmx512m "$@" -cp "$CP" dev.banyan.cdc.bench.CdcBenchmark
