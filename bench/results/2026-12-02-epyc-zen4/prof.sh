#!/bin/bash
# profile: JAR, APP(hello), CONNS(16), WARM(90), then perf record 10 s
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /tmp/exp
H=file:/work/main/bench/apps/${APP:-hello}.wsgi
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UnlockDiagnosticVMOptions -XX:+PreserveFramePointer ${JOPTS:-} -jar ${JAR:-base.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench \
  --wsgi.daemon-processes.g.processes=2 --wsgi.daemon-processes.g.threads=4 \
  --wsgi.script-aliases[0].url=/h --wsgi.script-aliases[0].path=$H --wsgi.script-aliases[0].process-group=g --wsgi.script-aliases[0].preload=true "$@" > /tmp/exp/prof.log 2>&1 &
pid=$!
until curl -sf -o /dev/null http://127.0.0.1:18080/h; do sleep 0.5; done
wrk -t2 -c${CONNS:-16} -d${WARM:-90}s http://127.0.0.1:18080/h > /dev/null
wrk -t2 -c${CONNS:-16} -d15s http://127.0.0.1:18080/h > /tmp/exp/prof-wrk.txt &
sleep 3
perf record -F 999 -g -p $pid -o /tmp/exp/perf.data -- sleep 10 2> /dev/null
$JAVA_HOME/bin/jcmd $pid Compiler.perfmap > /dev/null
wait
kill $pid; wait $pid 2>/dev/null
cat /tmp/exp/prof-wrk.txt | grep Requests
