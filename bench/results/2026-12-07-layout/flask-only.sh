#!/bin/bash
# Flask alone, preloaded, as compare.sh; prints seconds to the first 200 of each
label=$1; shift
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
A=/work/main/bench/apps
mkdir -p /tmp/layout
t0=$(date +%s.%N)
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/work/main/sample-app/target/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow ${JOPTS:-} -jar ${JAR:-app.jar} --server.port=18080 \
  --logging.level.dev.wsgiboot=debug --wsgi.python-path[0]=/usr/lib/python3/dist-packages \
  --wsgi.script-aliases[0].url=/flask --wsgi.script-aliases[0].path=file:$A/flask_app.wsgi --wsgi.script-aliases[0].preload=true \
  "$@" > /tmp/layout/$label.log 2>&1 &
pid=$!
for p in java=/java/hello flask=/flask/; do
 ( n=${p%%=*}; until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 http://127.0.0.1:18080${p#*=})" = 200 ]; do sleep 0.05; done
   echo "$label first_$n $(echo "$(date +%s.%N) - $t0" | bc)" ) &
done
wait %2 %3 2>/dev/null; sleep 0.5
kill $pid; wait $pid 2>/dev/null
