#!/usr/bin/env bash
# Whole-request throughput of the sample app on loopback, with wrk:
# the Python WSGI hello (/hello, 12-byte body) against the same JVM's Java
# hello controller (/java/hello). Builds the sample app first.
#   bench/run.sh [connections...]        default: 16 64
# Environment: DURATION (default 20s), WARMUP (default 20s), ROUNDS (default 3),
# PORT (default 18090), EXTRA_ARGS (more sample-app arguments).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18090}
CONNECTIONS=("${@:-16 64}")
[ $# -eq 0 ] && CONNECTIONS=(16 64)

./mvnw -q -B -DskipTests clean package
jar=$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)
"$JAVA_HOME/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path=sample-app/target/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -jar "$jar" --server.port="$PORT" --logging.level.root=warn ${EXTRA_ARGS:-} >/tmp/wsgi-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/hello" >/dev/null && break; sleep 1; done

echo "# $(date -u +%F) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for url in /hello /java/hello; do
  wrk -t2 -c16 -d"$WARMUP" "http://127.0.0.1:$PORT$url" >/dev/null
done
for c in "${CONNECTIONS[@]}"; do
  for round in $(seq 1 "$ROUNDS"); do
    for url in /hello /java/hello; do
      out=$(wrk -t2 -c"$c" -d"$DURATION" --latency "http://127.0.0.1:$PORT$url")
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
      printf '%-12s c=%-3s round=%s req/s=%-10s p50=%-8s p99=%-8s %s\n' "$url" "$c" "$round" "$rps" "$p50" "$p99" "$errors"
    done
  done
done
