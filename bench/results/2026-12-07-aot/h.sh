#!/bin/bash
# usage: JAVA=... JOPTS=... h.sh label ; times first java and first hello
label=$1; shift
A=/work/main/bench/apps
mkdir -p logs
t0=$(date +%s.%N)
${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app/app.jar} --server.port=18080 \
  --logging.level.dev.wsgiboot=debug --wsgi.python-path[0]=/usr/lib/python3/dist-packages \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  "$@" > logs/$label.log 2>&1 &
pid=$!
for p in hello=/hello java=/java/hello; do
 ( n=${p%%=*}; until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 http://127.0.0.1:18080${p#*=})" = 200 ]; do sleep 0.05; done
   echo "$label first_$n $(echo "$(date +%s.%N) - $t0" | bc)" ) &
done
wait %2 %3 2>/dev/null; sleep ${SETTLE:-0.5}
kill $pid; wait $pid 2>/dev/null
