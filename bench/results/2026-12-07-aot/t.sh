#!/bin/bash
# usage: JAVA=... JOPTS=... PROBES="java=/java/hello hello=/hello" t.sh label args...
label=$1; shift
mkdir -p logs
t0=$(date +%s.%N)
${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app/app.jar} --server.port=18080 \
  --logging.level.dev.wsgiboot=debug "$@" > logs/$label.log 2>&1 &
pid=$!
pids=()
for p in ${PROBES:-java=/java/hello}; do
 ( n=${p%%=*}; until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 http://127.0.0.1:18080${p#*=})" = 200 ]; do sleep 0.05; done
   echo "$label first_$n $(echo "$(date +%s.%N) - $t0" | bc)" ) &
 pids+=($!)
done
wait "${pids[@]}"
[ -n "${TRAIN:-}" ] && eval "$TRAIN"
sleep ${SETTLE:-0.5}
kill $pid; wait $pid 2>/dev/null
