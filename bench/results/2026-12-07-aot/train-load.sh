#!/bin/bash
# a training run under load (ab.sh's command: hello preloaded): 60 s of wrk on /hello and 15 s on /java/hello, then stop
cd "$(dirname "$0")"
. ./env.sh
PROBES="hello=/hello" SETTLE=0 JAVA=$RT0 JOPTS="$MP -XX:AOTCacheOutput=jit-load.aot" \
  TRAIN="wrk -t2 -c16 -d60s http://127.0.0.1:18080/hello >/dev/null; wrk -t2 -c16 -d15s http://127.0.0.1:18080/java/hello > /dev/null" \
  ./t.sh train-load --wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$A/hello.wsgi --wsgi.script-aliases[0].preload=true
