#!/bin/bash
cd /tmp/s26
export APP=app2 RAMP_WINDOWS=6 WARM=0
for r in 1 2 3; do
  ./ramp-ab.sh nocache-$r
  ./ramp-ab.sh start-$r -XX:AOTCache=start2.aot
  ./ramp-ab.sh refresh-$r -XX:AOTCache=refresh.aot
done
