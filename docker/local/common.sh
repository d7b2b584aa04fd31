# shellcheck shell=bash source-path=SCRIPTDIR
# Shared by the local stack scripts (fetch, kafka, flink, stack); sourced, never run.
# Paths, environment overrides, and the little process management they all need.

local_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$local_dir/../.." && pwd)"
lib_dir="$local_dir/lib"

# Everything a running stack writes (pids, logs, data, generated config) goes under here.
stack_dir="${CROWDHEX_STACK_DIR:-$repo_dir/target/local-stack}"
# Flink and Kafka want absolute paths (file:// URIs, log.dirs).
case "$stack_dir" in
  /*) ;;
  *) stack_dir="$PWD/$stack_dir" ;;
esac

# The one host every process binds to and advertises: nothing listens beyond this machine.
stack_host=127.0.0.1
kafka_port="${CROWDHEX_KAFKA_PORT:-9092}"
kafka_controller_port="${CROWDHEX_KAFKA_CONTROLLER_PORT:-9093}"
flink_port="${CROWDHEX_FLINK_PORT:-8081}"
flink_rpc_port="${CROWDHEX_FLINK_RPC_PORT:-6123}"
# Seconds a start waits for a process to be ready before it gives up.
stack_timeout="${CROWDHEX_STACK_TIMEOUT:-120}"

# Topic names and partitions, shared with docker/compose.yaml.
# shellcheck source=topics.env
. "$local_dir/topics.env"
# shellcheck disable=SC2034 # used by the scripts that source this file
crowdhex_topics=(
  "$CROWDHEX_TOPIC_POSTS"
  "$CROWDHEX_TOPIC_DENSITY"
  "$CROWDHEX_TOPIC_VENUES"
  "$CROWDHEX_TOPIC_ALERTS"
  "$CROWDHEX_TOPIC_FLOWS"
  "$CROWDHEX_TOPIC_ZONES"
  "$CROWDHEX_TOPIC_REJECTS"
)

# A new KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as Kafka's own.
# The format tool would read an id that begins with "-" as an option, so such draws are redrawn
# (as Kafka's own generator does).
new_cluster_id() {
  local id="-"
  while [ "${id#-}" != "$id" ]; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  done
  echo "$id"
}

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

say() {
  echo "$(basename "$0"): $*"
}

need_port_number() {
  local name=$1 value=$2
  if ! [[ "$value" =~ ^[0-9]+$ ]] || [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
    die "$name is '$value'; accepted: a port number from 1 to 65535"
  fi
}
need_port_number CROWDHEX_KAFKA_PORT "$kafka_port"
need_port_number CROWDHEX_KAFKA_CONTROLLER_PORT "$kafka_controller_port"
need_port_number CROWDHEX_FLINK_PORT "$flink_port"
need_port_number CROWDHEX_FLINK_RPC_PORT "$flink_rpc_port"
[[ "$stack_timeout" =~ ^[0-9]+$ ]] \
  || die "CROWDHEX_STACK_TIMEOUT is '$stack_timeout'; accepted: a whole number of seconds"

# The java the processes run on: JAVA_HOME's, else the one on the PATH; 17 or newer.
java_bin() {
  local java
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    java="$(command -v java)"
  else
    die "no java found; install a JDK 17 (or set JAVA_HOME)"
  fi
  local version
  version="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  if [ -z "$version" ] || [ "$version" -lt 17 ]; then
    die "$java is Java ${version:-of an unknown version}; accepted: Java 17 or newer"
  fi
  echo "$java"
}

# The jars of one part of the stack (kafka or flink), fetched on first use.
need_jars() {
  local part=$1
  if [ ! -f "$lib_dir/$part/.complete" ]; then
    "$local_dir/fetch" "$part"
  fi
}

# True when something accepts TCP connections on the loopback port.
port_open() {
  (exec 3<>"/dev/tcp/$stack_host/$1") 2>/dev/null
}

# The pid in a pid file, when that process is alive and still runs the given main class.
# (A pid file left behind by a killed process may name a pid that was reused since.)
live_pid() {
  local pid_file=$1 main_class=$2 pid
  [ -f "$pid_file" ] || return 1
  pid="$(cat "$pid_file" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  ps -p "$pid" -o args= 2>/dev/null | grep -qF "$main_class" || return 1
  echo "$pid"
}

# Keeps the previous run's log once (LOG.1), then starts an empty one.
fresh_log() {
  if [ -s "$1" ]; then mv -f "$1" "$1.1"; fi
  : >"$1"
}

# Starts a JVM detached from this shell (own session, no terminal, output to a file, working
# folder that of the pid file) and writes its pid. Arguments: pid file, output file, then the
# java command line.
launch() {
  local pid_file=$1 out_file=$2
  shift 2
  command -v setsid >/dev/null 2>&1 || die "setsid not found (Debian: apt-get install util-linux)"
  # The previous run's output is kept once, e.g. to read why a killed process stopped.
  if [ -s "$out_file" ]; then mv -f "$out_file" "$out_file.1"; fi
  (cd "$(dirname "$pid_file")" && exec setsid "$@" >"$out_file" 2>&1 </dev/null) &
  echo $! >"$pid_file"
}

# Stops the process of a pid file: TERM, then KILL after a grace period. Arguments: a name for
# messages, pid file, main class, grace seconds.
stop_process() {
  local name=$1 pid_file=$2 main_class=$3 grace=$4 pid
  if ! pid="$(live_pid "$pid_file" "$main_class")"; then
    rm -f "$pid_file"
    say "$name is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge $((grace * 10)) ]; then
      say "$name (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pid_file"
  say "$name stopped (pid $pid)"
}

# Kills the process of a pid file at once, as a crash would (for fault tests).
kill_process() {
  local name=$1 pid_file=$2 main_class=$3 pid
  pid="$(live_pid "$pid_file" "$main_class")" || die "$name is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$pid_file"
  say "$name killed (pid $pid)"
}

# Waits until a check passes, failing early if the process dies. Arguments: a name, pid file,
# main class, log file, then the check command.
await() {
  local name=$1 pid_file=$2 main_class=$3 log_file=$4
  shift 4
  local deadline=$((SECONDS + stack_timeout))
  until "$@"; do
    if ! live_pid "$pid_file" "$main_class" >/dev/null; then
      echo "--- last lines of $log_file ---" >&2
      tail -n 30 "$log_file" >&2 2>/dev/null || true
      die "$name exited while starting; see $log_file"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "--- last lines of $log_file ---" >&2
      tail -n 30 "$log_file" >&2 2>/dev/null || true
      die "$name was not ready within ${stack_timeout}s (CROWDHEX_STACK_TIMEOUT); see $log_file"
    fi
    sleep 0.25
  done
}
