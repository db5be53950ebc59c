#!/bin/sh
# Secure mode (--secure or CWGVIEW_SECURE=1, for guest accounts): no -o,
# no search history read or written, no file from a key script's dumps,
# and p, s, | refused.  Each gate is checked beside the same run without
# it, so that a gate that lets things through fails here.
. "$top_srcdir/tests/lib/lib.sh"

# browse KEYS-FILE ARG…: the browser headless at 80x24, history under
# $T/state; leaves $T/out, $T/err and $status.
browse() {
	keys=$1; shift
	status=0
	env TERM=xterm-256color COLUMNS=80 LINES=24 HOME="$T/home" XDG_STATE_HOME="$T/state" \
		CWGVIEW_SCRIPT="$keys" "$CWGVIEW" "$@" >"$T/out" 2>"$T/err" || status=$?
}
mkdir -p "$T/home"

# -o writes a file.
forbid="cwgview: --output writes a file, which --secure forbids (see cwgview --help)"
usage "--secure refuses -o" "$forbid" --secure --print 1 -o "$T/o1.txt"
if [ -e "$T/o1.txt" ]; then not_ok "--secure -o created no file"; else ok "--secure -o created no file"; fi
status=0
CWGVIEW_SECURE=1 "$CWGVIEW" --print 1 -o "$T/o2.txt" >"$T/out" 2>"$T/err" || status=$?
expect_eq "CWGVIEW_SECURE=1 refuses -o" "2 $forbid no file" \
	"$status $(cat "$T/err") $([ -e "$T/o2.txt" ] && echo file || echo no file)"
status=0
CWGVIEW_SECURE=0 "$CWGVIEW" --print 1 -o "$T/o3.txt" >"$T/out" 2>"$T/err" || status=$?
expect_eq "CWGVIEW_SECURE=0 writes -o" "0 file" "$status $([ -s "$T/o3.txt" ] && echo file)"

# The search history: not read (Up recalls nothing), not written.
mkdir -p "$T/state/cwgview"
printf '普华永道\n' > "$T/state/cwgview/history"
cp "$T/state/cwgview/history" "$T/history.before"
printf '/\n<Up>\n:save-display -\n<Esc>\n/国际电联\n<Enter>\nq\n' > "$T/history.keys"
history_case() { # NAME WANT-RECALLED WANT-WRITTEN ENV…
	name=$1 recalled=$2 written=$3; shift 3
	cp "$T/history.before" "$T/state/cwgview/history"
	status=0
	env TERM=xterm-256color COLUMNS=80 LINES=24 HOME="$T/home" XDG_STATE_HOME="$T/state" \
		CWGVIEW_SCRIPT="$T/history.keys" "$@" "$CWGVIEW" >"$T/out" 2>"$T/err" || status=$?
	got_r=no got_w=no
	tail -n 1 "$T/out" | grep -q '^/普华永道' && got_r=yes
	grep -qx '国际电联' "$T/state/cwgview/history" && got_w=yes
	expect_eq "$name: history recalled $recalled, written $written" "0 $recalled $written" \
		"$status $got_r $got_w$(cat "$T/err")"
}
history_case "no secure mode" yes yes CWGVIEW_SECURE=
history_case "CWGVIEW_SECURE=1" no no CWGVIEW_SECURE=1
if cmp -s "$T/history.before" "$T/state/cwgview/history"; then ok "CWGVIEW_SECURE=1: the history file is untouched"
else not_ok "CWGVIEW_SECURE=1: the history file is untouched" "$(cat "$T/state/cwgview/history")"; fi
rm -rf "$T/state"
printf '/国际电联\n<Enter>\nq\n' > "$T/search.keys"
browse "$T/search.keys" --secure
expect_eq "--secure: a search creates no history" "0 absent" \
	"$status $([ -e "$T/state" ] && echo present || echo absent)$(cat "$T/err")"

# A key script's dumps: a file only without secure mode; standard output
# always.
printf ':save-display %s\n' "$T/dump.txt" > "$T/dump.keys"
browse "$T/dump.keys"
expect_eq "without --secure, :save-display writes its file" "0 file" \
	"$status $([ -s "$T/dump.txt" ] && echo file)$(cat "$T/err")"
rm -f "$T/dump.txt"
for how in --secure CWGVIEW_SECURE=1; do
	case $how in
	--secure) browse "$T/dump.keys" --secure ;;
	*) CWGVIEW_SECURE=1 browse "$T/dump.keys" ;;
	esac
	expect_eq "$how: a key script's :save-display writes no file" \
		"2 cwgview: $T/dump.txt: a key script writes no file in secure mode no file" \
		"$status $(cat "$T/err") $([ -e "$T/dump.txt" ] && echo file || echo no file)"
done

# p, s and | under CWGVIEW_SECURE=1 (the screen test secure.keys does
# --secure).
for key in p s '|'; do
	printf '%s\n:save-display -\nq\n' "$key" > "$T/key.keys"
	CWGVIEW_SECURE=1 browse "$T/key.keys"
	case $(tail -n 1 "$T/out") in
	*" is disabled in secure mode"*) ok "CWGVIEW_SECURE=1: $key is refused";;
	*) not_ok "CWGVIEW_SECURE=1: $key is refused" "status $status" "$(tail -n 1 "$T/out")" "$(cat "$T/err")";;
	esac
done

done_testing
