#!/bin/bash
# One JVM (the sample jar, Graal JIT on), hello mounted once per daemon group
# shape ("2x4" = processes=2 threads=4; a "gold" prefix only renames the group),
# then alternating 8-s wrk windows per shape at 16 and 64 connections, with the
# process's context switches and CPU time per request. Paths are the ones of the
# machine it ran on (/tmp/exp holds the jar and the Graal JIT jars).
# usage: JAR=app.jar GROUPS_="2x1 2x4 4x1" WARM=40 ./same.sh LABEL
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/exp
H=file:/work/main/bench/apps/hello.wsgi
args=(); i=0
for g in $GROUPS_; do s=${g#gold}; p=${s%x*}; t=${s#*x}
  args+=(--wsgi.daemon-processes.g$g.processes=$p --wsgi.daemon-processes.g$g.threads=$t
    --wsgi.script-aliases[$i].url=/h$g --wsgi.script-aliases[$i].path=$H --wsgi.script-aliases[$i].process-group=g$g
    --wsgi.script-aliases[$i].preload=true)
  i=$((i+1)); done
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench "${args[@]}" "$@" > /tmp/exp/$label.log 2>&1 &
pid=$!
for g in $GROUPS_; do until curl -sf -o /dev/null http://127.0.0.1:18080/h$g; do sleep 0.5; done; done
snap() { cat /proc/$pid/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s+=$2} END {print s}'; }
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
for g in $GROUPS_; do wrk -t2 -c64 -d${WARM:-40}s http://127.0.0.1:18080/h$g > /dev/null; done
for r in 1 2 3; do for c in ${CONNS:-16 64}; do for g in $GROUPS_; do
  a=$(snap); t=$(cpu)
  out=$(wrk -t2 -c$c -d8s --latency http://127.0.0.1:18080/h$g)
  b=$(snap); t2=$(cpu)
  n=$(echo "$out" | awk '/requests in/ {print $1}'); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$label r$r c$c $g rps=$rps p99=$p99 cs/req=$(awk "BEGIN{printf \"%.2f\", ($b-$a)/$n}") cpu_us/req=$(awk "BEGIN{printf \"%.1f\", ($t2-$t)*10000/$n}")"
done; done; done
kill $pid; wait $pid 2>/dev/null
