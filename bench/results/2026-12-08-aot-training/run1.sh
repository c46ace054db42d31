#!/bin/bash
cd /tmp/s26
for r in 1 2 3; do
  ./ramp-ab.sh nocache-$r
  ./ramp-ab.sh start-$r -XX:AOTCache=start.aot
  ./ramp-ab.sh load60-$r -XX:AOTCache=load60.aot
done
