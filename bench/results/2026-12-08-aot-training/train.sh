#!/bin/bash
# usage: train.sh CACHE [LOAD_SECONDS]; a training run of ramp-ab.sh's command: start, wait for /hello,
# then (with LOAD_SECONDS) that many seconds of wrk on /hello and 15 s on /java/hello, then SIGTERM (the JVM writes CACHE)
cd "$(dirname "$0")"; . ./env.sh
cache=$1; load=${2:-0}
A=/work/main/bench/apps; U=http://127.0.0.1:18080
mkdir -p logs
t0=$(date +%s)
$RT0 $MP --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:AOTCacheOutput=$cache -jar ${APP:-app}/app.jar --server.port=18080 \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  > logs/train-$cache.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ]; do sleep 0.05; done
curl -s -o /dev/null $U/java/hello
if [ "$load" -gt 0 ]; then wrk -t2 -c16 -d${load}s $U/hello > /dev/null; wrk -t2 -c16 -d15s $U/java/hello > /dev/null; else sleep 3; fi
kill $pid; wait $pid 2>/dev/null
echo "trained $cache in $(( $(date +%s) - t0 )) s: $(ls -la $cache | awk '{print $5}') bytes"
