#!/bin/bash
# wu.sh LABEL DURATION: hello, echo and Flask preloaded; DURATION>0 adds wsgi.warm-up of the three (hold-readiness)
# for DURATION seconds. Prints launch->first hello, ->Flask ready, ->warm-up done (ready), then CYCLES cycles of
# 5-s windows of hello, echo, flask at 16 connections, each line with its time since launch.
cd /tmp/exp; export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; A=/work/main/bench/apps; B=http://127.0.0.1:18080
BODY=$(head -c 1024 /dev/zero | tr '\0' x)
WU=()
if [ "$2" != 0 ]; then
  WU=(--wsgi.warm-up.requests[0].url=/hello --wsgi.warm-up.requests[1].url=/echo --wsgi.warm-up.requests[1].method=POST
      "--wsgi.warm-up.requests[1].body=$BODY" --wsgi.warm-up.requests[2].url=/flask/ --wsgi.warm-up.duration=$2s ${WUOPTS:-}
      ${CONC:+--wsgi.warm-up.concurrency=$CONC} --logging.level.dev.wsgiboot.autoconfigure.WsgiWarmUp=info)
fi
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-new.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench --wsgi.python-path[0]=/usr/lib/python3/dist-packages \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$A/echo.wsgi --wsgi.script-aliases[1].preload=true \
  --wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$A/flask_app.wsgi --wsgi.script-aliases[2].preload=true \
  "${WU[@]}" > $1-app.log 2>&1 &
pid=$!
since() { echo "$(date +%s.%N) - $t0" | bc | cut -d. -f1; }
until curl -sf -o /dev/null $B/hello; do sleep 0.1; kill -0 $pid || exit 1; done
echo "first_hello $(since)"
until curl -sf -o /dev/null $B/flask/; do sleep 0.2; done; echo "flask_ready $(since)"
if [ "$2" != 0 ]; then until grep -q "answers in" $1-app.log; do sleep 0.2; done; echo "warmed $(since)"; grep "WSGI warm-up" $1-app.log | cut -c1-400; fi
rps() { local s=(); [ "$1" = echo ] && s=(-s /work/main/bench/wrk/report.lua); WRK_POST_BYTES=1024 wrk -t2 -c16 -d5s "${s[@]}" $B/$1 | awk '/Requests\/sec/ {printf "%d", $2}'; }
for i in $(seq 1 ${CYCLES:-16}); do echo "cycle $i at $(since)s: hello $(rps hello) echo $(rps echo) flask $(rps flask/)"; done
kill $pid; wait $pid 2>/dev/null
