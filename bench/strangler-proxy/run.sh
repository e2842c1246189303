#!/usr/bin/env bash
# Strangler proxy benchmark, one run: direct call, bare Spring Cloud Gateway, and the Banyan proxy at each stage.
# Needs only a JDK (17+) and the proxy jar: ./mvnw -B package -DskipTests -pl strangler-proxy -am
# The load generator is plain Java (bench/strangler-proxy/ProxyBench.java, run as a source file), so no wrk is needed.
# Options go before the file name, e.g.: bench/strangler-proxy/run.sh -Dseconds=20 -Dconnections=64 -Drate=500
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=strangler-proxy/target/strangler-proxy.jar
if [[ ! -f "$jar" ]]; then
  echo "$jar not found; build it first: ./mvnw -B package -DskipTests -pl strangler-proxy -am" >&2
  exit 2
fi
exec java -Xmx512m "$@" bench/strangler-proxy/ProxyBench.java
