#!/bin/bash
# usage: heap.sh LABEL JOPTS... ; heap at the first answer, after 30 s of hello, and the GC log's heap sizing
cd "$(dirname "$0")"; . ./env.sh
label=$1; shift
A=/work/main/bench/apps; U=http://127.0.0.1:18080
$RT0 $MP --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xlog:gc:file=logs/gc-$label.log "$@" -jar ${APP:-app2}/app.jar --server.port=18080 \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  > logs/$label.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ]; do sleep 0.05; done
echo "$label first: rss $(ps -o rss= -p $pid) $(/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid GC.heap_info | grep -E 'garbage-first heap' | sed 's/^ *//')"
r=$(wrk -t2 -c16 -d30s $U/hello | awk '/Requests\/sec/{print $2}')
echo "$label +30s ($r req/s): rss $(ps -o rss= -p $pid) $(/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid GC.heap_info | grep -E 'garbage-first heap' | sed 's/^ *//')"
kill $pid; wait $pid 2>/dev/null
echo "$label gcs $(grep -c 'Pause' logs/gc-$label.log)"
exit 0
