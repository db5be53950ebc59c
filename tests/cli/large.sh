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
# make check's ASAN_OPTIONS unwind the stack slowly at every malloc (for
# the font libraries' leak suppressions): that makes a 62 MB load take a
# minute.  Nothing here loads fonts, so these browsers unwind fast (on
# their command lines: a tmux window has the server's environment).
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"

n=0
start() { # a window on the big document; $W, $R, $P (its pid)
	n=$((n + 1)); R="$T/status.$n"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"exec env ASAN_OPTIONS='$asan' TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' '$CWGVIEW_REAL' '$T/big.yaml' 2>'$T/err.$n'")
	tm resize-window -t "$W" -x 120 -y 40
	P=$(tm display -p -t "$W" '#{pane_pid}')
}
threads() { ls "/proc/$P/task" 2>/dev/null | wc -l | tr -d ' '; }

# shows TEXT…: until the pane shows every TEXT, without waiting for the
# screen to settle (it changes as the load goes on), at most 15 s.
shows() {
	i=0
	while [ $i -lt 300 ]; do
		capture "$W" > "$T/screen"
		all=1
		for x in "$@"; do grep -qF -- "$x" "$T/screen" || { all=0; break; }; done
		[ $all = 1 ] && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}
check() { # NAME TEXT…
	c_name=$1; shift
	if shows "$@"; then ok "$c_name"; else not_ok "$c_name" "$(cat "$T/screen")"; fi
}

# ---- opening before the load is done ----
start
check "the first topics show while the rest loads, with its progress" "简化和明确" "loading " "% · topic 1/"
tm send-keys -t "$W" j
if shows "topic 2/" && grep -q "loading " "$T/screen"; then
	ok "keys work during the load (j: topic 2, still loading)"
elif grep -q "topic 2/25000" "$T/screen"; then
	skip "keys work during the load" "the load ended before j was read"
else
	not_ok "keys work during the load" "$(cat "$T/screen")"
fi
tm send-keys -t "$W" '&'
if shows "the document is still loading"; then
	ok "& during the load says it needs the whole document"
elif grep -q "topic 2/25000" "$T/screen"; then
	skip "& during the load says it needs the whole document" "the load ended before & was read"
else
	not_ok "& during the load says it needs the whole document" "$(cat "$T/screen")"
fi
tm send-keys -t "$W" j # (a key ends the notice)
see "the whole document is there" "topic 3/25000"
# The last topic comes a moment before the load ends (the loader still
# checks the see: references): the progress goes then, with no key.
i=0
while [ $i -lt 300 ] && grep -q "loading " "$T/screen"; do
	sleep 0.05; i=$((i + 1)); capture "$W" > "$T/screen"
done
if grep -q "loading " "$T/screen"; then not_ok "the load ends: no progress shown" "$(tail -n 1 "$T/screen")"
else ok "the load ends: no progress shown"; fi
tm send-keys -t "$W" Escape q
tm kill-window -t "$W" 2>/dev/null

# ---- SIGTERM the moment the first frame is out, on a pseudo-terminal
# (tests/lib/ptyrun): the browser is then taking the next topics and
# drawing again, and a signal that came between the loop's look at it and
# the wait for a key went unnoticed until the next key (make bench hung on
# it). ----
for doc in "$top_srcdir/data/cwgsfp.yaml" "$T/big.yaml"; do
	got= all=true
	for try in 1 2 3 4 5 6 7 8 9 10; do
		r=$(env ASAN_OPTIONS="$asan" TERM=xterm-256color HOME="$T" \
			"$top_builddir/tests/lib/ptyrun" "topic 1/" 15 10 "$CWGVIEW_REAL" "$doc")
		got="$got $r"
		[ "$r" = "signal 15" ] || all=false
	done
	if $all; then ok "SIGTERM at the first frame of $(basename "$doc") ends it, 10 times of 10"
	else not_ok "SIGTERM at the first frame of $(basename "$doc") ends it every time" "got:$got"; fi
done

# ---- an error found after the first frame ----
cp "$T/big.yaml" "$T/late.yaml"
printf '  - number: 1\n    title: "again"\n    inputs: []\n    guidance: []\n' >> "$T/late.yaml"
dup_line=$(($(wc -l < "$T/big.yaml") + 1))
R="$T/status.late"
W=$(tm new-window -d -P -F '#{window_id}' \
	"env ASAN_OPTIONS='$asan' TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' '$CWGVIEW_REAL' '$T/late.yaml' 2>'$T/err.late'; echo status \$? > '$R'")
tm resize-window -t "$W" -x 120 -y 40
check "a file bad at its end: its first topics show while it loads" "简化和明确" "loading "
if wait_status && [ "$(cat "$R")" = "status 2" ] && [ "$(line_count "$T/err.late")" = 1 ] &&
   grep -qxF "cwgview: $T/late.yaml:$dup_line:13: duplicate topic number 1 (first used on line 13)" "$T/err.late"; then
	ok "then the browser ends with the loader's one line, status 2"
else
	not_ok "then the browser ends with the loader's one line, status 2" "$(cat "$R" 2>/dev/null)" "$(cat "$T/err.late")"
fi
if [ "$(tm display -p -t "$W" '#{alternate_on}')" = 0 ]; then ok "and the terminal is restored"
else not_ok "and the terminal is restored" "$(capture "$W")"; fi
tm kill-window -t "$W" 2>/dev/null

# ---- an error before the first topic ----
# A file bad in its header, or one that cannot be read at all, on a
# terminal: the loader's one line, status 2, and the terminal as it was.
printf 'format: cwgview/1\ntitle: [T\n' > "$T/early.yaml"
: > "$T/none.yaml"; rm -f "$T/none.yaml"
for f in early none; do
	R="$T/status.$f"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"env ASAN_OPTIONS='$asan' TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' '$CWGVIEW_REAL' '$T/$f.yaml' 2>'$T/err.$f'; echo status \$? > '$R'")
	case $f in
	early) want="cwgview: $T/early.yaml:2:8: \"title\" must be a string, not a sequence" ;;
	none) want="cwgview: $T/none.yaml: No such file or directory" ;;
	esac
	if wait_status && [ "$(cat "$R")" = "status 2" ] && [ "$(cat "$T/err.$f")" = "$want" ]; then
		ok "$f.yaml on a terminal: the loader's one line, status 2"
	else
		not_ok "$f.yaml on a terminal: the loader's one line, status 2" "$(cat "$R" 2>/dev/null)" "want: $want" " got: $(cat "$T/err.$f")"
	fi
	if [ "$(tm display -p -t "$W" '#{alternate_on}')" = 0 ]; then ok "$f.yaml: the terminal is restored"
	else not_ok "$f.yaml: the terminal is restored" "$(capture "$W")"; fi
	tm kill-window -t "$W" 2>/dev/null
done

# ---- the index, after the load ----
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
# Enter while the file still loads: the search waits for the load and
# then the index, whichever way the timing goes, and keys work meanwhile.
check "the large document opens again, loading" "简化和明确" "loading "
tm send-keys -t "$W" / 区域代表处 Enter
check "Enter before the document and its index are there: it says it will search" \
	"searching once the index is built…"
see "and shows the first hit once they are" "/区域代表处 1/"
tm send-keys -t "$W" q
tm kill-window -t "$W" 2>/dev/null

done_testing
