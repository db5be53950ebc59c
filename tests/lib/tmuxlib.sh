# tmux helpers for the end-to-end shell tests (sourced after tests/lib/lib.sh):
# one private tmux server with an idle first window, tm to talk to it,
# wait_for to poll a pane.  Every wait polls with a deadline; there are no
# fixed sleeps.
command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed (./build.sh check installs it)"
check="$top_builddir/tests/lib/screencheck"
sock="$T/tmux.sock"
tm() { tmux -u -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

# capture TARGET: the pane's text as a person sees it.  A plain
# capture-pane gives line-drawing characters drawn through the terminal's
# alternate character set as the letters sent for them (x for │, q for ─),
# so a border check on it would find no border at all; with -e the
# character set shifts (SO … SI) are there, and are turned into the box
# characters here, while colours and attributes are dropped.
capture() {
	tm capture-pane -e -p -t "$1" 2>/dev/null | sed 's/\x1b\[[0-9;:]*m//g' | awk '
		BEGIN {
			box["l"] = "┌"; box["k"] = "┐"; box["m"] = "└"; box["j"] = "┘"
			box["x"] = "│"; box["q"] = "─"; box["t"] = "├"; box["u"] = "┤"
			box["w"] = "┬"; box["v"] = "┴"; box["n"] = "┼"
		}
		{
			out = ""
			for (i = 1; i <= length($0); i++) {
				c = substr($0, i, 1)
				if (c == "\016") { so = 1; continue }
				if (c == "\017") { so = 0; continue }
				out = out ((so && (c in box)) ? box[c] : c)
			}
			print out
		}'
}

# wait_for TARGET TEXT…: until the pane shows every TEXT and two captures in
# a row are the same, at most 15 s.  A capture may catch curses half-way
# through a redraw, one pane drawn and the next not yet (CI once saw that for
# TERM=tmux-256color on a loaded machine), so the texts are waited for
# together and the screen must have settled before anything else is read.
wait_for() {
	wf_target=$1; shift
	: > "$T/screen.prev"
	i=0
	while [ $i -lt 300 ]; do
		capture "$wf_target" > "$T/screen"
		wf_all=1
		for wf_text in "$@"; do
			grep -qF -- "$wf_text" "$T/screen" || { wf_all=0; break; }
		done
		if [ $wf_all = 1 ]; then
			cmp -s "$T/screen" "$T/screen.prev" && return 0
			cp "$T/screen" "$T/screen.prev"
		fi
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# wait_file FILE: until FILE has something in it, at most 15 s.
wait_file() {
	i=0
	while [ $i -lt 300 ]; do
		[ -s "$1" ] && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# wait_status: until cwgview has ended and $R (the file its window writes
# "status N" to when it ends) holds its status, at most 15 s.
wait_status() { wait_file "$R"; }

# One server for the whole test, with an idle first window, so that
# remain-on-exit holds for every cwgview window (a dead pane stays, with its
# exit status).  (Setting window-size to manual here makes tmux 3.3a's
# server exit on the next new-window; resize-window alone works.)
tm new-session -d -s t -n idle -x 80 -y 24 'exec cat'
tm set-option -g remain-on-exit on

# start_window COLSxROWS COMMAND: a new window of that size running the
# shell COMMAND (cwgview, with what it needs); sets $W to its id, $R to a
# file that receives "status N" when COMMAND ends (tmux itself may leave a
# killed child unreaped for a long time, so its pane_dead_status cannot be
# relied on) and $E to a file for its stderr.
sw_n=0
start_window() {
	sw_n=$((sw_n + 1)); R="$T/window.$sw_n.status"; E="$T/window.$sw_n.err"
	W=$(tm new-window -d -P -F '#{window_id}' "$2 2>'$E'; echo status \$? > '$R'")
	tm resize-window -t "$W" -x "${1%x*}" -y "${1#*x}"
}

# see NAME TEXT…: one case: passes when the pane $W comes to show every
# TEXT (wait_for), else fails with the screen as evidence.
see() {
	see_name=$1; shift
	if wait_for "$W" "$@"; then ok "$see_name"
	else not_ok "$see_name" "$(cat "$T/screen")"; fi
}

# aligned NAME COLS: one case: the last screen read fits COLS columns and
# its pane borders line up on every row (tests/lib/screencheck).
aligned() {
	if al_out=$("$check" "$T/screen" "$2"); then ok "$1"
	else not_ok "$1" "$al_out" "$(cat "$T/screen")"; fi
}
