#!/bin/bash
cd /work/main
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 SKIP_BUILD=1 DURATION=8s SERVERS=ours-memory
for r in 1 2; do
OUT=/tmp/s26/mem/extracted-$r OURS_LAYOUT=extracted bench/compare.sh > /tmp/s26/mem/extracted-$r.txt 2>&1
OUT=/tmp/s26/mem/aot-$r OURS_LAYOUT=aot bench/compare.sh > /tmp/s26/mem/aot-$r.txt 2>&1
OUT=/tmp/s26/mem/aot-xms64-$r OURS_LAYOUT=aot OURS_JAVA_OPTS=-Xms64m bench/compare.sh > /tmp/s26/mem/aot-xms64-$r.txt 2>&1
done
