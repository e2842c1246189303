#!/usr/bin/env bash
# catalog-service vs legacy-monolith on the same data, one run. Needs both boot jars (./mvnw -B package -DskipTests).
# Extra JVM options go before the file name, e.g.: bench/catalog-service/run.sh -Drestaurants=800 -Dseconds=15
set -euo pipefail
cd "$(dirname "$0")/../.."
driver=$(find "${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/postgresql/postgresql" -name 'postgresql-*.jar' \
  ! -name '*sources*' | sort -V | tail -1)
if [[ -z "$driver" ]]; then
  echo "PostgreSQL JDBC driver not found in the local Maven repository; run ./mvnw -B package first" >&2
  exit 2
fi
exec java -cp "$driver" "$@" bench/catalog-service/CatalogServiceBench.java
