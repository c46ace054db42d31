#!/bin/bash
# warm.sh LABEL: the bench's three apps preloaded (JOPTS: more JVM options); 5-s hello windows for RAMP s
# after the first hello answer, then CYCLES cycles of 5-s windows of hello, echo, flask at 16 connections
cd /tmp/exp; export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; A=/work/main/bench/apps; B=http://127.0.0.1:18080
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-head.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench --wsgi.python-path[0]=/usr/lib/python3/dist-packages \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$A/echo.wsgi --wsgi.script-aliases[1].preload=true \
  --wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$A/flask_app.wsgi --wsgi.script-aliases[2].preload=true \
  > $1-app.log 2>&1 &
pid=$!
( until curl -sf -o /dev/null $B/flask/; do sleep 0.2; done; echo "flask_ready $(echo "$(date +%s.%N) - $t0" | bc)" ) & fpid=$!
until curl -sf -o /dev/null $B/hello; do sleep 0.1; kill -0 $pid || exit 1; done
t1=$(date +%s.%N); echo "first_hello $(echo "$t1 - $t0" | bc)"
rps() { local s=(); [ "$1" = echo ] && s=(-s /work/main/bench/wrk/report.lua); WRK_POST_BYTES=1024 wrk -t2 -c16 -d5s "${s[@]}" $B/$1 | awk '/Requests\/sec/ {printf "%d", $2}'; }
line=""; for i in $(seq 1 $((${RAMP:-120} / 5))); do line="$line $(rps hello)"; done; echo "ramp$line"
wait $fpid
for i in $(seq 1 ${CYCLES:-16}); do echo "cycle $i at $(echo "$(date +%s.%N) - $t1" | bc | cut -d. -f1)s: hello $(rps hello) echo $(rps echo) flask $(rps flask/)"; done
kill $pid; wait $pid 2>/dev/null
