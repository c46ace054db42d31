#!/bin/bash
# A/B of the early WSGI mapping inside one JVM: hello mounted at /wiki, echo at /java (the sample app's
# Java controllers /wiki/java and /java/hello stay). /wiki/x and /java/x are answered by the early
# mapping; /wiki/java/x and /java/hello/x are claimed by those controllers' patterns, so they go through
# every Java mapping first and are answered by the late WSGI mapping, as every request was before.
# Same mount, same interpreter, same compiled code; windows alternate. req/s, p99, JVM CPU per request.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=/work/main/bench/apps
JAR=${JAR:-/tmp/s19/early.jar}
BODY=/tmp/s19/ab/body.lua
ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
window() { # pid label url conns
  local t0=$(ticks $1) out rps p99 n
  case $2 in echo*) out=$(wrk -t2 -c$4 -d8s --latency -s $BODY $3);; *) out=$(wrk -t2 -c$4 -d8s --latency $3);; esac
  local t1=$(ticks $1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$2 c$4 rps=$rps p99=$p99 cpu_us_per_req=$(echo "($t1 - $t0) * 10000 / $n" | bc) non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
}
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $JAR --server.port=18080 \
  --spring.profiles.active=nomounts \
  --wsgi.script-aliases[0].url=/wiki --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  --wsgi.script-aliases[1].url=/java --wsgi.script-aliases[1].path=file:$A/echo.wsgi --wsgi.script-aliases[1].preload=true \
  > /tmp/s19/ab/ab2-app.log 2>&1 &
pid=$!
B=http://127.0.0.1:18080
until [ "$(curl -s -o /dev/null -w '%{http_code}' $B/wiki/x)" = 200 ]; do sleep 0.2; done
curl -s $B/wiki/java; echo; curl -s $B/java/hello; echo; curl -s $B/wiki/java/x; echo; curl -s -d abc $B/java/hello/x; echo
for i in $(seq 1 ${WARM_ROUNDS:-6}); do
  wrk -t2 -c16 -d15s $B/wiki/x >/dev/null; wrk -t2 -c16 -d15s $B/wiki/java/x >/dev/null
  wrk -t2 -c16 -d10s -s $BODY $B/java/x >/dev/null; wrk -t2 -c16 -d10s -s $BODY $B/java/hello/x >/dev/null
done
for r in $(seq 1 ${ROUNDS:-3}); do
  for c in 16 64; do
    window $pid hello-early $B/wiki/x $c
    window $pid hello-late $B/wiki/java/x $c
    window $pid echo-early $B/java/x $c
    window $pid echo-late $B/java/hello/x $c
    window $pid hello-late $B/wiki/java/x $c
    window $pid hello-early $B/wiki/x $c
    window $pid echo-late $B/java/hello/x $c
    window $pid echo-early $B/java/x $c
  done
done
kill $pid; wait $pid 2>/dev/null
