#!/bin/bash
# win.sh LABEL: hello-only JVM, then W windows of 10 s of hello at C connections with CPU by thread class per window
cd /tmp/exp; export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; A=/work/main/bench/apps
$JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=/tmp/exp/graal-jit \
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xlog:gc:file=/tmp/exp/$1-gc.log ${JOPTS:-} -jar ${JAR:-head.jar} --server.port=18080 \
  --logging.level.root=warn --spring.profiles.active=bench --wsgi.python-path[0]=/usr/lib/python3/dist-packages --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true "${@:2}" > $1-app.log 2>&1 &
pid=$!
until curl -sf -o /dev/null http://127.0.0.1:18080/${READY:-hello}; do sleep 0.5; kill -0 $pid || exit 1; done
prev=$(./threads.sh $pid)
for i in $(seq 1 ${W:-40}); do for spec in ${SPECS:-16:hello}; do c=${spec%%:*}; u=${spec#*:}
  s=(); [ "$u" = echo ] && s=(-s /work/main/bench/wrk/report.lua); r=$(WRK_POST_BYTES=1024 wrk -t2 -c$c -d10s "${s[@]}" http://127.0.0.1:18080/$u | awk '/Requests\/sec/ {print $2}')
  cur=$(./threads.sh $pid)
  echo "== $i c$c $u rps=$r"
  join -t$'\t' <(echo "$prev") <(echo "$cur") | awk -F'\t' '{d=$3-$2; if (d>20) printf "  %s %d", $1, d} END {print ""}'
  prev=$cur; done
done
kill $pid
