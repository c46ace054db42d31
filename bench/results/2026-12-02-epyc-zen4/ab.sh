#!/bin/bash
# ab.sh OUT label=jar ... : runs same.sh (the Intel section's, copied next to it) once per label, in order;
# AB_ARGS: more arguments for the sample app (e.g. --wsgi.python-path[0]=/usr/lib/python3/dist-packages for Flask)
out=$1; shift
read -r -a extra <<<"${AB_ARGS:-}"
for pair in "$@"; do l=${pair%%=*}; j=${pair#*=}; JAR=$j ./same.sh $l "${extra[@]}"; done > $out 2>&1
