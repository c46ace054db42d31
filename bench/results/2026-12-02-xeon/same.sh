#!/bin/bash
# One JVM (the sample jar, Graal JIT on), an application mounted once per daemon
# group shape ("2x4" = processes=2 threads=4), then alternating 8-s wrk windows
# per shape at 16 and 64 connections, with the process's context switches and CPU
# time per request. Paths are those of the machine it ran on (/tmp/exp holds the
# jars and the Graal JIT jars). The runs of this section used it as:
#   hello: JAR=... GROUPS_="2x4" WARM=60 ./same.sh LABEL
#   echo:  APP=echo WRK_POST_BYTES=1024 JAR=... GROUPS_=2x4 WARM=60 ./same.sh LABEL
#   Flask: APP=flask_app SLASH=/ JAR=... GROUPS_=2x4 WARM=300 ./same.sh LABEL --wsgi.python-path[0]=/usr/lib/python3/dist-packages
#   latency distribution: PCT=1 CONNS=16 JAR=... GROUPS_="2x4 2x1" WARM=45 ./same.sh LABEL
# (the echo and Flask variants and the distribution ran as copies of this script
# with those values written in; extra arguments go to the sample app)
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/exp
H=file:/work/main/bench/apps/${APP:-hello}.wsgi
LUA=/work/main/bench/wrk/report.lua
post=(); [ -n "${WRK_POST_BYTES:-}" ] && post=(-d x)
script=(); [ -n "${WRK_POST_BYTES:-}" ] && script=(-s $LUA)
[ -n "${PCT:-}" ] && script=(-s /tmp/exp/pct.lua)
args=(); i=0
for g in $GROUPS_; do p=${g%x*}; t=${g#*x}
  args+=(--wsgi.daemon-processes.g$g.processes=$p --wsgi.daemon-processes.g$g.threads=$t
    --wsgi.script-aliases[$i].url=/h$g --wsgi.script-aliases[$i].path=$H --wsgi.script-aliases[$i].process-group=g$g
    --wsgi.script-aliases[$i].preload=true)
  i=$((i+1)); done
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench "${args[@]}" "$@" > /tmp/exp/$label.log 2>&1 &
pid=$!
url() { echo "http://127.0.0.1:18080/h$1${SLASH:-}"; }
for g in $GROUPS_; do until curl -sf -o /dev/null "${post[@]}" "$(url $g)"; do sleep 0.5; done; done
snap() { cat /proc/$pid/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s+=$2} END {print s}'; }
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
for g in $GROUPS_; do wrk -t2 -c64 -d${WARM:-40}s "${script[@]}" "$(url $g)" > /dev/null; done
if [ -n "${PCT:-}" ]; then
  for g in $GROUPS_; do echo "== $g"; wrk -t2 -c16 -d8s "${script[@]}" "$(url $g)" | grep -E "Req|pct"; done
  kill $pid; wait $pid 2>/dev/null; exit
fi
for r in 1 2 3; do for c in ${CONNS:-16 64}; do for g in $GROUPS_; do
  a=$(snap); t=$(cpu)
  out=$(wrk -t2 -c$c -d8s --latency ${WRKX:-} "${script[@]}" "$(url $g)")
  b=$(snap); t2=$(cpu)
  n=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$label r$r c$c $g rps=$rps p99=$p99 cs/req=$(awk "BEGIN{printf \"%.2f\", ($b-$a)/$n}") cpu_us/req=$(awk "BEGIN{printf \"%.1f\", ($t2-$t)*10000/$n}")"
done; done; done
kill $pid; wait $pid 2>/dev/null
