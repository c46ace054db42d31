#!/bin/bash
# Paths are those of the machine it ran on (/tmp/exp holds the jars and the Graal JIT jars).
# usage: JAR=x.jar JOPTS=... ./ramp.sh label : start like compare.sh (3 apps preloaded), 1-s wrk windows on /hello for 60 s
# after the first answer, then hello 90 s more warm, then 3 x 8 s steady
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=/work/main/bench/apps
cd /tmp/exp
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app.jar} --server.port=18080 \
  --logging.level.root=warn --wsgi.python-path[0]=/usr/lib/python3/dist-packages \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  --wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$A/echo.wsgi --wsgi.script-aliases[1].preload=true \
  --wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$A/flask_app.wsgi --wsgi.script-aliases[2].preload=true \
  "$@" > /tmp/exp/$label.log 2>&1 &
pid=$!
until curl -sf -o /dev/null http://127.0.0.1:18080/hello; do sleep 0.05; done
t1=$(date +%s.%N); echo "$label first_hello $(echo "$t1 - $t0" | bc)"
out=""
for i in $(seq 1 60); do r=$(wrk -t2 -c16 -d1s http://127.0.0.1:18080/hello | awk '/Requests\/sec/ {printf "%d", $2}'); out="$out $r"; 
  now=$(date +%s.%N); if (( $(echo "$now - $t1 > 60" | bc) )); then break; fi; done
echo "$label ramp $out"
wrk -t2 -c16 -d90s http://127.0.0.1:18080/hello >/dev/null
for r in 1 2 3; do echo "$label steady $(wrk -t2 -c16 -d8s http://127.0.0.1:18080/hello | awk "/Requests\/sec/ {print \$2}")"; done
wrk -t2 -c16 -d60s http://127.0.0.1:18080/flask/ >/dev/null
for r in 1 2 3; do echo "$label flask $(wrk -t2 -c16 -d8s http://127.0.0.1:18080/flask/ | awk "/Requests\/sec/ {print \$2}")"; done
kill $pid; wait $pid 2>/dev/null
