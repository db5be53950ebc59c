#!/bin/sh
# The colours follow the terminal's background: tmux answers the question
# for it (OSC 11) with the window style's colour, and says nothing when the
# style has none.  What the browser drew is read back with capture-pane -e,
# colours and all: yellow, cyan and green letters (SGR 33 36 32) fade on
# white and never appear there; blue (34) does not read on black.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"

# sgr WINDOW: every SGR parameter the pane's cells use, one per line.
sgr() {
	tm capture-pane -e -p -t "$1" | grep -o "$(printf '\033')\[[0-9;]*m" |
		sed 's/^.\[//; s/m$//' | tr ';' '\n' | sort -u
}
has() { printf '%s\n' "$1" | grep -qx "$2"; }

# look NAME STYLE ENV… -- ARG…: cwgview with ENV and ARG in a window whose
# background is STYLE (none: not set), once it shows $want (default
# 1/10); leaves the SGR parameters in $got.
look() {
	name=$1 style=$2; shift 2
	envs=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
	[ "${1:-}" = -- ] && shift
	if [ "$style" = none ]; then tm set-option -gu window-style
	else tm set-option -g window-style "bg=$style"; fi
	start_window 80x24 "env -u COLORFGBG -u NO_COLOR TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' $envs '$CWGVIEW' $*"
	if wait_for "$W" "${want:-1/10}"; then
		got=$(sgr "$W")
	else
		got=
		not_ok "$name: opens" "$(cat "$T/screen")" "$(cat "$E")"
	fi
	tm send-keys -t "$W" q
}

look "white background" '#ffffff'
if has "$got" 34 && ! has "$got" 33 && ! has "$got" 36 && ! has "$got" 32 && has "$got" 7; then
	ok "a white background: the light colours (blue, no yellow, cyan or green; the status line reversed)"
else
	not_ok "a white background: the light colours" "SGR used: $(echo $got)"
fi

look "black background" '#000000'
if has "$got" 33 && has "$got" 36; then ok "a black background: the dark colours (yellow, cyan)"
else not_ok "a black background: the dark colours" "SGR used: $(echo $got)"; fi

look "a background not said" none
if ! has "$got" 33 && ! has "$got" 36 && ! has "$got" 32 && ! has "$got" 34 && has "$got" 35; then
	ok "a background the terminal does not say: only what reads on both (magenta, no yellow, cyan, green or blue)"
else
	not_ok "a background the terminal does not say: only what reads on both" "SGR used: $(echo $got)"
fi

look "COLORFGBG" none "COLORFGBG='0;15'"
if has "$got" 34 && ! has "$got" 33; then ok "COLORFGBG=0;15 when the terminal does not say: light"
else not_ok "COLORFGBG=0;15 when the terminal does not say: light" "SGR used: $(echo $got)"; fi

look "OSC 11 before COLORFGBG" '#000000' "COLORFGBG='0;15'"
if has "$got" 33 && ! has "$got" 34; then ok "the terminal's own answer wins over COLORFGBG"
else not_ok "the terminal's own answer wins over COLORFGBG" "SGR used: $(echo $got)"; fi

look "--theme=dark" '#ffffff' -- --theme=dark
if has "$got" 33; then ok "--theme=dark on white: told, it uses the dark colours"
else not_ok "--theme=dark on white" "SGR used: $(echo $got)"; fi

look "--theme=light" '#000000' -- --theme=light
if has "$got" 34 && ! has "$got" 33; then ok "--theme=light on black: the light colours"
else not_ok "--theme=light on black" "SGR used: $(echo $got)"; fi

for how in "NO_COLOR=1 --" "-- --theme=none" "-- --no-color"; do
	# shellcheck disable=SC2086
	look "$how" '#ffffff' $how
	label=${how#-- }; label=${label% --}
	if printf '%s\n' "$got" | grep -qE '^(3[0-7]|4[0-7])$'; then
		not_ok "$label: no colour at all" "SGR used: $(echo $got)"
	else
		ok "$label: no colour at all (SGR used: $(echo $got))"
	fi
done
# The config file's theme, over what the terminal says, and its colours;
# a warning from it shows on the status line at start.
printf 'theme: light\ncolors:\n  topic-number: green\nnonsense: 1\n' > "$T/config"
want="unknown setting 'nonsense'"
look "the config's theme" '#000000' -- --config "'$T/config'"
want=
if has "$got" 34 && has "$got" 32 && ! has "$got" 33 &&
   grep -q "config:4:1: unknown setting 'nonsense'" "$T/screen"; then
	ok "the config: theme light on black, topic numbers green, its warning on the status line"
else
	not_ok "the config: theme light on black, topic numbers green, its warning on the status line" \
		"SGR used: $(echo $got)" "$(tail -n 1 "$T/screen")"
fi
tm set-option -gu window-style

done_testing
