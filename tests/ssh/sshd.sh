#!/bin/sh
# A private OpenSSH server for the over-SSH tests.
#
#   sshd.sh start DIR   start sshd with everything under DIR (created): a
#                       host key, a client key allowed to log in as the
#                       current user, the configuration and the log.  It
#                       listens on 127.0.0.1 only, on the first free port
#                       from a base picked from the process id.  Writes
#                       DIR/ssh, a client that logs in there with no user
#                       configuration ("DIR/ssh -t COMMAND"), and prints
#                       its path when a login works.  On failure prints
#                       the reason and exits 1.
#   sshd.sh stop DIR    stop that sshd and wait until it is gone.
#
# The server takes no environment from the client (no AcceptEnv), reads
# no PAM settings, and so gives a session the POSIX locale: what a user
# whose LANG is not forwarded gets.  Waits poll with a deadline; there is
# no fixed sleep.
set -u

cmd=${1:-}
D=${2:-}
[ -n "$D" ] || { echo "usage: sshd.sh start|stop DIR" >&2; exit 2; }
PIDFILE=$D/sshd.pid
. "$(dirname "$0")/../lib/daemon.sh"

reason() { grep -v '^debug' "$D/sshd.log" 2>/dev/null | tail -n 2 | tr '\n' ' ' | cut -c 1-300; }

fail() { echo "$1${2:+: $2}"; "$0" stop "$D" >/dev/null 2>&1; exit 1; }

start() {
	# sshd re-executes itself, so it wants an absolute path.
	sshd=/usr/sbin/sshd
	[ -x "$sshd" ] || { echo "$sshd not found (Debian package openssh-server)"; exit 1; }
	for tool in ssh ssh-keygen; do
		command -v $tool >/dev/null 2>&1 || { echo "$tool not found (Debian package openssh-client)"; exit 1; }
	done
	# As root, sshd insists on its privilege separation directory, which
	# the service's start-up script would make.
	if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 755 /run/sshd ||
			{ echo "cannot make /run/sshd, which sshd needs when run as root"; exit 1; }
	fi
	mkdir -p "$D" || exit 1
	chmod 700 "$D"
	ssh-keygen -q -t ed25519 -N '' -C cwgview-test-host -f "$D/host_key" </dev/null >/dev/null 2>&1 &&
		ssh-keygen -q -t ed25519 -N '' -C cwgview-test-client -f "$D/id" </dev/null >/dev/null 2>&1 ||
		fail "ssh-keygen could not make the keys"
	cp "$D/id.pub" "$D/authorized_keys"
	user=$(id -un)
	cat > "$D/ssh" <<EOC
#!/bin/sh
# The client for the private sshd that tests/ssh/sshd.sh started.
exec ssh -F /dev/null -i '$D/id' -o IdentitiesOnly=yes -o BatchMode=yes \\
	-o StrictHostKeyChecking=no -o UserKnownHostsFile='$D/known_hosts' \\
	-o LogLevel=ERROR -p "\$(cat '$D/port')" '$user@127.0.0.1' "\$@"
EOC
	chmod 755 "$D/ssh"

	base=$(( 20000 + $$ % 20000 ))
	port=$base
	while [ $port -lt $((base + 20)) ]; do
		cat > "$D/sshd_config" <<EOC
Port $port
ListenAddress 127.0.0.1
HostKey $D/host_key
PidFile none
AuthorizedKeysFile $D/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel INFO
EOC
		echo $port > "$D/port"
		# -D: in the foreground, so its pid is ours to stop; -e: the log
		# on stderr, into a file.
		"$sshd" -D -e -f "$D/sshd_config" </dev/null >"$D/sshd.log" 2>&1 &
		echo $! > "$D/sshd.pid"
		listening() { grep -q "Server listening on 127.0.0.1 port $port" "$D/sshd.log"; }
		settled() { listening || ! alive; }
		wait_for 15 settled || fail "sshd did not start" "$(reason)"
		listening && break
		grep -q 'Address already in use' "$D/sshd.log" ||
			fail "sshd did not start" "$(reason)"
		port=$((port + 1))
	done
	listening || fail "sshd found no free port in $base-$((base + 19))"
	login() { "$D/ssh" true </dev/null; }
	wait_for 30 login || fail "no login to 127.0.0.1:$port" \
		"$("$D/ssh" true </dev/null 2>&1 | tail -n 1) $(reason)"
	echo "$D/ssh"
}


case $cmd in
start) start ;;
stop) stop_daemon ;;
*) echo "usage: sshd.sh start|stop DIR" >&2; exit 2 ;;
esac
