#!/bin/bash
# the sample jar without WSGI mounts (no preload, the engine bean only): seconds from launch to the first 200 of /java/hello
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/exp
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar ${JAR:-app.jar} --server.port=18080 \
  --spring.profiles.active=nomounts "$@" > /tmp/exp/$label.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 http://127.0.0.1:18080/java/hello)" = 200 ]; do sleep 0.05; done
echo "$label first_java $(echo "$(date +%s.%N) - $t0" | bc)"
kill $pid; wait $pid 2>/dev/null
