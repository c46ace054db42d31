#!/bin/bash
# JMH helloHandle: 6ed1ff2 (base), b719607 (new: coded keys, string compare), the ord() variant (new2); alternating, 3 forks each.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
for v in base new2 new base new2 new; do
  cd /tmp/s20/jmh-$v
  echo "== $v"
  $JAVA_HOME/bin/java -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=graal-jit \
    --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar benchmarks.jar \
    -wi 20 -w 3s -i 5 -r 2s -f 1 'GatewayBenchmarks\.helloHandle$' 2>&1 | grep -E '^GatewayBenchmarks|^Iteration|# Fork'
done
