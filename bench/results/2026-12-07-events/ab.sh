#!/bin/bash
# Alternating JVMs: jar of 401f762 (old; c71d32b has the same request path) against f1b1b43 (new: mod_wsgi.active_requests and request_data() kept for every request, events only with subscribers), hello and Java hello at 16 connections.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=/work/main/bench/apps
for round in 1 2; do
 for v in old new; do
  $JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar /tmp/exp/$v.jar --server.port=18080 \
    --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
    > /tmp/s21/ev-app-$v-$round.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/hello)" = 200 ]; do sleep 0.1; done
  wrk -t2 -c16 -d60s http://127.0.0.1:18080/hello >/dev/null
  wrk -t2 -c16 -d15s http://127.0.0.1:18080/java/hello >/dev/null
  for w in 1 2 3; do
    for u in hello java/hello; do
      r=$(wrk -t2 -c16 -d8s --latency http://127.0.0.1:18080/$u | awk '/Requests\/sec/{rs=$2} /^ +99%/{p=$2} END{print rs, p}')
      echo "$v round$round window$w $u $r"
    done
  done
  kill $pid; wait $pid 2>/dev/null
 done
done
