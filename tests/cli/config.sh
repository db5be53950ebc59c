#!/bin/sh
# The config file: read from $XDG_CONFIG_HOME/cwgview/config (else
# ~/.config/cwgview/config) or --config FILE; its settings come before the
# options, which win; whatever is wrong with it is a warning
# "cwgview: FILE:LINE:COLUMN: …" and the rest applies.
. "$top_srcdir/tests/lib/lib.sh"

# The example shipped in docs/ is all right, and names every action of
# the key table and every style.
run --config "$top_srcdir/docs/config.example" --print 1
if [ "$status" -eq 0 ] && [ ! -s "$T/err" ]; then ok "docs/config.example: no warning"
else not_ok "docs/config.example: no warning" "status $status" "$(cat "$T/err")"; fi
for a in $(sed -n 's/^[[:space:]]*A(\([A-Z_]*\),.*/\1/p' "$top_srcdir/src/tui/keys.h" | tr 'A-Z_' 'a-z-'); do
	grep -q "[ #]$a\b" "$top_srcdir/docs/config.example" || not_ok "docs/config.example names the action $a"
done
ok "docs/config.example names every action"
# And the man page's CONFIGURATION, every action and style.
man_actions=$(sed -n '/^\.SH CONFIGURATION/,/^\.SH /p' "$top_srcdir/docs/cwgview.1" | sed 's/\\-/-/g')
for a in $(sed -n 's/^[[:space:]]*A(\([A-Z_]*\),.*/\1/p' "$top_srcdir/src/tui/keys.h" | tr 'A-Z_' 'a-z-') \
	 $(sed -n '/The styles:/,/^colors:/p' "$top_srcdir/docs/config.example" | sed -n 's/^#.*The styles: //p; s/^# *\([a-z-]* [a-z -]*\)$/\1/p'); do
	printf '%s\n' "$man_actions" | grep -Eq "(^|[ ,])$a[,.]" || not_ok "cwgview(1) CONFIGURATION names $a"
done
ok "cwgview(1) CONFIGURATION names every action and style"

# A broken one: each bad setting is one warning with its place, the good
# ones apply (ambiguous-width 2: --print is laid out for it), status 0.
mkdir -p "$T/xdg/cwgview"
cat > "$T/xdg/cwgview/config" <<'EOF'
theme: purple
ambiguous-width: 2
colours:
  topic-number: blue
  nothing: red
  hit: sky on yellow
keys:
  quit: [Q, "7", "C-"]
  fly: x
beside: wide
mouse: [true]
colour: red
EOF
cfg="$T/xdg/cwgview/config"
XDG_CONFIG_HOME="$T/xdg" run --print 7 --width 40
cat > "$T/want" <<EOF
cwgview: $cfg:1:8: 'purple' for theme: give auto, dark, light or none; ignored
cwgview: $cfg:5:12: no style 'nothing' (the styles are listed in cwgview(1), CONFIGURATION)
cwgview: $cfg:6:8: 'sky on yellow' is not a colour: give FG, FG on BG or on BG, each black, red, green, yellow, blue, magenta, cyan, white, default or 0-255
cwgview: $cfg:8:13: '7' is not a key: give one character (not a digit), C-x, or a name such as Enter, Esc, Tab, S-Tab, Up, PgDn, Home, F1
cwgview: $cfg:8:18: 'C-' is not a key: give one character (not a digit), C-x, or a name such as Enter, Esc, Tab, S-Tab, Up, PgDn, Home, F1
cwgview: $cfg:9:8: no action 'fly' (the actions are listed in cwgview(1), CONFIGURATION)
cwgview: $cfg:10:9: 'wide' for beside: give a number of columns from 0 to 10000; ignored
cwgview: $cfg:11:8: 'mouse' takes one value, not a list; ignored
cwgview: $cfg:12:1: unknown setting 'colour' (the settings are theme, colors, keys, print-command, printer, paper, ambiguous-width, mouse and beside); ignored
EOF
if [ "$status" -eq 0 ] && diff -u "$T/want" "$T/err" > "$T/diff"; then
	ok "a broken config: one warning per bad setting, FILE:LINE:COLUMN, status 0"
else
	not_ok "a broken config: one warning per bad setting, FILE:LINE:COLUMN, status 0" "status $status" "$(cat "$T/diff")"
fi
"$CWGVIEW" --print 7 --width 40 --ambiguous-width=2 > "$T/wide" 2>/dev/null
expect_file "and the rest applies: ambiguous-width 2 from it" "$T/wide" "$T/out"
XDG_CONFIG_HOME="$T/xdg" run --print 7 --width 40 --ambiguous-width=1
"$CWGVIEW" --print 7 --width 40 > "$T/narrow" 2>/dev/null
expect_file "an option wins over the config" "$T/narrow" "$T/out"
XDG_CONFIG_HOME="$T/xdg" run --no-config --print 7 --width 40
if [ ! -s "$T/err" ] && cmp -s "$T/narrow" "$T/out"; then ok "--no-config reads none"
else not_ok "--no-config reads none" "$(cat "$T/err")"; fi

# A YAML error: what came before it applies; one warning, with its place.
printf 'ambiguous-width: 2\nkeys: [quit\n' > "$T/syntax"
run --config "$T/syntax" --print 7 --width 40
if [ "$status" -eq 0 ] && [ "$(line_count "$T/err")" = 1 ] &&
   grep -q "^cwgview: $T/syntax:3:1: YAML syntax error: .*; the rest of the file is ignored$" "$T/err" &&
   cmp -s "$T/wide" "$T/out"; then
	ok "a YAML error: one warning with its place, and what came before it applies"
else
	not_ok "a YAML error: one warning with its place" "status $status" "$(cat "$T/err")"
fi

# Where it is looked for: $XDG_CONFIG_HOME, else ~/.config; a missing one
# is no warning, unless it was named.
mkdir -p "$T/home/.config/cwgview"
printf 'ambiguous-width: 2\n' > "$T/home/.config/cwgview/config"
env -u XDG_CONFIG_HOME HOME="$T/home" "$CWGVIEW" --print 7 --width 40 > "$T/out" 2>"$T/err"
if [ ! -s "$T/err" ] && cmp -s "$T/wide" "$T/out"; then ok "~/.config/cwgview/config without XDG_CONFIG_HOME"
else not_ok "~/.config/cwgview/config without XDG_CONFIG_HOME" "$(cat "$T/err")"; fi
XDG_CONFIG_HOME="$T/none" run --print 1
expect_eq "no config file: no warning" "" "$(cat "$T/err")"
run --config "$T/missing" --print 1
if [ "$status" -eq 0 ] && grep -qx "cwgview: $T/missing: No such file or directory; going on without it" "$T/err"; then
	ok "--config FILE that is not there: a warning, and it goes on"
else
	not_ok "--config FILE that is not there: a warning" "status $status" "$(cat "$T/err")"
fi

# The paper for PDF.
if command -v pdfinfo >/dev/null 2>&1 && "$CWGVIEW" --print 1 --format pdf -o "$T/a4.pdf" 2>/dev/null; then
	printf 'paper: letter\n' > "$T/letter"
	run --config "$T/letter" --print 1 --format pdf -o "$T/letter.pdf"
	if pdfinfo "$T/letter.pdf" 2>/dev/null | grep -q "612 x 792"; then ok "paper: letter for PDF"
	else not_ok "paper: letter for PDF" "$(pdfinfo "$T/letter.pdf" 2>&1 | grep -i size)" "$(cat "$T/err")"; fi
else
	skip "paper: letter for PDF" "no PDF output or no pdfinfo (poppler-utils)"
fi

# Under --secure a command from the config is not taken.
printf 'print-command: touch %s/ran\n' "$T" > "$T/cmd"
run --config "$T/cmd" --secure --print 1
if [ "$status" -eq 0 ] && grep -qx "cwgview: $T/cmd:1:1: print-command is ignored under --secure" "$T/err"; then
	ok "--secure: the config's print-command is ignored, with a warning"
else
	not_ok "--secure: the config's print-command is ignored, with a warning" "$(cat "$T/err")"
fi

done_testing
