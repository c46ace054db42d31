#!/bin/bash
# threads.sh PID: CPU ticks per thread-name class, cumulative
pid=$1
for t in /proc/$pid/task/*; do
  n=$(cat $t/comm 2>/dev/null); s=$(awk '{print $14+$15}' $t/stat 2>/dev/null)
  n=$(echo "$n" | sed -E 's/[0-9]+$//; s/-exec-$/-exec/')
  echo "$n	$s"
done | awk -F'\t' '{a[$1]+=$2} END {for (k in a) print k "\t" a[k]}' | sort
