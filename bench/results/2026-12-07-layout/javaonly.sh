#!/bin/bash
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
mkdir -p /tmp/layout
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/work/main/sample-app/target/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app.jar} --server.port=18080 \
  --logging.level.dev.wsgiboot=debug "$@" > /tmp/layout/$label.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 http://127.0.0.1:18080/java/hello)" = 200 ]; do sleep 0.05; done
echo "$label first_java $(echo "$(date +%s.%N) - $t0" | bc)"
sleep 0.5; kill $pid; wait $pid 2>/dev/null
