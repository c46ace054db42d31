#!/usr/bin/env bash
# A/B of two builds of the sample app on one machine: JVMs of the old and the new
# jar alternate (old, new, old, new), each serving bench/apps/hello.wsgi preloaded
# at /hello next to its Java controller /java/hello. Each JVM is warmed (60 s of
# hello, 15 s of the controller at 16 connections), then measured in three pairs of
# 8-s wrk windows. One line per window on standard output:
#   <old|new> round<N> window<N> <url> <req/s> <p99>
# Compare hello's rate and its share of the same JVM's controller: the machine's
# drift moves both.
#
# usage: bench/ab.sh OLD_JAR NEW_JAR > ab.txt
# The same jar twice with OLD_JAVA_OPTS / NEW_JAVA_OPTS compares JVM options;
# OLD_JAVA / NEW_JAVA (JAVA_HOME's java) compare launchers, and OLD_JIT_OPTS /
# NEW_JIT_OPTS (the Graal compiler on --upgrade-module-path) how the compiler is
# added, e.g. the runtime image and AOT cache of the README ("Start in half the time").
# After its windows each JVM prints one more line: <old|new> round<N> rss <KiB>
# Environment: GRAAL_JIT (sample-app/target/graal-jit) the Graal compiler jars,
#   PORT (18080), LOGS (a new /tmp/wsgi-ab.*) where the JVMs' logs go; WARMUP (60s),
#   JAVA_WARMUP (15s) and WINDOW (8s) for a quick check that it works.
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 OLD_JAR NEW_JAR" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
declare -A JARS=([old]=$(realpath "$1") [new]=$(realpath "$2"))
declare -A OPTS=([old]=${OLD_JAVA_OPTS:-} [new]=${NEW_JAVA_OPTS:-})
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
GRAAL_JIT=${GRAAL_JIT:-$PWD/sample-app/target/graal-jit}
UPGRADE_JIT="-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$GRAAL_JIT"
declare -A LAUNCHERS=([old]=${OLD_JAVA:-$JAVA_HOME/bin/java} [new]=${NEW_JAVA:-$JAVA_HOME/bin/java})
declare -A JIT=([old]=${OLD_JIT_OPTS:-$UPGRADE_JIT} [new]=${NEW_JIT_OPTS:-$UPGRADE_JIT})
PORT=${PORT:-18080}
LOGS=${LOGS:-$(mktemp -d /tmp/wsgi-ab.XXXXXX)}
WARMUP=${WARMUP:-60s}
JAVA_WARMUP=${JAVA_WARMUP:-15s}
WINDOW=${WINDOW:-8s}
APPS=$PWD/bench/apps
URL=http://127.0.0.1:$PORT
for round in 1 2; do
    for v in old new; do
        "${LAUNCHERS[$v]}" ${JIT[$v]} \
            --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${OPTS[$v]} -jar "${JARS[$v]}" \
            --server.port="$PORT" --wsgi.script-aliases[0].url=/hello \
            --wsgi.script-aliases[0].path="file:$APPS/hello.wsgi" --wsgi.script-aliases[0].preload=true \
            > "$LOGS/app-$v-$round.log" 2>&1 &
        pid=$!
        until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/hello")" = 200 ]; do
            kill -0 "$pid" 2>/dev/null || { echo "the $v JVM ended: see $LOGS/app-$v-$round.log" >&2; exit 1; }
            sleep 0.1
        done
        wrk -t2 -c16 -d"$WARMUP" "$URL/hello" > /dev/null
        wrk -t2 -c16 -d"$JAVA_WARMUP" "$URL/java/hello" > /dev/null
        for w in 1 2 3; do
            for u in hello java/hello; do
                r=$(wrk -t2 -c16 -d"$WINDOW" --latency "$URL/$u" | awk '/Requests\/sec/{rs=$2} /^ +99%/{p=$2} END{print rs, p}')
                echo "$v round$round window$w $u $r"
            done
        done
        echo "$v round$round rss $(ps -o rss= -p "$pid" | tr -d ' ')"
        kill "$pid"
        wait "$pid" 2>/dev/null || true
    done
done
