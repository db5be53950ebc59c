#!/bin/sh
# Whatever the terminal sends, the browser answers: bytes that are not
# UTF-8 (Alt with 8-bit meta sends 0xFF, a Latin-1 terminal é as 0xE9, a
# GB18030 one 中 as D6 D0, a character cut short) are dropped with a
# notice, and the keys after them work, in the browser and in the search
# prompt.  Only EIO or end of file ends the browser (tests/cli/tmux.sh has
# the plain hang-up cases).  tmux send-keys -H types raw bytes; every wait
# polls with a deadline.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"

# start NAME ENV…: a new window running cwgview with ENV; $W its id, $R a
# file that receives "status N" when cwgview ends.
start() {
	R="$T/status.$1"; shift
	W=$(tm new-window -d -P -F '#{window_id}' \
		"trap '' HUP; env $* '$CWGVIEW' 2>'$T/stderr'; echo status \$? > '$R'")
	tm resize-window -t "$W" -x 80 -y 24
}

# bytes HEX…: raw bytes to the pane, as a terminal would send them.
bytes() { tm send-keys -t "$W" -H "$@"; }

utf8="TERM=xterm-256color LC_ALL=C.UTF-8"
# Over ssh: cwgview switches LC_CTYPE to C.UTF-8 (README, Over SSH).
posix="TERM=xterm-256color LC_ALL=POSIX LANG= LC_CTYPE="
for loc in utf8 posix; do
	eval "env_vars=\$$loc"
	start "$loc" "$env_vars" HOME="$T/$loc" XDG_STATE_HOME="$T/$loc/state"
	if ! wait_for "$W" "简化和明确"; then
		not_ok "$loc: the browser starts" "$(cat "$T/screen")"
		continue
	fi

	bytes ff
	see "$loc: a lone 0xFF is dropped with a notice" \
		"ignored an invalid byte from the terminal (0xFF)"
	tm send-keys -t "$W" j
	if wait_for "$W" "topic 2/10" "输入 · 2 " && ! grep -q "ignored" "$T/screen"; then
		ok "$loc: j after 0xFF moves, and the notice is gone"
	else
		not_ok "$loc: j after 0xFF moves, and the notice is gone" "$(tail -n 1 "$T/screen")"
	fi

	# Latin-1 é, j in the same write: é cannot be followed by j in
	# UTF-8, so it is dropped and j is read afresh.
	bytes e9 6a
	see "$loc: Latin-1 é (0xE9) then j: j moves, the notice stays" \
		"输入 · 3 " "ignored an invalid byte from the terminal (0xE9)"

	# A character cut short and nothing after it: dropped once nothing
	# more comes; then j.
	bytes e5
	see "$loc: a truncated UTF-8 sequence (E5) alone is dropped with a notice" \
		"输入 · 3 " "ignored an invalid byte from the terminal (0xE5)"
	tm send-keys -t "$W" j
	see "$loc: j after the truncated sequence moves" "topic 4/10" "输入 · 4 "

	# A key from an escape sequence cuts a character short (ncursesw
	# took that for a hang-up).  ESC O B: Down, as xterm sends it once
	# cwgview has turned keypad mode on.
	bytes e5 1b 4f 42
	see "$loc: E5 then Down: Down moves, E5 is dropped" \
		"输入 · 5 " "ignored an invalid byte from the terminal (0xE5)"

	# A GB18030 terminal's 中: two bytes, one notice.
	bytes d6 d0
	see "$loc: GB18030 中 (D6 D0): both bytes dropped, one notice" \
		"ignored 2 invalid bytes from the terminal (0xD6 0xD0)"

	# The search prompt: the bad bytes never reach the query.  The E5
	# before 实 (E5 AE 9E) is even the same byte as 实's first.
	tm send-keys -t "$W" /
	bytes ff
	see "$loc: an invalid byte in the prompt: a brief notice" "invalid byte 0xFF ignored"
	tm send-keys -t "$W" -l "加速器"
	bytes e5
	tm send-keys -t "$W" -l "实验室"
	see "$loc: Chinese typed after invalid bytes searches for exactly that" \
		"/加速器实验室" "1/1" "输入 · 3 国际电联是一家"
	# The note is for one key: the next gives the count back.
	bytes ff
	see "$loc: 0xFF in the prompt: the note takes the count's place" \
		"/加速器实验室" "invalid byte 0xFF ignored"
	tm send-keys -t "$W" Left
	if wait_for "$W" "/加速器实验室" "1/1" && ! grep -q "ignored" "$T/screen"; then
		ok "$loc: the next key in the prompt gives the count back"
	else
		not_ok "$loc: the next key in the prompt gives the count back" "$(tail -n 1 "$T/screen")"
	fi
	tm send-keys -t "$W" Enter
	hist="$T/$loc/state/cwgview/history"
	if wait_for "$W" " 3/10 " && [ -s "$hist" ] &&
	   [ "$(cat "$hist")" = "加速器实验室" ]; then
		ok "$loc: the query saved is 加速器实验室, not a byte more"
	else
		not_ok "$loc: the query saved is 加速器实验室, not a byte more" \
			"history: $(od -c "$hist" 2>&1 | head -n 3)" "$(tail -n 1 "$T/screen")"
	fi

	tm send-keys -t "$W" q
	if wait_status && [ "$(cat "$R")" = "status 0" ]; then
		ok "$loc: after all that, q quits with status 0"
	else
		not_ok "$loc: after all that, q quits with status 0" \
			"got: $(cat "$R" 2>/dev/null || echo "still running")" "$(cat "$T/stderr")"
	fi
done

# A terminal that goes away in the middle of a character (SIGHUP ignored,
# so only the read sees it) still ends the browser as a hang-up.
start hup "$utf8"
if wait_for "$W" "简化和明确"; then
	shell=$(tm display -p -t "$W" '#{pane_pid}')
	bytes e5
	tm kill-window -t "$W"
	if wait_status && [ "$(cat "$R")" = "status 129" ]; then
		ok "the terminal closed after half a character: cwgview ends (status 129)"
	else
		not_ok "the terminal closed after half a character: cwgview ends (status 129)" \
			"got: $(cat "$R" 2>/dev/null || echo "still running")"
		pkill -KILL -P "$shell" # nothing left spinning after the test
	fi
else
	not_ok "the terminal closed after half a character" "never started: $(cat "$T/screen")"
fi

done_testing
