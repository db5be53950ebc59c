#!/bin/sh
# A terminal that draws the East Asian Ambiguous characters (– • “ ” … · §
# and the box lines) two columns wide, as PuTTY's CJK option, Xshell,
# iTerm2, GNOME Terminal set so, or xterm -cjk_width do: tmux, whose
# widths come from wcwidth() in the locale it picks for itself, runs with
# LOCPATH at a C.UTF-8 compiled so (tests/lib/ambwide.sh).  cwgview inside
# runs in the ordinary C.UTF-8 and must find out by itself (it asks the
# terminal where its cursor went after an ambiguous character).  Each
# screen is checked with that locale's wcwidth, apart from cwgview: every
# row fits and every border is in the same columns on every row.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/ambwide.sh"
amb_locale "$T/amb" || skip_all "no ambiguous-wide locale to run tmux in: $amb_why"
# The tmux server tmuxlib starts takes the locale; the windows do not.
LOCPATH="$T/amb"; export LOCPATH
. "$top_srcdir/tests/lib/tmuxlib.sh"
unset LOCPATH

# wide_aligned NAME COLS: the last screen read fits COLS columns of the
# wide terminal and its borders (ASCII there) line up on every row.
wide_aligned() {
	if al_out=$(LOCPATH="$T/amb" "$check" "$T/screen" "$2" ascii); then ok "$1"
	else not_ok "$1" "$al_out" "$(cat "$T/screen")"; fi
}

# start COLSxROWS ARG…: cwgview ARG… in a new window of that size, in the
# ordinary C.UTF-8 (start_window: $W, $R, $E).
start() {
	size=$1; shift
	start_window "$size" "env -u LOCPATH TERM=xterm-256color LC_ALL=C.UTF-8 '$CWGVIEW' $*"
}

# First, that the terminal is one: a middle dot moves its cursor two.
W=$(tm new-window -d -P -F '#{window_id}' "printf '\302\267'; exec cat")
i=0 x=0
while [ $i -lt 100 ]; do
	x=$(tm display -p -t "$W" '#{cursor_x}')
	[ "$x" != 0 ] && break
	sleep 0.05; i=$((i + 1))
done
[ "$x" = 2 ] || skip_all "tmux does not take its widths from LOCPATH's locale (· moved the cursor $x)"
ok "the terminal draws · two columns wide"

for size in 100x30 80x24 40x20; do
	cols=${size%x*}
	start "$size"
	see "$size: opens" "1/10"
	if grep -q '^+' "$T/screen" && ! grep -q '┌' "$T/screen"; then
		ok "$size: found the terminal wide by itself: ASCII borders"
	else
		not_ok "$size: found the terminal wide by itself: ASCII borders" "$(cat "$T/screen")"
	fi
	wide_aligned "$size: topic 1 aligned" "$cols"
	for k in 3 7 10; do
		tm send-keys -t "$W" "$k" g
		see "$size: topic $k" "$k/10"
		wide_aligned "$size: topic $k aligned" "$cols"
	done
	tm send-keys -t "$W" 7 g Tab j j
	i=0
	while [ $i -lt 300 ]; do
		capture "$W" > "$T/screen"
		grep -qE '输入 (lines )?3-' "$T/screen" && break
		sleep 0.05; i=$((i + 1))
	done
	if [ $i -lt 300 ] && wait_for "$W" "7/10"; then ok "$size: topic 7's inputs scrolled"
	else not_ok "$size: topic 7's inputs scrolled" "$(cat "$T/screen")"; fi
	wide_aligned "$size: topic 7's inputs scrolled, aligned" "$cols"
	tm send-keys -t "$W" h
	see "$size: help" "q"
	wide_aligned "$size: help aligned" "$cols"
	tm send-keys -t "$W" q q
	if wait_status && [ "$(cat "$R")" = "status 0" ] &&
	   [ "$(tm display -p -t "$W" '#{alternate_on}')" = 0 ] &&
	   ! capture "$W" | grep -q '▽'; then
		ok "$size: q quits, and the question left nothing on the screen"
	else
		not_ok "$size: q quits, and the question left nothing on the screen" \
			"$(cat "$R" "$E")" "$(capture "$W")"
	fi
done

# Told otherwise, it is laid out for a narrow terminal, and the borders
# break here: what the check above would catch.
start 80x24 --ambiguous-width=1
see "--ambiguous-width=1 opens" "1/10"
if ! LOCPATH="$T/amb" "$check" "$T/screen" 80 >/dev/null; then
	ok "--ambiguous-width=1 in the wide terminal: the check sees the borders break"
else
	not_ok "--ambiguous-width=1 in the wide terminal: the check sees the borders break" "$(cat "$T/screen")"
fi
tm send-keys -t "$W" q

# A terminal that never answers the question (tests/lib/ptyrun, silent):
# the first frame comes all the same, once the wait is over.
r=$(env PTYRUN_SILENT=1 TERM=xterm-256color LC_ALL=C.UTF-8 HOME="$T" \
	"$top_builddir/tests/lib/ptyrun" "topic 1/" 15 10 "$CWGVIEW_REAL")
expect_eq "a terminal that does not answer: the first frame all the same" "signal 15" "$r"

# --print for people who cat it on such a terminal: measured there with
# wc -L, no line is wider than --width; laid out for narrow, some are.
amb_max() { LOCPATH="$T/amb" LC_ALL=C.UTF-8 wc -L <"$1" | tr -d ' '; }
for w in 40 80; do
	run --print all --width "$w" --ambiguous-width=2
	got=$(amb_max "$T/out")
	if [ "$status" -eq 0 ] && [ "$got" -le "$w" ] && [ "$got" -ge $((w - 4)) ]; then
		ok "--print --width $w --ambiguous-width=2: widest line $got on the wide terminal"
	else
		not_ok "--print --width $w --ambiguous-width=2" "status $status, widest line $got"
	fi
	run --print all --width "$w"
	got=$(amb_max "$T/out")
	if [ "$got" -gt "$w" ]; then ok "--print --width $w for a narrow terminal: $got on the wide one"
	else not_ok "--print --width $w for a narrow terminal overflows the wide one" "widest $got"; fi
done
run --print 1 --ambiguous-width=3
if [ "$status" -eq 2 ] && grep -q "ambiguous-width" "$T/err"; then
	ok "--ambiguous-width=3: a usage error"
else
	not_ok "--ambiguous-width=3: a usage error" "status $status" "$(cat "$T/err")"
fi

done_testing
