#!/usr/bin/env bash
# Run from anywhere; ROOT is the repository (default /work/main), LOGS where the JVM log goes.
# hello vs echo at 16/64 on one JVM
set -u
JAR=${JAR:-${ROOT:-/work/main}/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
APPS=${ROOT:-/work/main}/bench/apps; LUA=${ROOT:-/work/main}/bench/wrk/report.lua
PORT=18080; URL=http://127.0.0.1:$PORT
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=${ROOT:-/work/main}/sample-app/target/graal-jit \
 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${EXTRA:-} -jar $JAR --server.port=$PORT \
 --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$APPS/hello.wsgi --wsgi.script-aliases[0].preload=true \
 --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$APPS/echo.wsgi --wsgi.script-aliases[1].preload=true \
 > ${LOGS:-/tmp}/app-$TAG.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $URL/hello)" = 200 ]; do sleep 0.2; done
w() { WRK_POST_BYTES=$3 wrk -t2 -c$2 -d$4 --timeout 5s -s $LUA $URL/$1 | awk -v u=$1 -v c=$2 '/^WRK_RESULT/{printf "%s c=%s %.0f req/s p99 %.1f ms err %d\n", u, c, $2/($3/1e6), $5/1000, $6+$7+$8+$9+$10}'; }
w hello 16 0 ${WARM:-90s} >/dev/null; w echo 16 1024 ${WARM:-90s} >/dev/null; w java/hello 16 0 15s >/dev/null
w java/echo 16 1024 15s >/dev/null; for r in 1 2 3; do for c in 16 64; do w hello $c 0 8s; w echo $c 1024 8s; w java/hello $c 0 8s; w java/echo $c 1024 8s; done; done | sed "s/^/$TAG /"
kill $pid; wait $pid 2>/dev/null
