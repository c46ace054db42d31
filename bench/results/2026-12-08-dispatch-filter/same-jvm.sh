#!/usr/bin/env bash
# same JVM: /hello answered by the prototype filter, /m/hello by the handler mappings, one interpreter group
# /tmp/s27/proto2.jar: the sample app built with prototype.patch applied (the ab-*.txt runs used the same
# build without the "/m/" exception, switched with -Dwsgi.filter-dispatch=true)
set -u
cd /work/main
JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=$PWD/bench/apps/hello.wsgi
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=sample-app/target/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dwsgi.filter-dispatch=true -jar /tmp/s27/proto2.jar \
  --server.port=18080 --wsgi.application-group=bench \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A --wsgi.script-aliases[0].preload=true \
  --wsgi.script-aliases[1].url=/m/hello --wsgi.script-aliases[1].path=file:$A --wsgi.script-aliases[1].preload=true \
  > /tmp/s27/same-jvm-app.log 2>&1 &
pid=$!
until curl -sf localhost:18080/m/hello > /dev/null; do sleep 0.2; done
curl -s localhost:18080/hello; echo
for u in hello m/hello hello m/hello; do wrk -t2 -c16 -d30s http://127.0.0.1:18080/$u > /dev/null; done
wrk -t2 -c16 -d15s http://127.0.0.1:18080/java/hello > /dev/null
for r in 1 2 3 4 5; do
  for u in hello m/hello java/hello; do
    echo "round$r $u $(wrk -t2 -c16 -d8s --latency http://127.0.0.1:18080/$u | awk '/Requests\/sec/{rs=$2} /^ +99%/{p=$2} END{print rs, p}')"
  done
done
kill $pid; wait $pid
