#!/bin/sh
# cwgview over SSH, as delegates use it: tmux is the user's terminal, ssh
# logs in to a private sshd (tests/ssh/sshd.sh) on 127.0.0.1, and the
# remote session has the POSIX locale because LANG is not forwarded.  The
# browser must switch to UTF-8 and show Chinese, take Chinese typed through
# the connection, follow a resize of the local window, and end when the
# connection drops, also with SIGHUP ignored.  Skipped, with sshd's own
# reason, only where sshd cannot run.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"

rig="$top_srcdir/tests/ssh/sshd.sh"
D="$T/sshd"
trap 'tm kill-server 2>/dev/null; "$rig" stop "$D"; rm -rf "$T"' EXIT
if ! client=$("$rig" start "$D" 2>&1); then
	skip_all "sshd cannot run here: $client"
fi
ok "private sshd started, the client logs in with a key"

# The document under a name of its own: the remote cwgview is the one
# process whose whole command line is "$CWGVIEW $doc" (the local ssh has
# the two words quoted in its remote command).
doc="$T/ssh-doc.yaml"
cp "$top_srcdir/data/cwgsfp.yaml" "$doc"
remote_alive() { pgrep -f -x -- "$CWGVIEW $doc" >/dev/null; }

# q: single-quotes a word for the remote shell.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# The remote command.  Only the sanitiser settings and a private HOME and
# state directory (search history) go over; no locale does.  PREFIX is
# shell code run before cwgview (trap '' HUP, say).
remote_cmd() {
	printf '%s exec env HOME=%s XDG_STATE_HOME=%s LSAN_OPTIONS=%s ASAN_OPTIONS=%s %s %s' \
		"$1" "$(q "$T")" "$(q "$T/state")" "$(q "${LSAN_OPTIONS:-}")" \
		"$(q "${ASAN_OPTIONS:-}")" "$(q "$CWGVIEW")" "$(q "$doc")"
}

# connect PREFIX: a new 80x24 window running ssh -t to cwgview; sets $W.
connect() {
	W=$(tm new-window -d -P -F '#{window_id}' \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 $(q "$client") -t $(q "$(remote_cmd "$1")")")
	tm resize-window -t "$W" -x 80 -y 24
}

# wait_gone: until no remote cwgview is left, at most 15 s.
wait_gone() {
	i=0
	while remote_alive; do
		[ $i -lt 300 ] || return 1
		sleep 0.05; i=$((i + 1))
	done
}

# drop: the connection goes as when a laptop lid closes on a flaky
# network: the ssh client dies without a word (it is the one process using
# the client key), and sshd sees the socket close.
drop() { pkill -KILL -f -- "-i $D/id "; }

connect ""
see "over ssh with no locale forwarded: switches to UTF-8, says so, shows Chinese" \
	"is not UTF-8; using" "简化和明确" "国际电联是一家"

tm send-keys -t "$W" 7 g
see "over ssh: 7g shows topic 7" "输入 · 7 区域代表处"
aligned "over ssh: topic 7 at 80x24, borders aligned on every row" 80

# Chinese typed on the local terminal goes through ssh as UTF-8; the remote
# cwgview reads it as whole characters only because it switched LC_CTYPE.
tm send-keys -t "$W" /
tm send-keys -t "$W" -l "加速器实验室"
see "over ssh: typing 加速器实验室 finds topic 3" "/加速器实验室" "输入 · 3 国际电联是一家" "1/1"
tm send-keys -t "$W" Enter

# The local window shrinks: ssh passes the new size on, and the remote
# browser lays out one pane under a tab bar.
tm resize-window -t "$W" -x 40 -y 20
see "over ssh: resized to 40x20, one pane under a tab bar" "[输入]"
aligned "over ssh: at 40x20, borders aligned on every row" 40

# The connection drops: sshd hangs up the remote terminal, and cwgview
# must not outlive it.
if remote_alive; then
	drop
	if wait_gone; then ok "a dropped connection ends the remote cwgview"
	else not_ok "a dropped connection ends the remote cwgview" "$(pgrep -a -f -- "$doc")"; fi
else
	not_ok "a dropped connection ends the remote cwgview" "no remote cwgview was running"
fi
pkill -KILL -f -x -- "$CWGVIEW $doc" 2>/dev/null

# The same with SIGHUP ignored on the remote side: no signal comes, the
# terminal's reads fail, and cwgview must end rather than spin.
connect "trap '' HUP;"
if wait_for "$W" "简化和明确" && remote_alive; then
	drop
	if wait_gone; then ok "a dropped connection with SIGHUP ignored ends the remote cwgview"
	else not_ok "a dropped connection with SIGHUP ignored ends the remote cwgview" \
		"$(pgrep -a -f -- "$doc")"; fi
else
	not_ok "a dropped connection with SIGHUP ignored" "never started: $(cat "$T/screen")"
fi
pkill -KILL -f -x -- "$CWGVIEW $doc" 2>/dev/null

done_testing
