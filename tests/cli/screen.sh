#!/bin/sh
# Screen tests, as in tig's suite: each tests/screen/NAME.keys drives the
# browser headless (CWGVIEW_SCRIPT) at the size its "# size COLSxROWS" line
# gives ("# env VAR=…" and "# args …" lines add environment and options;
# args are read with the shell's quoting);
# every file the script leaves in its directory (:save-display and
# :save-attrs dumps, files it saved or piped to, and what it wrote to
# standard output, as stdout.txt) is compared with
# tests/screen/NAME/<file>, and every text dump is checked by screencheck
# (no row wider than the screen, pane borders in the same columns on every
# row).  "# covers: ACTION…" lines name the key-table actions a script
# exercises; every action in src/tui/keys.h must be covered.  A script
# with a "# wide" line runs for a terminal that draws the ambiguous
# characters two columns wide (its args say --ambiguous-width=2): its
# dumps are checked with such a terminal's wcwidth (tests/lib/ambwide.sh)
# and ASCII borders.
# To update the expected dumps after an intended change:
#   make check GOLDEN_UPDATE=1 TESTS=tests/cli/screen.sh
# then review git diff tests/screen.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/ambwide.sh"
check="$top_builddir/tests/lib/screencheck"
amb_ok=true
amb_locale "$T/amb" || amb_ok=false

for script in "$top_srcdir"/tests/screen/*.keys; do
	name=$(basename "$script" .keys)
	size=$(sed -n 's/^# size \([0-9]*x[0-9]*\)$/\1/p' "$script")
	cols=${size%x*} rows=${size#*x}
	# @dump@ is the directory the dumps go to (and the script runs in).
	envs=$(sed -e '/^# env /!d' -e 's|^# env ||' -e "s|@top_srcdir@|$top_srcdir|g" \
		-e "s|@dump@|$T/$name|g" "$script")
	args=$(sed -e '/^# args /!d' -e 's|^# args ||' -e "s|@top_srcdir@|$top_srcdir|g" "$script")
	eval "set -- $args"
	mkdir -p "$T/$name" "$T/$name.home"
	status=0
	# A home of its own: search history goes there, not to the user's.
	(cd "$T/$name" && env TERM=xterm-256color LC_ALL=C.UTF-8 COLUMNS="$cols" LINES="$rows" \
		HOME="$T/$name.home" XDG_STATE_HOME="$T/$name.home/state" \
		$envs CWGVIEW_SCRIPT="$script" "$CWGVIEW" "$@" >"$T/$name.out" 2>"$T/$name.err") || status=$?
	if [ "$status" -ne 0 ] || [ -s "$T/$name.err" ]; then
		not_ok "$name runs" "status $status" "$(cat "$T/$name.err")"
		continue
	fi
	# ":save-display -" dumps to standard output.
	[ -s "$T/$name.out" ] && mv "$T/$name.out" "$T/$name/stdout.txt"
	dumps=$(cd "$T/$name" && find . -type f | sed 's|^\./||' | sort)
	if [ -z "$dumps" ]; then
		not_ok "$name dumps something"
		continue
	fi
	if [ -n "${CWGVIEW_GOLDEN_UPDATE:-}" ]; then
		rm -rf "$top_srcdir/tests/screen/$name"
		cp -r "$T/$name" "$top_srcdir/tests/screen/$name"
	fi
	for d in $dumps; do
		expect_file "$name/$d" "$top_srcdir/tests/screen/$name/$d" "$T/$name/$d"
		case $d in
		*.attrs|*.log|*.md|*.json) ;;
		topic-*|piped*|中文*) ;;
		*)
			if grep -qx '# wide' "$script" && ! $amb_ok; then
				skip "$name/$d: within the wide screen, borders aligned" "$amb_why"
			elif grep -qx '# wide' "$script"; then
				if out=$(LOCPATH="$T/amb" "$check" "$T/$name/$d" "$cols" ascii); then
					ok "$name/$d: within the wide screen, borders aligned"
				else
					not_ok "$name/$d: within the wide screen, borders aligned" "$out"
				fi
			elif out=$("$check" "$T/$name/$d" "$cols"); then
				ok "$name/$d: within the screen, borders aligned"
			else
				not_ok "$name/$d: within the screen, borders aligned" "$out"
			fi;;
		esac
	done
	# Nothing expected is missing.
	for e in $(cd "$top_srcdir/tests/screen/$name" && find . -type f | sed 's|^\./||'); do
		[ -e "$T/$name/$e" ] || not_ok "$name/$e was dumped"
	done
	# "# same: A B": two dumps that must be identical (Esc returns to
	# exactly where a search began).
	sed -n 's/^# same: //p' "$script" > "$T/same"
	while read -r a b; do
		if cmp -s "$T/$name/$a" "$T/$name/$b"; then ok "$name: $a and $b are the same screen"
		else not_ok "$name: $a and $b are the same screen" "$(diff "$T/$name/$a" "$T/$name/$b")"; fi
	done < "$T/same"
done

# What s saves and | pipes is exactly what --print prints.
for f in save/topic-07.txt pipe/中文名.txt; do
	expect_file "$f is --print 7" "$top_srcdir/tests/golden/print-7.out" "$T/$f"
done

# Every action of the key table is exercised by some script.
actions=$(sed -n 's/^[[:space:]]*A(\([A-Z_]*\),.*/\1/p' "$top_srcdir/src/tui/keys.h")
covered=$(sed -n 's/^# covers: //p' "$top_srcdir"/tests/screen/*.keys | tr ' ' '\n')
for a in $actions; do
	if printf '%s\n' "$covered" | grep -qx "$a"; then ok "key $a has a screen test"
	else not_ok "key $a has a screen test"; fi
done

done_testing
