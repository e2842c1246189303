#!/usr/bin/env bash
# Start-up time, heap and RSS of the embedded Kafka broker against the same broker started by hand the way
# kafka-server-start does (java -cp ... kafka.Kafka with its default JVM options). Run it alone on a quiet machine:
#   bench/embedded-kafka/run.sh [rounds] [records]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-3}"
RECORDS="${2:-10000}"
./mvnw -B -q -pl embedded-kafka process-classes
REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
CP="embedded-kafka/target/classes:$(tr '|' '\n' < embedded-kafka/target/classes/META-INF/banyan/kafka-classpath.txt \
  | sed "s#\$M2#$REPO#" | paste -sd:)"
exec java -cp "$CP" bench/embedded-kafka/KafkaStartBench.java "$ROUNDS" "$RECORDS"
