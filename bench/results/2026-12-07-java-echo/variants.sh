#!/usr/bin/env bash
# Run from anywhere; ROOT is the repository (default /work/main), LOGS where the JVM log goes.
set -u
JAR=${JAR:-${ROOT:-/work/main}/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
APPS=${ROOT:-/work/main}/bench/apps; A2=$(dirname "$0"); LUA=${ROOT:-/work/main}/bench/wrk/report.lua
PORT=18080; URL=http://127.0.0.1:$PORT
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=${ROOT:-/work/main}/sample-app/target/graal-jit \
 --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${EXTRA:-} -jar $JAR --server.port=$PORT \
 --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$APPS/hello.wsgi --wsgi.script-aliases[0].preload=true \
 --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$APPS/echo.wsgi --wsgi.script-aliases[1].preload=true \
 --wsgi.script-aliases[2].url=/posthello --wsgi.script-aliases[2].path=file:$A2/posthello.wsgi --wsgi.script-aliases[2].preload=true \
 --wsgi.script-aliases[3].url=/readhello --wsgi.script-aliases[3].path=file:$A2/readhello.wsgi --wsgi.script-aliases[3].preload=true \
 > ${LOGS:-/tmp}/app-$TAG.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $URL/hello)" = 200 ]; do sleep 0.2; done
w() { WRK_POST_BYTES=$3 wrk -t2 -c$2 -d$4 --timeout 5s -s $LUA $URL/$1 | awk -v u=$1 -v c=$2 '/^WRK_RESULT/{printf "%s c=%s %.0f req/s p99 %.1f ms err %d\n", u, c, $2/($3/1e6), $5/1000, $6+$7+$8+$9+$10}'; }
for u in hello echo posthello readhello; do b=1024; [ $u = hello ] && b=0; w $u 16 $b ${WARM:-60s} >/dev/null; done
curl -s $URL/readhello; echo
for r in 1 2; do for c in 64 16; do for u in hello echo posthello readhello; do b=1024; [ $u = hello ] && b=0; w $u $c $b 8s; done; done; done | sed "s/^/$TAG /"
curl -s $URL/readhello; echo
kill $pid; wait $pid 2>/dev/null
