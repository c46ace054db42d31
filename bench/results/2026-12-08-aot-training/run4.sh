#!/bin/bash
# the three benchmark apps preloaded (env.sh THREE): a cache from Spring's training run against one from a start
# that answered /hello and /flask/ before SIGTERM (stop 25's compare.sh training); then 2 rounds alternating of
# first answers and twelve 5-s windows of hello from its first answer (Flask still importing), all with -Xms64m
cd /tmp/s26; . ./env.sh
U=http://127.0.0.1:18080
J="$RT0 $MP --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
$J -XX:AOTCacheOutput=three-refresh.aot -Dspring.context.exit=onRefresh -jar app2/app.jar --server.port=18080 $THREE > logs/train-three-refresh.log 2>&1
$J -XX:AOTCacheOutput=three-start.aot -jar app2/app.jar --server.port=18080 $THREE > logs/train-three-start.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' $U/flask/)" = 200 ]; do sleep 0.2; done
kill $pid; wait $pid
ls -la three-*.aot
for r in 1 2; do for c in refresh start; do
  label=$c-$r
  t0=$(date +%s.%N)
  $J -XX:AOTCache=three-$c.aot -XX:AOTMode=on -Xms64m -jar app2/app.jar --server.port=18080 $THREE > logs/three-$label.log 2>&1 &
  pid=$!
  ( until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 $U/flask/)" = 200 ]; do sleep 0.1; done; echo "$label first_flask $(echo "$(date +%s.%N) - $t0" | bc)" ) &
  fl=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ]; do sleep 0.05; done
  echo "$label first_hello $(echo "$(date +%s.%N) - $t0" | bc)"
  for i in $(seq 1 12); do echo "$label ramp $i $(wrk -t2 -c16 -d5s $U/hello | awk '/Requests\/sec/{print $2}')"; done
  wait $fl
  echo "$label rss $(ps -o rss= -p $pid | tr -d ' ')"
  kill $pid; wait $pid
done; done
