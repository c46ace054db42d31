#!/bin/bash
# usage: first.sh APPDIR LOG [extra java options...]: launch APPDIR/app.jar with APPDIR.aot, print when /java/hello and /hello first answer
cd "$(dirname "$0")"; . ./env.sh
app=$1; log=$2; shift 2
t0=$(date +%s.%N)
jre/bin/java $JIT -XX:AOTCache=$app.aot -Xms64m "$@" -jar $app/app.jar $HELLO --logging.level.dev.wsgiboot=DEBUG > $log 2>&1 &
pid=$!
j=""; h=""
while [ -z "$h" ]; do
  [ -z "$j" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:18080/java/hello)" = 200 ] && j=$(echo "$(date +%s.%N) - $t0" | bc)
  [ "$(curl -s -o /dev/null -w '%{http_code}' localhost:18080/hello)" = 200 ] && h=$(echo "$(date +%s.%N) - $t0" | bc)
  sleep 0.05
done
echo "$app java $j hello $h $(grep -h 'initialised' $log | sed 's/.*Python/Python/')"
kill $pid; wait $pid 2>/dev/null
