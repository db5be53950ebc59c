# Helpers for the scripts that start a private daemon for the tests
# (tests/cups/cupsd.sh, tests/ssh/sshd.sh); sourced with PIDFILE set to the
# file that holds the daemon's process id.  Waits poll with a deadline;
# there is no fixed sleep.

# wait_for SECONDS COMMAND...: polls COMMAND until it succeeds.
wait_for() {
	limit=$1; shift
	end=$(( $(date +%s) + limit ))
	while ! "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.05
	done
}

# alive: the daemon of $PIDFILE is running.
alive() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

# stop_daemon: SIGTERM, then SIGKILL if it lingers; returns when it is gone.
stop_daemon() {
	alive || { rm -f "$PIDFILE"; return 0; }
	pid=$(cat "$PIDFILE")
	kill -TERM "$pid" 2>/dev/null
	gone() { ! kill -0 "$pid" 2>/dev/null; }
	if ! wait_for 15 gone; then
		kill -KILL "$pid" 2>/dev/null
		wait_for 5 gone
	fi
	rm -f "$PIDFILE"
}
