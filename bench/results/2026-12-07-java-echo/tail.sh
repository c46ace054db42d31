#!/usr/bin/env bash
# p99 at 16 connections: hello in the default pool shape (2 x 4) and in one thread per slot
# (--wsgi.embedded.threads=1), each next to the same JVM's Java hello. One JVM per shape.
# ROOT is the repository (default /work/main), LOGS where the JVM logs go.
set -u
ROOT=${ROOT:-/work/main}; LOGS=${LOGS:-/tmp}
JAR=${JAR:-$ROOT/sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
URL=http://127.0.0.1:18080
for shape in 4 1 4 1; do
  $JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$ROOT/sample-app/target/graal-jit \
   --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar $JAR --server.port=18080 \
   --wsgi.embedded.threads=$shape \
   --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$ROOT/bench/apps/hello.wsgi \
   --wsgi.script-aliases[0].preload=true > $LOGS/tail-$shape.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' $URL/hello)" = 200 ]; do kill -0 $pid || exit 1; sleep 0.2; done
  wrk -t2 -c16 -d90s $URL/hello >/dev/null; wrk -t2 -c16 -d15s $URL/java/hello >/dev/null
  for w in 1 2 3; do
    for u in hello java/hello; do
      r=$(wrk -t2 -c16 -d8s --latency $URL/$u | awk '/Requests\/sec/{rs=$2} /^ +50%/{p50=$2} /^ +90%/{p90=$2} /^ +99%/{p=$2} END{print rs, "p50", p50, "p90", p90, "p99", p}')
      echo "threads=$shape window$w $u $r"
    done
  done
  kill $pid; wait $pid 2>/dev/null
done
