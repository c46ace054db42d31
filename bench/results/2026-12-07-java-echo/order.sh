#!/usr/bin/env bash
# Run from anywhere; ROOT is the repository (default /work/main), LOGS where the JVM log goes.
set -u
JAR=${JAR:-sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
APPS=${ROOT:-/work/main}/bench/apps; LUA=${ROOT:-/work/main}/bench/wrk/report.lua
PORT=18080; URL=http://127.0.0.1:$PORT
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=${ROOT:-/work/main}/sample-app/target/graal-jit \
 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $JAR --server.port=$PORT \
 --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$APPS/hello.wsgi --wsgi.script-aliases[0].preload=true \
 --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$APPS/echo.wsgi --wsgi.script-aliases[1].preload=true \
 > ${LOGS:-/tmp}/app-order.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $URL/hello)" = 200 ]; do kill -0 $pid || exit 1; sleep 0.2; done
w() { WRK_POST_BYTES=$3 wrk -t2 -c$2 -d$4 --timeout 5s -s $LUA $URL/$1 | awk -v u=$1 -v c=$2 '/^WRK_RESULT/{printf "%s c=%s %.0f req/s p99 %.1f ms err %d\n", u, c, $2/($3/1e6), $5/1000, $6+$7+$8+$9+$10}'; }
w echo 16 1024 90s >/dev/null
for i in 1 2 3; do w echo 16 1024 8s; w java/hello 16 0 8s; done | sed 's/^/before /'
w java/echo 16 1024 20s | sed 's/^/warm /'
for i in 1 2 3; do w echo 16 1024 8s; w java/hello 16 0 8s; done | sed 's/^/after /'
kill $pid; wait $pid 2>/dev/null
