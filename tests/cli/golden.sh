#!/bin/sh
# Output of the one-shot commands against reviewed expected files in
# tests/golden/.  To update after an intended change, run with
# make check GOLDEN_UPDATE=1 TESTS=tests/cli/golden.sh and review the diff
# before committing.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

# name|arguments (the bundled document unless a file is named)
cases='list|--list
check|--check data/cwgsfp.yaml
print-7|--print 7
print-7-w40|--print 7 --width 40
print-3-w40|--print 3 --width 40
print-7-w120|--print 7 --width=120
print-2-3-w60|-p 2-3 -w 60
print-all|--print all
print-1-markdown|--print 1 --format markdown
print-7-markdown|--print 7 -f md
print-7-json|--print 7 --format json
print-5,9-json|--print 5,9 --format=json
xref-1-8|--xref CWG-SFP-1/8
xref-1-8-markdown|--xref ＣＷＧ－ＳＦＰ－１／８ --format markdown
xref-1-5-json|--xref cwg-sfp-1/5 -f json
source-ru-all|--source 俄联邦 --print all
source-pwc-dalberg-search|--source 普华永道 --source DALBERG --search 协同
source-online-xref|--source 在线磋商 --xref CWG-SFP-1/11 -f md
print-overview|--print overview
print-overview-markdown|--print overview --format markdown
print-overview-json|--print overview -f json
help|--help
version|--version'

printf '%s\n' "$cases" > "$T/cases"
while IFS='|' read -r name args; do
	# shellcheck disable=SC2086
	run $args
	golden="tests/golden/$name.out"
	if [ -n "${CWGVIEW_GOLDEN_UPDATE:-}" ]; then
		cp "$T/out" "$golden"
	fi
	if [ "$status" -ne 0 ] || [ -s "$T/err" ]; then
		not_ok "$name" "status $status" "$(cat "$T/err")"
	elif [ ! -f "$golden" ]; then
		not_ok "$name" "no $golden"
	else
		expect_file "$name" "$golden" "$T/out"
	fi
done < "$T/cases"

# With no option and standard output not a terminal, cwgview prints every
# topic, as less prints the whole file: the same as --print all.
for args in "" "data/cwgsfp.yaml"; do
	# shellcheck disable=SC2086
	run $args
	if [ "$status" -eq 0 ] && [ ! -s "$T/err" ]; then
		expect_file "cwgview ${args:-(no argument)} > file: every topic, as --print all" \
			tests/golden/print-all.out "$T/out"
	else
		not_ok "cwgview ${args:-(no argument)} > file: every topic" "status $status" "$(cat "$T/err")"
	fi
done

done_testing
