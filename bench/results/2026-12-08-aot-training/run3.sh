#!/bin/bash
# the cache with and without -Xms64m: first answer and the first 5-s window, three alternating pairs
cd /tmp/s26
export APP=app2 RAMP_WINDOWS=2 WARM=0
for r in 1 2 3; do
  ./ramp-ab.sh refresh-$r -XX:AOTCache=refresh.aot
  ./ramp-ab.sh refresh-xms64-$r -XX:AOTCache=refresh.aot -Xms64m
done
