#!/bin/bash
# JFR execution samples with stacks deep enough for the Python frames (JFR's default stack depth, 64, cuts them):
# the sample app serving hello at 16 connections, warmed with wrk, then 20 s recorded.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=/work/main/bench/apps
JAR=${JAR:-/tmp/s20/new.jar}
OUT=${OUT:-/tmp/s20}
$JAVA_HOME/bin/java -XX:FlightRecorderOptions:stackdepth=512 -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
  --upgrade-module-path=/tmp/exp/graal-jit --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -jar $JAR --server.port=18080 \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  > $OUT/$1-app.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/hello)" = 200 ]; do sleep 0.1; done
for i in $(seq 1 ${WARM:-9}); do wrk -t2 -c16 -d10s http://127.0.0.1:18080/${URL:-hello} | grep Requests/sec; done
$JAVA_HOME/bin/jcmd $pid JFR.start name=a settings=profile filename=$OUT/$1.jfr >/dev/null
wrk -t2 -c16 -d20s http://127.0.0.1:18080/${URL:-hello} | grep -E 'Requests/sec|requests in'
$JAVA_HOME/bin/jcmd $pid JFR.stop name=a >/dev/null
kill $pid; wait $pid 2>/dev/null
$JAVA_HOME/bin/jfr print --json --stack-depth 512 --events jdk.ExecutionSample $OUT/$1.jfr > $OUT/$1.json
