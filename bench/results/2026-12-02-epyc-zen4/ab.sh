#!/bin/bash
# ab.sh OUT label=jar ... : runs same.sh for each pair in order
out=$1; shift
for pair in "$@"; do l=${pair%%=*}; j=${pair#*=}; JAR=$j ./same.sh $l; done > $out 2>&1
