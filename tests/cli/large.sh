#!/bin/sh
# A large document in a real terminal: the search prompt answers while the
# index is still being built (it says "indexing…" and searches once the
# index is there, without a key), and Enter pressed before then shows the
# first hit once it is, while other keys work meanwhile.  Whether the
# index was still being built when a key went in is read from /proc: the
# builder is the browser's second thread.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"
. "$top_srcdir/tests/lib/bigdoc.sh"

bigdoc 2500 "$T/big.yaml" # 62 MB, 25000 topics

n=0
start() { # a window on the big document; $W, $R, $P (its pid)
	n=$((n + 1)); R="$T/status.$n"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"exec env TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' '$CWGVIEW_REAL' '$T/big.yaml' 2>'$T/err.$n'")
	tm resize-window -t "$W" -x 120 -y 40
	P=$(tm display -p -t "$W" '#{pane_pid}')
}
threads() { ls "/proc/$P/task" 2>/dev/null | wc -l | tr -d ' '; }

start
see "the large document opens" "简化和明确" "topic 1/25000"
if [ "$(threads)" -lt 2 ]; then
	skip "/ and a key while the index is built: the prompt says indexing…" "the index was built before a key could be sent ($(threads) thread)"
	skip "the search runs once the index is there, with no key" "the index was built before a key could be sent"
else
	tm send-keys -t "$W" / 国
	see "/ and a key while the index is built: the prompt says indexing…" "/国" "indexing…"
	# 国 is in every copy's topic 1: the first hit is there.
	see "the search runs once the index is there, with no key" "/国" "1/"
fi
tm send-keys -t "$W" Escape q
tm kill-window -t "$W" 2>/dev/null

start
see "the large document opens again" "简化和明确"
if [ "$(threads)" -lt 2 ]; then
	skip "Enter before the index is built: it says it will search" "the index was built before a key could be sent"
	skip "and shows the first hit once it is" "the index was built before a key could be sent"
else
	tm send-keys -t "$W" / 区域代表处 Enter
	see "Enter before the index is built: it says it will search" "searching once the index is built…"
	see "and shows the first hit once it is" "/区域代表处 1/"
fi
tm send-keys -t "$W" q
tm kill-window -t "$W" 2>/dev/null

done_testing
