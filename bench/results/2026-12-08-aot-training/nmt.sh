#!/bin/bash
# usage: nmt.sh LABEL JOPTS... ; ramp-ab.sh's command with NMT: first answer, 30 s of hello, then the NMT summary and RSS
cd "$(dirname "$0")"; . ./env.sh
label=$1; shift
A=/work/main/bench/apps; U=http://127.0.0.1:18080
$RT0 $MP --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:NativeMemoryTracking=summary "$@" -jar ${APP:-app2}/app.jar --server.port=18080 \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  > logs/$label.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ]; do sleep 0.05; done
wrk -t2 -c16 -d30s $U/hello > /dev/null
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid VM.native_memory summary > nmt-$label.txt 2>&1
grep -E "^(Rss|Pss|Shared_Clean|Private_Clean|Private_Dirty|Shared_Dirty):" /proc/$pid/smaps_rollup >> nmt-$label.txt
echo "$label rss $(ps -o rss= -p $pid)"
kill $pid; wait $pid 2>/dev/null
exit 0
