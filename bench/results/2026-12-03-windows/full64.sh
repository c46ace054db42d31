#!/bin/bash
# full64.sh LABEL MODE [extra sample-app args]: MODE=all (hello, echo, flask preloaded, as compare.sh) or hello (hello only)
label=$1; mode=$2; shift 2
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/exp
A=/work/main/bench/apps
args=(--wsgi.python-path[0]=/usr/lib/python3/dist-packages
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true)
[ "$mode" = all ] && args+=(--wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$A/echo.wsgi
  --wsgi.script-aliases[1].preload=true
  --wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$A/flask_app.wsgi --wsgi.script-aliases[2].preload=true)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-head.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench "${args[@]}" "$@" > /tmp/exp/$label.log 2>&1 &
pid=$!
B=http://127.0.0.1:18080
until curl -sf -o /dev/null $B/hello; do sleep 0.5; done
[ "$mode" = all ] && until curl -sf -o /dev/null $B/flask/; do sleep 0.5; done
snap() { cat /proc/$pid/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s+=$2} END {print s}'; }
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
LUA=/work/main/bench/wrk/report.lua
wrk -t2 -c16 -d${WARM:-120}s $B/hello >/dev/null
wrk -t2 -c64 -d60s $B/hello >/dev/null
if [ "$mode" = all ]; then
  WRK_POST_BYTES=1024 wrk -t2 -c16 -d60s -s $LUA $B/echo >/dev/null 2>&1
  wrk -t2 -c16 -d120s $B/flask/ >/dev/null
fi
wrk -t2 -c16 -d30s $B/java/hello >/dev/null
echo "$label threads=$(ls /proc/$pid/task | wc -l)"
for r in 1 2 3; do for c in ${CONNS:-16 64}; do for u in ${URLS:-hello java/hello}; do
  a=$(snap); t=$(cpu)
  out=$(wrk -t2 -c$c -d8s --latency $B/$u)
  b=$(snap); t2=$(cpu)
  n=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$label r$r c$c $u rps=$rps p99=$p99 cs/req=$(awk "BEGIN{printf \"%.2f\", ($b-$a)/$n}") cpu_us/req=$(awk "BEGIN{printf \"%.1f\", ($t2-$t)*10000/$n}") threads=$(ls /proc/$pid/task | wc -l)"
done; done; done
kill $pid; wait $pid 2>/dev/null
