#!/bin/sh
# The real binary on a real terminal: tmux runs cwgview, send-keys types,
# capture-pane reads the screen.  Every wait polls with a deadline; there
# are no fixed sleeps.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"

# start COLSxROWS ENV…: a new window running cwgview with ENV
# (start_window: $W, $R, $E).  n numbers the other cases' files.
n=0
start() {
	size=$1; shift
	start_window "$size" "trap : INT; env $* '$CWGVIEW'"
}

# restored: the terminal left the alternate screen.
restored() { [ "$(tm display -p -t "$W" '#{alternate_on}')" = 0 ]; }

start 80x24 TERM=xterm-256color LC_ALL=C.UTF-8
main=$W main_status=$R
see "opens on the bundled document" "简化和明确"

tm send-keys -t "$main" 7 g
see "7g shows topic 7" "输入 · 7 区域代表处"
aligned "topic 7 at 80x24: borders aligned on every row" 80

# (The status line names the current input first, so the position is in
# its short form: 输入 3-15/48.)
tm send-keys -t "$main" Tab j j
if wait_for "$main" "输入 3-"; then ok "Tab and j scroll the inputs"
else not_ok "Tab and j scroll the inputs" "$(tail -n 1 "$T/screen")"; fi

tm resize-window -t "$main" -x 40 -y 20
see "resized to 40x20: one pane under a tab bar" "[输入]"
aligned "topic 7 at 40x20: borders aligned on every row" 40

tm send-keys -t "$main" q
R=$main_status W=$main
if wait_status && [ "$(cat "$R")" = "status 0" ] && restored; then
	ok "q quits with status 0 and leaves the alternate screen"
else
	not_ok "q quits with status 0 and leaves the alternate screen" "$(cat "$R")"
fi

# Typing Chinese into the search prompt on a real terminal, then | giving
# the terminal to a command and taking it back.
start 80x24 TERM=xterm-256color LC_ALL=C.UTF-8 HOME="$T" XDG_STATE_HOME="$T/state"
if wait_for "$W" "简化和明确"; then
	tm send-keys -t "$W" /
	tm send-keys -t "$W" -l "加速器实验室"
	see "typing 加速器实验室 finds topic 3 on a real terminal" \
		"/加速器实验室" "输入 · 3 国际电联是一家" "1/1"
	tm send-keys -t "$W" Enter
	# A paste through the terminal's own bracketed paste (tmux wraps the
	# buffer in ESC[200~ … ESC[201~ because cwgview asked for it): its
	# line break does not end the prompt, and text a terminal wrapped
	# (with the continuation line's indentation) is joined again.
	tm set-buffer -b cwg "$(printf '加速器  \n     实验室')"
	tm send-keys -t "$W" /
	tm paste-buffer -p -b cwg -t "$W"
	if wait_for "$W" "/加速器实验室 " "1/1"; then
		ok "a bracketed paste of a wrapped line is joined and found"
	else
		not_ok "a bracketed paste of a wrapped line is joined and found" "$(tail -n 2 "$T/screen")"
	fi
	tm send-keys -t "$W" Escape
	wait_for "$W" "topic 3/10"
	tm send-keys -t "$W" '|'
	tm send-keys -t "$W" -l "wc -l"
	tm send-keys -t "$W" Enter
	if wait_for "$W" "[press Enter to return to cwgview]" && ! grep -q "简化和明确" "$T/screen"; then
		ok "| hands the terminal to the command"
	else
		not_ok "| hands the terminal to the command" "$(cat "$T/screen")"
	fi
	tm send-keys -t "$W" Enter
	see "| gives the terminal back to the browser" "piped to: wc -l" "简化和明确"
	tm send-keys -t "$W" q
else
	not_ok "search and pipe on a real terminal" "never started: $(cat "$T/screen")"
fi

# The document on standard input, keys from the terminal, as with less.
W=$(tm new-window -d -P -F '#{window_id}' \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 '$CWGVIEW' - < '$top_srcdir/data/cwgsfp.yaml'")
if wait_for "$W" "简化和明确"; then
	tm send-keys -t "$W" 7 g
	see "cwgview - reads the document from stdin, keys from the terminal" "输入 · 7 区域代表处"
	tm send-keys -t "$W" q
else
	not_ok "cwgview - opens on a piped document" "$(cat "$T/screen")"
fi

# Signals: the terminal is restored, then cwgview dies of the signal, as a
# shell expects (128 + the signal number).
for sig in TERM HUP INT; do
	start 80x24 TERM=xterm-256color LC_ALL=C.UTF-8
	if ! wait_for "$W" "简化和明确"; then
		not_ok "SIG$sig restores the terminal" "never started: $(cat "$T/screen")"
		continue
	fi
	if [ $sig = INT ]; then
		tm send-keys -t "$W" C-c
	else
		pkill -$sig -P "$(tm display -p -t "$W" '#{pane_pid}')"
	fi
	want="status $((128 + $(kill -l $sig)))"
	if wait_status && [ "$(cat "$R")" = "$want" ] && restored; then
		ok "SIG$sig restores the terminal and ends cwgview by the signal"
	else
		not_ok "SIG$sig restores the terminal and ends cwgview by the signal" \
			"got: $(cat "$R")" "want: $want"
	fi
done

# A signal while a | command runs is acted on at once, not when the
# command ends.  The command has the terminal in a process group of its
# own: SIGTERM and SIGHUP sent to cwgview stop that group and end cwgview
# by the signal, with the terminal as it was (its settings, and the shell's
# process group in the foreground again); ^C reaches the command only.
# The command writes its pid first (exec keeps it), so the test knows when
# it runs and can see it gone.

# start_rig N: as start, in $T, with `stty -a` saved before cwgview runs
# and after it ends ($T/stty.N.before and .after), and the terminal's
# foreground process group and the shell's own after it ends ($T/fg.N).
start_rig() {
	n=$((n + 1)); R="$T/status.$n"; E="$T/stderr.$n"; S="$T/stty.$n"; F="$T/fg.$n"
	W=$(tm new-window -d -c "$T" -P -F '#{window_id}' \
		"stty -a > '$S.before'; trap : INT; env TERM=xterm-256color LC_ALL=C.UTF-8 '$CWGVIEW' 2>'$E'; st=\$?; stty -a > '$S.after'; echo \$(ps -o tpgid= -o pgid= -p \$\$) > '$F'; echo status \$st > '$R'")
	tm resize-window -t "$W" -x 80 -y 24
}

# rig_restored: the terminal is as it was before cwgview ran.
rig_restored() {
	restored && cmp -s "$S.before" "$S.after" &&
		[ "$(awk '{ print ($1 == $2) }' "$F")" = 1 ]
}

# gone PID: until process PID has ended (none, or a zombie left for an
# init that does not reap), at most 5 s.
gone() {
	i=0
	while [ $i -lt 100 ]; do
		st=$(ps -o stat= -p "$1" 2>/dev/null) || return 0
		case $st in Z*) return 0;; esac
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# pipe_sleep NAME: types | with a command that writes its pid to NAME and
# then sleeps for 30 s, and waits until it runs; sets $child.
pipe_sleep() {
	tm send-keys -t "$W" '|'
	tm send-keys -t "$W" -l "echo \$\$ > $1; exec sleep 30"
	tm send-keys -t "$W" Enter
	child=
	wait_file "$T/$1" && child=$(cat "$T/$1")
	[ -n "$child" ]
}

for sig in TERM HUP; do
	name="SIG$sig while | sleep 30 runs"
	start_rig
	if ! wait_for "$W" "简化和明确" || ! pipe_sleep "pipe.$sig"; then
		not_ok "$name" "never started: $(cat "$T/screen")"
		continue
	fi
	pkill -$sig -P "$(tm display -p -t "$W" '#{pane_pid}')"
	want="status $((128 + $(kill -l $sig)))"
	if wait_status && [ "$(cat "$R")" = "$want" ]; then
		ok "$name: cwgview ends at once ($want)"
	else
		not_ok "$name: cwgview ends at once" "got: $(cat "$R" 2>/dev/null || echo "still running")" "want: $want"
	fi
	if gone "$child"; then ok "$name: the command is stopped"
	else not_ok "$name: the command is stopped" "$(ps -o pid,pgid,stat,args -p "$child")"; kill "$child"; fi
	if wait_status && rig_restored; then ok "$name: the terminal is restored"
	else not_ok "$name: the terminal is restored" "foreground, own group: $(cat "$F")" "$(diff "$S.before" "$S.after")"; fi
done

name="^C while | sleep 30 runs"
start_rig
if wait_for "$W" "简化和明确" && pipe_sleep pipe.INT; then
	tm send-keys -t "$W" C-c
	if wait_for "$W" "[press Enter to return to cwgview]" && gone "$child" && [ ! -s "$R" ]; then
		ok "$name: ^C stops the command, and the browser waits for Enter"
	else
		not_ok "$name: ^C stops the command, and the browser waits for Enter" \
			"$(cat "$R" 2>/dev/null)" "$(cat "$T/screen")"
		kill "$child" 2>/dev/null
	fi
	tm send-keys -t "$W" Enter
	see "$name: Enter returns to the browser, which reports the command's end" \
		"exec sleep 30 was killed by signal 2" "简化和明确"
	tm send-keys -t "$W" j
	if wait_for "$W" "topic 2/10" && [ ! -s "$R" ]; then ok "$name: the browser carries on"
	else not_ok "$name: the browser carries on" "$(cat "$R" 2>/dev/null)" "$(tail -n 1 "$T/screen")"; fi
	tm send-keys -t "$W" q
	if wait_status && [ "$(cat "$R")" = "status 0" ] && rig_restored; then
		ok "$name: q then quits with status 0, the terminal restored"
	else
		not_ok "$name: q then quits with status 0, the terminal restored" "$(cat "$R")" \
			"foreground, own group: $(cat "$F")"
	fi
else
	not_ok "$name" "never started: $(cat "$T/screen")"
fi

# The terminal is resized while | runs: the SIGWINCH goes to the command's
# process group, in the foreground, not to the browser, which still comes
# back at the new size (ncurses asks the terminal's size on the way back
# from endwin).
name="a resize while | runs"
start_rig
if wait_for "$W" "简化和明确" && pipe_sleep pipe.WINCH; then
	tm resize-window -t "$W" -x 40 -y 20
	tm send-keys -t "$W" C-c
	wait_for "$W" "[press Enter to return to cwgview]"
	tm send-keys -t "$W" Enter
	# (Narrow: the topics alone under a tab bar, no inputs pane.)
	if wait_for "$W" "[Topics]" "简化和明确" && ! grep -qF "输入 · 1" "$T/screen"; then
		ok "$name: the browser comes back laid out for 40x20"
	else
		not_ok "$name: the browser comes back laid out for 40x20" "$(cat "$T/screen")"
	fi
	aligned "$name: borders aligned at 40 columns" 40
	tm send-keys -t "$W" q
else
	not_ok "$name" "never started: $(cat "$T/screen")"
fi

# ^C while p's print command runs (the browser has the terminal, the
# command is in a process group of its own): the browser stops the
# command, says so, and goes on.
name="^C while the print command runs"
n=$((n + 1)); R="$T/status.$n"; E="$T/stderr.$n"
W=$(tm new-window -d -c "$T" -P -F '#{window_id}' \
	"trap : INT; env TERM=xterm-256color LC_ALL=C.UTF-8 CWGVIEW_PRINT_COMMAND='echo \$\$ > print.INT; exec sleep 30' '$CWGVIEW' 2>'$E'; echo status \$? > '$R'")
tm resize-window -t "$W" -x 80 -y 24
if wait_for "$W" "简化和明确"; then
	tm send-keys -t "$W" p
	wait_for "$W" "(y/n)"
	tm send-keys -t "$W" y
	if wait_file "$T/print.INT"; then
		child=$(cat "$T/print.INT")
		tm send-keys -t "$W" C-c
		see "$name: ^C stops it, and the status line says so" \
			"exec sleep 30 was stopped: cwgview got signal 2"
		if gone "$child"; then ok "$name: the command is gone"
		else not_ok "$name: the command is gone" "$(ps -o pid,stat,args -p "$child")"; kill "$child"; fi
		tm send-keys -t "$W" j
		if wait_for "$W" "topic 2/10" && [ ! -s "$R" ]; then ok "$name: the browser carries on"
		else not_ok "$name: the browser carries on" "$(cat "$R" 2>/dev/null)" "$(tail -n 1 "$T/screen")"; fi
	else
		not_ok "$name" "the print command never ran: $(cat "$T/screen")"
	fi
	tm send-keys -t "$W" q
else
	not_ok "$name" "never started: $(cat "$T/screen")"
fi

# The terminal goes away while SIGHUP is ignored (nohup, some session
# managers): no signal comes, reads fail with EIO, and cwgview must end as
# for SIGHUP instead of reading again at full CPU for ever.  The shell
# around it ignores SIGHUP too, so it lives to write cwgview's status.
n=$((n + 1)); R="$T/status.$n"; E="$T/stderr.$n"
W=$(tm new-window -d -P -F '#{window_id}' \
	"trap '' HUP; env TERM=xterm-256color LC_ALL=C.UTF-8 '$CWGVIEW' 2>'$E'; echo status \$? > '$R'")
if wait_for "$W" "简化和明确"; then
	shell=$(tm display -p -t "$W" '#{pane_pid}')
	tm kill-window -t "$W"
	if wait_status && [ "$(cat "$R")" = "status 129" ]; then
		ok "the terminal closed with SIGHUP ignored: cwgview ends (status 129)"
	else
		not_ok "the terminal closed with SIGHUP ignored: cwgview ends (status 129)" \
			"got: $(cat "$R" 2>/dev/null || echo "still running")"
		pkill -KILL -P "$shell" # nothing left spinning after the test
	fi
else
	not_ok "the terminal closed with SIGHUP ignored" "never started: $(cat "$T/screen")"
fi

# A signal ignored when cwgview starts stays ignored, as for any child of
# a shell that ignores it: ^C then leaves the browser running, and q ends
# it normally.
n=$((n + 1)); R="$T/status.$n"; E="$T/stderr.$n"
W=$(tm new-window -d -P -F '#{window_id}' \
	"trap '' INT; env TERM=xterm-256color LC_ALL=C.UTF-8 '$CWGVIEW' 2>'$E'; echo status \$? > '$R'")
if wait_for "$W" "简化和明确"; then
	tm send-keys -t "$W" C-c j
	if wait_for "$W" "topic 2/10" && [ ! -s "$R" ]; then
		ok "SIGINT ignored at start: ^C leaves the browser running"
	else
		not_ok "SIGINT ignored at start: ^C leaves the browser running" \
			"$(cat "$R" 2>/dev/null)" "$(tail -n 1 "$T/screen")"
	fi
	tm send-keys -t "$W" q
	if wait_status && [ "$(cat "$R")" = "status 0" ]; then
		ok "SIGINT ignored at start: q still quits with status 0"
	else
		not_ok "SIGINT ignored at start: q still quits with status 0" "$(cat "$R")"
	fi
else
	not_ok "SIGINT ignored at start" "never started: $(cat "$T/screen")"
fi

# ^Z and fg from an interactive shell, as people suspend less or mutt: the
# shell gets a sane terminal (its input echoed, the alternate screen left),
# and fg brings the browser back where it was.
W=$(tm new-window -d -P -F '#{window_id}' \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile -i")
tm resize-window -t "$W" -x 80 -y 24
tm send-keys -t "$W" "'$CWGVIEW'" Enter
# (^Z makes the terminal drop unread input, so j must be read first.)
wait_for "$W" "简化和明确" && tm send-keys -t "$W" j
if wait_for "$W" "简化和明确" "topic 2/10"; then
	tm send-keys -t "$W" C-z
	# The shell's "Stopped" first: a key typed before the stop flushed
	# the terminal's input is lost (CI saw "cho …: command not found").
	wait_for "$W" "Stopped"
	tm send-keys -t "$W" -l 'echo "six times seven: $((6*7))"'
	tm send-keys -t "$W" Enter
	if wait_for "$W" "Stopped" 'echo "six times seven: $((6*7))"' "six times seven: 42" &&
	   restored; then
		ok "^Z stops the browser and gives the shell a sane terminal"
	else
		not_ok "^Z stops the browser and gives the shell a sane terminal" "$(cat "$T/screen")"
	fi
	tm send-keys -t "$W" fg Enter
	if wait_for "$W" "简化和明确" "topic 2/10"; then
		tm send-keys -t "$W" j
		if wait_for "$W" "topic 3/10"; then ok "fg brings the browser back as it was, and keys work"
		else not_ok "fg: keys work again" "$(cat "$T/screen")"; fi
	else
		not_ok "fg brings the browser back as it was" "$(cat "$T/screen")"
	fi
	tm send-keys -t "$W" q
	tm send-keys -t "$W" -l 'echo "status $?"'
	tm send-keys -t "$W" Enter
	see "after ^Z and fg, q quits with status 0" "status 0"
else
	not_ok "^Z and fg" "never started: $(cat "$T/screen")"
fi
tm kill-window -t "$W"

# ^Z while a | command has the terminal: the command stops, then the
# browser, so the shell gets the terminal; fg continues both, the command
# with the terminal again (^C reaches it), and the browser comes back.
W=$(tm new-window -d -c "$T" -P -F '#{window_id}' \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile -i")
tm resize-window -t "$W" -x 80 -y 24
tm send-keys -t "$W" "'$CWGVIEW'" Enter
name="^Z while | sleep 30 runs"
if wait_for "$W" "简化和明确" && pipe_sleep pipe.TSTP; then
	tm send-keys -t "$W" C-z
	if wait_for "$W" "Stopped" && case $(ps -o stat= -p "$child") in T*) true;; *) false;; esac; then
		ok "$name: the command and the browser stop, the shell has the terminal"
	else
		not_ok "$name: the command and the browser stop, the shell has the terminal" \
			"$(ps -o pid,stat,args -p "$child")" "$(cat "$T/screen")"
	fi
	tm send-keys -t "$W" fg Enter
	i=0
	while [ $i -lt 300 ] && case $(ps -o stat= -p "$child") in T*) true;; *) false;; esac; do
		sleep 0.05; i=$((i + 1))
	done
	tm send-keys -t "$W" C-c
	if wait_for "$W" "[press Enter to return to cwgview]" && gone "$child"; then
		ok "$name: fg continues the command, on the terminal: ^C stops it"
	else
		not_ok "$name: fg continues the command, on the terminal: ^C stops it" \
			"$(ps -o pid,stat,args -p "$child")" "$(cat "$T/screen")"
		kill "$child" 2>/dev/null
	fi
	tm send-keys -t "$W" Enter
	see "$name: Enter returns to the browser" "was killed by signal 2" "简化和明确"
	tm send-keys -t "$W" q
	tm send-keys -t "$W" -l 'echo "status $?"'
	tm send-keys -t "$W" Enter
	see "$name: q then quits with status 0" "status 0"
else
	not_ok "$name" "never started: $(cat "$T/screen")"
fi
tm kill-window -t "$W"

# y puts a citation on the clipboard with OSC 52: tmux, with
# set-clipboard on, takes it into its paste buffer, base64 decoded.
tm set-option -g set-clipboard on
tm delete-buffer 2>/dev/null
start 100x30 TERM=xterm-256color LC_ALL=C.UTF-8 HOME="$T" XDG_STATE_HOME="$T/state"
if wait_for "$W" "简化和明确"; then
	tm send-keys -t "$W" /
	tm send-keys -t "$W" -l "加速器实验室"
	tm send-keys -t "$W" Enter
	# (Enter before the index is built shows the hit once it is.)
	wait_for "$W" "/加速器实验室 1/1"
	tm send-keys -t "$W" y
	want="CWG-SFP-1/5（普华永道关于区域代表处的报告）1.3.2，主题 3 国际电联是一家"
	i=0 got=
	while [ $i -lt 300 ]; do
		got=$(tm show-buffer 2>/dev/null) && [ -n "$got" ] && break
		sleep 0.05; i=$((i + 1))
	done
	expect_eq "y: the citation reaches the clipboard through OSC 52" "$want" "$got"
	tm send-keys -t "$W" q
else
	not_ok "y: the citation reaches the clipboard through OSC 52" "never started: $(cat "$T/screen")"
fi
tm kill-window -t "$W"
tm set-option -g set-clipboard external

# One keystroke, one burst: the browser batches with wnoutrefresh and one
# doupdate, and (after its start-up endwin/doupdate, see tui.c) ncurses
# sends each keystroke's update in a single write, one packet over ssh.
# strace counts the writes to the terminal between the reads of keys.
if ! command -v strace >/dev/null 2>&1; then
	skip "one write per keystroke" "strace is not installed (./build.sh check installs it)"
elif ! strace -o /dev/null true 2>"$T/strace.err"; then
	skip "one write per keystroke" "strace cannot trace here: $(head -n 1 "$T/strace.err")"
else
	n=$((n + 1)); R="$T/status.$n"; E="$T/stderr.$n"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 strace -o '$T/trace' -e trace=read,write -e signal=none -s 0 '$CWGVIEW' 2>'$E'; echo status \$? > '$R'")
	tm resize-window -t "$W" -x 80 -y 24
	keys_ok=true
	if wait_for "$W" "简化和明确"; then
		# KEY:TEXT — press KEY, wait until the screen shows TEXT.
		for step in "j:topic 2/10" "j:topic 3/10" "Tab:1-11" \
			    "j:2-12" "]:4/10" "[:3/10"; do
			tm send-keys -t "$W" "${step%%:*}"
			wait_for "$W" "${step#*:}" || { keys_ok=false; break; }
		done
	else
		keys_ok=false
	fi
	tm send-keys -t "$W" q
	# Writes to fd 1 after each one-byte read from fd 0, without the
	# start-up (before the first key) and q (the exit's own output).
	counts=$(wait_status && awk '
		/^read\(0,.*= 1$/ { if (k++) { printf "%s%d", sep, w; sep = " " } w = 0; next }
		/^write\(1,/ { w++ }' "$T/trace")
	if $keys_ok && [ "$counts" = "1 1 1 1 1 1" ]; then
		ok "one write per keystroke (j j Tab j ] [: $counts)"
	else
		not_ok "one write per keystroke" "writes per key: $counts (want 1 1 1 1 1 1)" \
			"keys seen: $keys_ok" "$(tail -n 1 "$T/screen")"
	fi
fi

# The terminal types people have, ACS borders falling back where needed.
for term in xterm-256color screen-256color tmux-256color linux vt100; do
	start 80x24 TERM=$term LC_ALL=C.UTF-8
	see "TERM=$term shows the topics" "简化和明确" "国际电联是一家"
	tm send-keys -t "$W" 7 g
	see "TERM=$term: 7g shows topic 7" "输入 · 7 区域代表处"
	aligned "TERM=$term: topic 7, borders aligned on every row" 80
	tm send-keys -t "$W" q
	# (Under the sanitizers a leak report would make the status 1: with
	# TERM=linux, ncurses' mousemask tries GPM and leaks 10 bytes.)
	if wait_status && [ "$(cat "$R")" = "status 0" ] && [ ! -s "$E" ]; then
		ok "TERM=$term: q quits with status 0 and nothing on stderr"
	else
		not_ok "TERM=$term: q quits with status 0 and nothing on stderr" "$(cat "$R")" "$(head -n 12 "$E")"
	fi
done

# Over SSH the locale is often POSIX: cwgview switches LC_CTYPE to a UTF-8
# locale, says so once, and still shows Chinese.
start 80x24 TERM=xterm-256color LC_ALL=POSIX LANG= LC_CTYPE=
see "POSIX locale: switches to UTF-8 and says so" "locale C is not UTF-8; using C.UTF-8" "简化和明确"
tm send-keys -t "$W" j
if wait_for "$W" "topic 2/10" && ! grep -q "is not UTF-8" "$T/screen"; then
	ok "the locale notice shows once"
else
	not_ok "the locale notice shows once" "$(tail -n 1 "$T/screen")"
fi
tm send-keys -t "$W" q

# Terminals that cannot run a full-screen program: a clear error, status 2.
esc_term=$(printf 'bad\033[2Jterm')
for term in dumb no-such-terminal "$esc_term"; do
	label="TERM=$term"
	[ "$term" = "$esc_term" ] && label="a TERM holding an escape sequence"
	start 80x24 TERM=$term LC_ALL=C.UTF-8
	if wait_status && [ "$(cat "$R")" = "status 2" ] && [ "$(line_count "$E")" = 1 ] &&
	   grep -q "^cwgview: .*use --print" "$E" && ! grep -q "$(printf '\033')" "$E"; then
		ok "$label: $(cat "$E")"
	else
		not_ok "$label gives one clean error line and status 2" "$(cat "$R")" \
			"$(sed 's/\x1b/^[/g' "$E")"
	fi
done

done_testing
