#!/bin/bash
# usage: ramp-ab.sh LABEL JOPTS... ; one JVM of ab.sh's command (hello preloaded at /hello, Java controller at /java/hello)
# from the runtime image: first answers, then 12 windows of 5 s on /hello from the first answer (the ramp),
# 15 s of /java/hello, then 3 pairs of 8-s windows (hello, java) as ab.sh measures them, and the RSS.
# Output lines: LABEL first_hello S | LABEL ramp N req/s | LABEL warmN url req/s p99 | LABEL rss KiB
cd "$(dirname "$0")"; . ./env.sh
label=$1; shift
A=/work/main/bench/apps; U=http://127.0.0.1:18080
mkdir -p logs
t0=$(date +%s.%N)
$RT0 $MP --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "$@" -jar ${APP:-app}/app.jar --server.port=18080 \
  --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true \
  > logs/$label.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' $U/hello)" = 200 ]; do kill -0 $pid 2>/dev/null || { echo "$label died"; exit 1; }; sleep 0.05; done
echo "$label first_hello $(echo "$(date +%s.%N) - $t0" | bc)"
echo "$label first_java_after $(curl -s -o /dev/null -w '%{time_total}' $U/java/hello)"
for i in $(seq 1 ${RAMP_WINDOWS:-12}); do echo "$label ramp $i $(wrk -t2 -c16 -d5s $U/hello | awk '/Requests\/sec/{print $2}')"; done
[ "${WARM:-1}" = 1 ] && wrk -t2 -c16 -d15s $U/java/hello > /dev/null
[ "${WARM:-1}" = 1 ] && for w in 1 2 3; do for u in hello java/hello; do
  echo "$label warm$w $u $(wrk -t2 -c16 -d8s --latency $U/$u | awk '/Requests\/sec/{rs=$2} /^ +99%/{p=$2} END{print rs, p}')"
done; done
echo "$label rss $(ps -o rss= -p $pid | tr -d ' ')"
kill $pid; wait $pid 2>/dev/null
exit 0
