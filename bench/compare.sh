#!/usr/bin/env bash
# Compares the sample app (WSGI in GraalPy inside Spring Boot) with Apache +
# mod_wsgi (embedded and daemon mode) and gunicorn (sync and gthread) on
# loopback, with wrk, for three WSGI applications (bench/apps):
#   hello  GET, 12-byte body with Content-Length
#   echo   POST of 1 KiB, answered with the same 1 KiB
#   flask  GET of a Flask route rendering a template compiled once
# and, in the same JVM as ours, the Java controllers doing the same as hello and
# echo (/java/hello, POST /java/echo): the ceiling of our Tomcat and Spring.
#
# On a fresh Debian 12 machine, as root:   bench/compare.sh
# Quick check that everything works:       DURATION=3s WARMUP=2s ROUNDS=1 RAMP=5 bench/compare.sh
#
# Servers run one at a time. Inside one server, every round measures all its
# URLs at every connection count in turn (rounds are interleaved across URLs
# and connection counts, not across servers). gunicorn serves one application
# per server, so it is started once per application.
#
# Environment:
#   DURATION (10s)  length of one measurement       WARMUP (10s)  warm-up per URL
#   OURS_WARMUP (60s) warm-up per URL for ours: the Graal JIT needs about a minute of load on 2 fast cores
#                   to compile the gateway and the apps, 150-300 s on slow ones; RAMP reports how throughput gets there
#   ROUNDS (3)      rounds per server               CONNECTIONS ("16 64")
#   RAMP (60)       seconds of 1-second windows on /hello right after ours answers
#   SERVERS ("ours apache-embedded apache-daemon gunicorn-sync gunicorn-gthread"; "ours-memory" runs
#                   only the memory phase; "ours-cpu" is ours shaped for CPU-bound applications like
#                   gunicorn sync: 2 x cores interpreter slots of one thread each; "ours-warm-up" is ours
#                   with wsgi.warm-up of the three URLs holding readiness: its ramp starts at readiness)
#   WARM_UP_DURATION (5m) wsgi.warm-up.duration for ours-warm-up (it ends earlier once the compilers are quiet)
#   SKIP_BUILD=1    use the jar already built       MEMORY=0  skip the interpreter memory phase
#   OUT             result directory (default: a new /tmp/wsgi-compare.*)
#   OURS_JAVA_OPTS  more JVM options for ours (e.g. -Xmx512m)
#   OURS_LAYOUT (extracted) how ours runs: "extracted" runs the jar's extracted form
#                   (java -Djarmode=tools -jar app.jar extract: a plain jar and lib/, Spring Boot's
#                   layout for production, which starts faster), "jar" the executable jar itself,
#                   "aot" the extracted form on a runtime image without the JDK's own Graal compiler
#                   (jlink), the compiler on --module-path, and an AOT cache (JDK 25's -XX:AOTCache)
#                   trained before each measured start by Spring's training run of the same command
#                   (-Dspring.context.exit=onRefresh: the starter loads the preloaded scripts first),
#                   started with -Xms64m as the README says
#   GUNICORN_THREADS (4) threads per gthread worker
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
OURS_WARMUP=${OURS_WARMUP:-60s}
ROUNDS=${ROUNDS:-3}
RAMP=${RAMP:-60}
WARM_UP_DURATION=${WARM_UP_DURATION:-5m}
read -r -a CONNS <<<"${CONNECTIONS:-16 64}"
read -r -a SERVERS <<<"${SERVERS:-ours apache-embedded apache-daemon gunicorn-sync gunicorn-gthread}"
MEMORY=${MEMORY:-1}
OURS_LAYOUT=${OURS_LAYOUT:-extracted}
case $OURS_LAYOUT in
	extracted | jar | aot) ;;
	*) echo "OURS_LAYOUT must be extracted, jar or aot, not $OURS_LAYOUT" >&2; exit 2 ;;
esac
OURS_PORT=${OURS_PORT:-18090}
APACHE_PORT=${APACHE_PORT:-18091}
GUNICORN_PORT=${GUNICORN_PORT:-18092}
CORES=$(nproc)
GUNICORN_WORKERS=$((2 * CORES + 1))
GUNICORN_THREADS=${GUNICORN_THREADS:-4}
PY=/usr/bin/python3
DIST_PACKAGES=/usr/lib/python3/dist-packages
MODULES=/usr/lib/apache2/modules
LUA=$ROOT/bench/wrk/report.lua
ECHO_BYTES=1024

# --- what this needs, installed with apt-get when missing -----------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v apache2 >/dev/null || need+=(apache2)
[ -f "$MODULES/mod_wsgi.so" ] || need+=(libapache2-mod-wsgi-py3)
[ -x /usr/bin/gunicorn ] || need+=(gunicorn)
$PY -c 'import flask' 2>/dev/null || need+=(python3-flask)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]}" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# a stock Apache started by the package must not hold the machine's CPU or ports
systemctl stop apache2 2>/dev/null || true

OUT=${OUT:-$(mktemp -d /tmp/wsgi-compare.XXXXXX)}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/wsgi-compare-work.XXXXXX)
chmod 755 "$WORK"
RAW=$OUT/raw.tsv
printf 'server\tapp\tconnections\tround\trps\tp50_ms\tp99_ms\terrors\tpeak_rss_kib\tconnect/read/write/status/timeout\n' \
	>"$RAW"
: >"$OUT/servers.txt"

# the applications, readable by Apache's user, and importable by gunicorn
mkdir -p "$WORK/apps" "$WORK/py"
cp bench/apps/*.wsgi "$WORK/apps/"
for app in hello echo flask_app; do cp "bench/apps/$app.wsgi" "$WORK/py/$app.py"; done
chmod -R a+rX "$WORK"
head -c "$ECHO_BYTES" /dev/zero | tr '\0' 'x' >"$WORK/echo-body"

# --- build ------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	./mvnw -q -B -DskipTests clean package
fi
JAR=$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)
JIT_DIR=$ROOT/sample-app/target/graal-jit
# how ours finds the Graal compiler: in place of the JDK's own (which disables class data sharing)
OURS_JAVA=$JAVA_HOME/bin/java
OURS_JIT=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$JIT_DIR")
OURS_AOT_CACHE=
if [ "$OURS_LAYOUT" != jar ]; then
	"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/ours" >/dev/null
	JAR=$WORK/ours/$(basename "$JAR")
fi
if [ "$OURS_LAYOUT" = aot ]; then
	# the README's runtime image: the JDK without its own jdk.graal.compiler, so that the
	# compiler can come from --module-path and the JVM keeps class data sharing
	"$JAVA_HOME/bin/jlink" --output "$WORK/jre" --add-modules "$("$JAVA_HOME/bin/java" --list-modules |
		sed 's/@.*//' | grep -v -E '^jdk\.(graal\.compiler|jlink|jpackage)' | paste -sd, -)" 2>/dev/null
	OURS_JAVA=$WORK/jre/bin/java
	OURS_JIT=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path="$JIT_DIR" --add-modules=jdk.graal.compiler)
fi

# --- helpers ------------------------------------------------------------------
SERVER_PID=
stop_server() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=
}
cleanup() {
	stop_server
	rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }

# Resident memory (KiB) of a process and all its descendants, from /proc.
tree_rss_kib() {
	local root=$1
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v root="$root" -v page="$(getconf PAGESIZE)" '
		{
			pid = $1
			rest = substr($0, match($0, /\) [A-Za-z] /) + 2)
			split(rest, f, " ")
			parent[pid] = f[2]; rss[pid] = f[22]
		}
		END {
			mark[root] = 1
			do {
				changed = 0
				for (p in parent) if (!(p in mark) && (parent[p] in mark)) { mark[p] = 1; changed = 1 }
			} while (changed)
			total = 0
			for (p in mark) total += rss[p]
			printf "%d\n", total * page / 1024
		}'
}

# Samples the server's tree RSS every half second into $1 until killed.
sample_rss() {
	local file=$1
	while true; do tree_rss_kib "$SERVER_PID" >>"$file"; sleep 0.5; done
}

wait_for() { # url [seconds]: until it answers 200
	local url=$1 limit=${2:-180}
	for _ in $(seq 1 $((limit * 10))); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time "$limit" "$url")" = 200 ] && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; return 1; }
		sleep 0.1
	done
	echo "no answer from $url within ${limit}s" >&2
	return 1
}

# Checks that each application answers what it should before it is measured.
check_app() { # app url
	local app=$1 url=$2 body ok=0
	case $app in
		hello | java) body=$(curl -s --max-time 60 "$url" || true)
			[ "$body" = "Hello, World" ] && ok=1 ;;
		echo | java-echo) body=$(curl -s --max-time 60 --data-binary @"$WORK/echo-body" -H 'Content-Type: application/octet-stream' \
				"$url" || true)
			[ "$body" = "$(cat "$WORK/echo-body")" ] && ok=1 ;;
		flask) body=$(curl -s --max-time 60 "$url" || true)
			[[ $body == *"<h1>Hello, World!</h1>"* ]] && ok=1 ;;
	esac
	if [ $ok != 1 ]; then
		echo "$app at $url answered wrongly: ${body:0:300}" >&2
		exit 1
	fi
}

post_bytes() { case $1 in echo | java-echo) echo "$ECHO_BYTES" ;; *) echo 0 ;; esac; }

# wrk on one URL; prints "rps p50_ms p99_ms errors connect/read/write/status/timeout".
run_wrk() { # url connections duration app
	local out
	out=$(WRK_POST_BYTES=$(post_bytes "$4") wrk -t2 -c"$2" -d"$3" --timeout 5s -s "$LUA" "$1" 2>&1) || true
	echo "$out" | awk '/^WRK_RESULT/ {
		printf "%.1f %.3f %.3f %d %d/%d/%d/%d/%d\n", $2 / ($3 / 1e6), $4 / 1000, $5 / 1000, $6 + $7 + $8 + $9 + $10,
			$6, $7, $8, $9, $10 }'
}

measure() { # server app url connections round
	local server=$1 app=$2 url=$3 c=$4 round=$5 rssfile sampler result peak
	rssfile=$(mktemp "$WORK/rss.XXXXXX")
	sample_rss "$rssfile" &
	sampler=$!
	result=$(run_wrk "$url" "$c" "$DURATION" "$app")
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	peak=$(sort -n "$rssfile" | tail -1)
	[ -n "$result" ] || { echo "wrk gave no result for $server $app c=$c" >&2; result="0 0 0 -1 -"; }
	read -r rps p50 p99 errors detail <<<"$result"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$app" "$c" "$round" "$rps" "$p50" "$p99" "$errors" \
		"${peak:-0}" "$detail" >>"$RAW"
	printf '  %-17s %-6s c=%-3s round %s: %9s req/s  p50 %8s ms  p99 %8s ms  errors %s (%s)  rss %s MiB\n' \
		"$server" "$app" "$c" "$round" "$rps" "$p50" "$p99" "$errors" "$detail" "$((${peak:-0} / 1024))" >&2
}

# Warm-up, then ROUNDS rounds over every (connections, app) pair of one running server.
measure_server() { # server app=url...
	local server=$1 pair app url round c
	shift
	for pair in "$@"; do
		app=${pair%%=*}; url=${pair#*=}
		check_app "$app" "$url"
		run_wrk "$url" 16 "$WARMUP" "$app" >/dev/null
	done
	echo "$server idle-after-warmup-rss-kib $(tree_rss_kib "$SERVER_PID")" >>"$OUT/servers.txt"
	for round in $(seq 1 "$ROUNDS"); do
		for c in "${CONNS[@]}"; do
			for pair in "$@"; do
				app=${pair%%=*}; url=${pair#*=}
				measure "$server" "$app" "$url" "$c" "$round"
			done
		done
	done
}

# The sample app's command line (as bench/run.sh starts it: Graal JIT on) into OURS_CMD.
ours_command() { # more arguments...
	read -r -a extra <<<"${OURS_JAVA_OPTS:-}"
	local aot=()
	[ -z "$OURS_AOT_CACHE" ] || aot=(-XX:AOTCache="$OURS_AOT_CACHE" -Xms64m)
	OURS_CMD=("$OURS_JAVA" "${OURS_JIT[@]}" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
		"${aot[@]}" "${extra[@]}" -jar "$JAR" --server.port="$OURS_PORT" --logging.level.root=warn
		--spring.profiles.active=bench "$@")
}

# With OURS_LAYOUT=aot: Spring's training run of ours with these arguments
# (-Dspring.context.exit=onRefresh: the starter loads the preloaded scripts, then the
# JVM halts and writes the AOT cache); later starts use it.
train_aot_cache() { # name, more arguments for the sample app...
	local name=$1 cache
	shift
	OURS_AOT_CACHE=
	[ "$OURS_LAYOUT" = aot ] || return 0
	cache=$WORK/$name.aot
	ours_command "$@"
	OURS_CMD=("${OURS_CMD[0]}" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh "${OURS_CMD[@]:1}")
	echo "$name training: ${OURS_CMD[*]}" >>"$OUT/servers.txt"
	"${OURS_CMD[@]}" >"$OUT/$name-training.log" 2>&1 || { echo "training run failed: see $OUT/$name-training.log" >&2; exit 1; }
	[ -s "$cache" ] || { echo "no AOT cache written: see $OUT/$name-training.log" >&2; exit 1; }
	OURS_AOT_CACHE=$cache
}

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

# --- ours: the sample app jar -------------------------------------------------
# The startup target's reference: seconds from launch to the first answer of the Java
# controller when the same app has no WSGI mounts (the bench profile mounts nothing).
# Runs in this shell (not in $(...)), so that the exit trap can stop its JVM.
JAVA_WITHOUT_MOUNTS=
time_java_without_mounts() {
	local t0
	train_aot_cache without-mounts
	ours_command
	echo "ours-without-mounts: ${OURS_CMD[*]}" >>"$OUT/servers.txt"
	t0=$(now)
	"${OURS_CMD[@]}" >"$OUT/ours-without-mounts.log" 2>&1 &
	SERVER_PID=$!
	wait_for "http://127.0.0.1:$OURS_PORT/java/hello" 600 || { echo "see $OUT/ours-without-mounts.log" >&2; exit 1; }
	JAVA_WITHOUT_MOUNTS=$(calc "$(now) - $t0")
	stop_server
}

run_ours() { # label, more arguments for the sample app...
	local label=$1 base=http://127.0.0.1:$OURS_PORT t0 first_python suffix=""
	shift
	[ "$label" = ours ] || suffix="-$label"
	if [ "$label" = ours ]; then time_java_without_mounts; fi
	local args=("$@" --wsgi.python-path[0]=$DIST_PACKAGES
		--wsgi.script-aliases[0].url=/hello --wsgi.script-aliases[0].path=file:$WORK/apps/hello.wsgi
		--wsgi.script-aliases[0].preload=true
		--wsgi.script-aliases[1].url=/echo --wsgi.script-aliases[1].path=file:$WORK/apps/echo.wsgi
		--wsgi.script-aliases[1].preload=true
		--wsgi.script-aliases[2].url=/flask --wsgi.script-aliases[2].path=file:$WORK/apps/flask_app.wsgi
		--wsgi.script-aliases[2].preload=true)
	train_aot_cache "$label" "${args[@]}"
	ours_command "${args[@]}"
	echo "$label: ${OURS_CMD[*]}" >>"$OUT/servers.txt"
	rm -f "$WORK"/first.*
	t0=$(now)
	"${OURS_CMD[@]}" >"$OUT/$label.log" 2>&1 &
	SERVER_PID=$!
	# first successful answer of each kind, polled in the background; a request is
	# never abandoned (it would keep an interpreter busy for nothing)
	for probe in hello=/hello java=/java/hello flask=/flask/; do
		(
			name=${probe%%=*}
			while ! [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 "$base${probe#*=}")" = 200 ]; do
				kill -0 "$SERVER_PID" 2>/dev/null || exit 1
				sleep 0.05
			done
			echo "$(now)" >"$WORK/first.$name"
		) &
	done
	for _ in $(seq 1 3600); do
		[ -f "$WORK/first.hello" ] && break
		kill -0 "$SERVER_PID" 2>/dev/null || { echo "$label died: see $OUT/$label.log" >&2; exit 1; }
		sleep 0.05
	done
	first_python=$(cat "$WORK/first.hello")
	# with a warm-up holding readiness, traffic starts at readiness: the warm-up's last log line
	local from=$first_python ready=""
	if [ "$label" = ours-warm-up ]; then
		for _ in $(seq 1 18000); do
			grep -q 'WSGI warm-up: [0-9]* answers in' "$OUT/$label.log" && break
			kill -0 "$SERVER_PID" 2>/dev/null || { echo "$label died: see $OUT/$label.log" >&2; exit 1; }
			sleep 0.05
		done
		ready=$(now)
		from=$ready
	fi
	# throughput right after the first Python answer (or readiness): 1-second windows
	: >"$OUT/ramp$suffix.tsv"
	local t=0 result
	while awk "BEGIN { exit !($t < $RAMP) }"; do
		result=$(run_wrk "$base/hello" 16 1s hello)
		t=$(calc "$(now) - $from")
		echo "$t $result" >>"$OUT/ramp$suffix.tsv"
	done
	wait_for "$base/java/hello" 60
	wait_for "$base/flask/" 120
	for _ in $(seq 1 100); do [ -f "$WORK/first.java" ] && [ -f "$WORK/first.flask" ] && break; sleep 0.1; done
	{
		echo "start $t0"
		echo "first_python $(calc "$first_python - $t0")"
		echo "first_java $(calc "$(cat "$WORK/first.java") - $t0")"
		echo "first_flask $(calc "$(cat "$WORK/first.flask") - $t0")"
		[ "$label" != ours ] || echo "first_java_without_mounts $JAVA_WITHOUT_MOUNTS"
		[ -z "$ready" ] || echo "ready $(calc "$ready - $t0")"
	} >"$OUT/startup$suffix.txt"
	cat "$OUT/startup$suffix.txt" >&2
	WARMUP=$OURS_WARMUP measure_server "$label" hello=$base/hello echo=$base/echo flask=$base/flask/ java=$base/java/hello \
		java-echo=$base/java/echo
	stop_server
}

# --- ours, memory per interpreter: 4 application groups of hello in one slot ----
run_ours_memory() {
	local base=http://127.0.0.1:$OURS_PORT args=(--wsgi.embedded.processes=1) i pids=() rssfile sampler
	# alone (SERVERS=ours-memory) with OURS_LAYOUT=aot: a cache of its own, trained with one
	# preloaded interpreter (its mounts load on their first request, which a training run never sees)
	[ -n "${OURS_AOT_CACHE:-}" ] || train_aot_cache memory --wsgi.script-aliases[0].url=/m1 \
		--wsgi.script-aliases[0].path=file:$WORK/apps/hello.wsgi --wsgi.script-aliases[0].preload=true
	for i in 1 2 3 4; do
		args+=(--wsgi.script-aliases[$((i - 1))].url=/m$i
			--wsgi.script-aliases[$((i - 1))].path=file:$WORK/apps/hello.wsgi
			--wsgi.script-aliases[$((i - 1))].application-group=group$i)
	done
	ours_command "${args[@]}"
	echo "ours-memory: ${OURS_CMD[*]}" >>"$OUT/servers.txt"
	"${OURS_CMD[@]}" >"$OUT/ours-memory.log" 2>&1 &
	SERVER_PID=$!
	wait_for "$base/java/hello" 180
	run_wrk "$base/java/hello" 16 3s java >/dev/null
	sleep 2
	echo "interpreters=0 rss_kib=$(tree_rss_kib "$SERVER_PID")" >"$OUT/memory.txt"
	for i in 1 2 3 4; do
		wait_for "$base/m$i" 120
		run_wrk "$base/m$i" 4 3s hello >/dev/null
		sleep 2
		echo "interpreters=$i rss_kib=$(tree_rss_kib "$SERVER_PID")" >>"$OUT/memory.txt"
	done
	rssfile=$(mktemp "$WORK/rss.XXXXXX")
	sample_rss "$rssfile" &
	sampler=$!
	for i in 1 2 3 4; do
		wrk -t1 -c16 -d"$DURATION" "$base/m$i" >/dev/null 2>&1 &
		pids+=($!)
	done
	wait "${pids[@]}" || true
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	echo "under-load peak rss_kib=$(sort -n "$rssfile" | tail -1)" >>"$OUT/memory.txt"
	cat "$OUT/memory.txt" >&2
	stop_server
}

# --- Apache + mod_wsgi ---------------------------------------------------------
apache_conf() { # mode: embedded|daemon
	local dir=$WORK/apache-$1
	mkdir -p "$dir"
	chmod 755 "$dir"
	cat >"$dir/apache2.conf" <<EOF
# generated by bench/compare.sh: Apache 2.4 + mod_wsgi, $1 mode
ServerRoot "$dir"
ServerName 127.0.0.1
Listen 127.0.0.1:$APACHE_PORT
PidFile "$dir/apache2.pid"
ErrorLog "$dir/error.log"
LogLevel warn
Mutex file:$dir default
User www-data
Group www-data
LoadModule mpm_event_module $MODULES/mod_mpm_event.so
LoadModule authz_core_module $MODULES/mod_authz_core.so
LoadModule wsgi_module $MODULES/mod_wsgi.so
# Debian's mpm_event.conf and apache2.conf defaults
StartServers 2
MinSpareThreads 25
MaxSpareThreads 75
ThreadLimit 64
ThreadsPerChild 25
MaxRequestWorkers 150
MaxConnectionsPerChild 0
KeepAlive On
MaxKeepAliveRequests 100
KeepAliveTimeout 5
Timeout 300
WSGISocketPrefix "$dir/wsgi"
<Directory "$WORK/apps">
    Require all granted
</Directory>
EOF
	if [ "$1" = daemon ]; then
		cat >>"$dir/apache2.conf" <<EOF
WSGIDaemonProcess bench processes=2 threads=15 display-name=wsgi-bench
WSGIProcessGroup bench
EOF
	fi
	cat >>"$dir/apache2.conf" <<EOF
WSGIScriptAlias /hello "$WORK/apps/hello.wsgi"
WSGIScriptAlias /echo "$WORK/apps/echo.wsgi"
WSGIScriptAlias /flask "$WORK/apps/flask_app.wsgi"
EOF
	echo "$dir/apache2.conf"
}

run_apache() { # embedded|daemon
	local conf base=http://127.0.0.1:$APACHE_PORT
	conf=$(apache_conf "$1")
	cp "$conf" "$OUT/apache-$1.conf"
	echo "apache-$1: apache2 -f $conf -DFOREGROUND" >>"$OUT/servers.txt"
	apache2 -f "$conf" -DFOREGROUND >"$OUT/apache-$1.log" 2>&1 &
	SERVER_PID=$!
	wait_for "$base/hello" 60
	measure_server "apache-$1" hello=$base/hello echo=$base/echo flask=$base/flask/
	cp "$(dirname "$conf")/error.log" "$OUT/apache-$1.error.log" 2>/dev/null || true
	stop_server
}

# --- gunicorn: one server per application ---------------------------------------
run_gunicorn() { # sync|gthread
	local kind=$1 app module base=http://127.0.0.1:$GUNICORN_PORT opts
	opts=(--workers "$GUNICORN_WORKERS" --worker-class "$kind" --bind "127.0.0.1:$GUNICORN_PORT"
		--pythonpath "$WORK/py" --log-level warning)
	[ "$kind" = gthread ] && opts+=(--threads "$GUNICORN_THREADS")
	for app in hello echo flask; do
		module=$app
		[ "$app" = flask ] && module=flask_app
		echo "gunicorn-$kind $app: gunicorn ${opts[*]} $module:application" >>"$OUT/servers.txt"
		/usr/bin/gunicorn "${opts[@]}" "$module:application" >"$OUT/gunicorn-$kind-$app.log" 2>&1 &
		SERVER_PID=$!
		wait_for "$base/" 60
		measure_server "gunicorn-$kind" "$app=$base/"
		stop_server
	done
}

{
	echo "date $(date -u '+%F %T') UTC"
	echo "machine $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "settings DURATION=$DURATION WARMUP=$WARMUP OURS_WARMUP=$OURS_WARMUP ROUNDS=$ROUNDS RAMP=$RAMP WARM_UP_DURATION=$WARM_UP_DURATION CONNECTIONS=${CONNS[*]}"
	echo "versions $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(apache2 -v | head -1); mod_wsgi $(dpkg-query -W -f '${Version}' libapache2-mod-wsgi-py3); gunicorn $(/usr/bin/gunicorn --version 2>&1 | awk '{print $NF}' | tr -d ')'); $($PY --version); wrk $(dpkg-query -W -f '${Version}' wrk)"
} >"$OUT/info.txt"
cat "$OUT/info.txt" >&2

for server in "${SERVERS[@]}"; do
	echo "== $server" >&2
	case $server in
		ours) run_ours ours; [ "$MEMORY" = 1 ] && run_ours_memory ;;
		ours-cpu) run_ours ours-cpu --wsgi.embedded.processes=$((2 * CORES)) --wsgi.embedded.threads=1 ;;
		ours-warm-up) run_ours ours-warm-up --wsgi.warm-up.requests[0].url=/hello \
			--wsgi.warm-up.requests[1].url=/echo --wsgi.warm-up.requests[1].method=POST \
			"--wsgi.warm-up.requests[1].body=$(head -c "$ECHO_BYTES" /dev/zero | tr '\0' x)" \
			--wsgi.warm-up.requests[2].url=/flask/ --wsgi.warm-up.duration=$WARM_UP_DURATION \
			--logging.level.dev.wsgiboot.autoconfigure.WsgiWarmUp=info ;;
		ours-memory) run_ours_memory ;;
		apache-embedded) run_apache embedded ;;
		apache-daemon) run_apache daemon ;;
		gunicorn-sync) run_gunicorn sync ;;
		gunicorn-gthread) run_gunicorn gthread ;;
		*) echo "unknown server $server" >&2; exit 1 ;;
	esac
done

$PY "$ROOT/bench/report.py" "$OUT" | tee "$OUT/report.md"
echo "raw results in $OUT" >&2
