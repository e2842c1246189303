#!/usr/bin/env bash
# Outbox pipeline benchmark, one run: a 50,000-event burst inserted into an outbox table and published by the bridge
# to a real Kafka broker, next to a bare KafkaProducer writing the same records (same keys, values, headers and
# producer settings) to the same broker; prints both rates and the ratio. Needs only the Maven wrapper and a JDK 17.
#   bench/cdc-outbox/run.sh            (optional: -Dbench.events=50000)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl cdc-bridge -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/cdc-bridge/target/bench.classpath"
CP="cdc-bridge/target/test-classes:cdc-bridge/target/classes:$(cat cdc-bridge/target/bench.classpath)"
exec java -Xmx512m "$@" -cp "$CP" dev.banyan.cdc.bench.OutboxBenchmark
