#!/bin/sh
# The command-line contract: usage errors, -o, --help and --version.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

hint="(see cwgview --help)"
usage "unknown long option" "cwgview: unknown option '--bogus' $hint" --bogus
usage "unknown short option" "cwgview: unknown option '-z' $hint" -z
usage "missing argument" "cwgview: option '--print' needs an argument $hint" --print
usage "bad width" "cwgview: invalid width 'wide': give a number from 10 to 10000 $hint" --print 1 --width wide
usage "width too small" "cwgview: invalid width '5': give a number from 10 to 10000 $hint" --print 1 -w 5
usage "bad format" "cwgview: unknown format 'html': use text, markdown, json or pdf $hint" --print 1 --format html
usage "no such topic" "cwgview: no topic 11 (topics are 1 to 10) $hint" --print 11
usage "backwards range" "cwgview: topic range '9-3' runs backwards $hint" --print 9-3
usage "bad selection" "cwgview: invalid topic selection '1;2': use N, N-M, a comma list of those, or all $hint" --print '1;2'
usage "two files" "cwgview: too many files: give at most one $hint" --check a b
usage "format without print" "cwgview: --format only applies to --print and --xref $hint" --list --format json
usage "--xref with --print" "cwgview: --xref cannot be combined with --print $hint" --print 1 --xref CWG-SFP-1/8
usage "--xref with no number" "cwgview: empty document number for --xref $hint" --xref ''
usage "--print overview as pdf" "cwgview: --print overview is text, markdown or json, not pdf $hint" --print overview --format pdf -o x.pdf
usage "--source with --list" "cwgview: --source does not apply to --list $hint" --list --source 俄联邦
usage "--source with no name" "cwgview: empty name for --source $hint" --source '' --print 1
run --source 不存在 --print all
expect_eq "--source that matches nothing: status 1 and why" \
	"1 cwgview: no input comes from 不存在" "$status $(cat "$T/err")"
# --xref of a number no input cites: status 1, as grep, and one line.
run --xref CWG-SFP-1/99
expect_eq "--xref of a number nobody cites: status 1 and why" \
	"1 cwgview: no input cites CWG-SFP-1/99" "$status $(cat "$T/err")"
usage "two modes" "cwgview: --list cannot be combined with --print $hint" --print 1 --list
usage "two modes, the other way" "cwgview: --print cannot be combined with --search $hint" --search x --print 1
# Where the browser opens, as less's +N and +/pattern.
usage "+N: no such topic" "cwgview: no topic 77 (topics are 1 to 10) $hint" +77
usage "--topic: no such topic" "cwgview: no topic 0 (topics are 1 to 10) $hint" --topic 0
usage "--topic: not a number" "cwgview: invalid topic 'x': give a topic number $hint" --topic x
usage "+ with an unknown command" "cwgview: unknown command '+x': use +N (a topic) or +/PATTERN $hint" +x
usage "+/ with no pattern" "cwgview: empty search pattern $hint" +/
usage "+N with --print" "cwgview: +N, +/PATTERN and --topic only apply to the browser $hint" +3 --print 3
usage "--beside: not a number" "cwgview: invalid width 'x' for --beside: give a number of columns from 0 (never) to 10000 $hint" --beside x
usage "+N and two files" "cwgview: too many files: give at most one $hint" +3 a b

# -o writes what stdout would get, atomically: no temporary file is left.
run --print 7 --format markdown
cp "$T/out" "$T/expected.md"
mkdir "$T/o"
run --print 7 --format markdown -o "$T/o/t7.md"
if [ "$status" -eq 0 ] && [ ! -s "$T/out" ] && cmp -s "$T/expected.md" "$T/o/t7.md" &&
   [ "$(ls "$T/o")" = "t7.md" ]; then
	ok "-o writes the file"
else
	not_ok "-o writes the file" "status $status; $(ls "$T/o")"
fi
# A directory is not written over: it is left as it was, with no temporary
# file beside it (tests/cli/output.sh has the rest of what -o writes to).
mkdir "$T/o/t.txt" && echo old > "$T/o/t.txt/keep"
run --print 7 -o "$T/o/t.txt"
if [ "$status" -eq 2 ] && [ "$(cat "$T/err")" = "cwgview: $T/o/t.txt: Is a directory" ] &&
   [ "$(cat "$T/o/t.txt/keep")" = old ] && [ "$(ls "$T/o" | tr '\n' ' ')" = "t.txt t7.md " ]; then
	ok "-o failure keeps the old file and leaves no temporary"
else
	not_ok "-o failure keeps the old file and leaves no temporary" "status $status" \
		"$(cat "$T/err")" "$(ls "$T/o")"
fi
usage "-o into a missing directory" \
	"cwgview: $T/none/t.txt: No such file or directory" --print 1 -o "$T/none/t.txt"

# The bundled document is found without naming it, from the build tree.
run --check
case $(cat "$T/out") in
*"/data/cwgsfp.yaml: ok, 10 topics, 23 inputs, 24 document references") ok "bundled document";;
*) not_ok "bundled document" "$(cat "$T/out" "$T/err")";;
esac

# --help and the man page name every long option the program accepts, as
# a whole option (--print must not be found inside --printer).  The list
# comes from main.c's getopt_long table; --keys-man, which writes the man
# page's KEYS section for the build, is the one left out on purpose.
long_options > "$T/longopts"
if [ "$(wc -l < "$T/longopts")" -ge 15 ]; then ok "main.c's option table read ($(wc -l < "$T/longopts") options)"
else not_ok "main.c's option table read" "$(cat "$T/longopts")"; fi
run --help
while read -r opt; do
	if names_option "$opt" "$T/out"; then ok "--help mentions --$opt"
	else not_ok "--help mentions --$opt"; fi
	if names_option "$opt" "$top_srcdir/docs/cwgview.1"; then ok "the man page mentions --$opt"
	else not_ok "the man page mentions --$opt"; fi
done < "$T/longopts"
# And neither names an option the program does not have.
cp "$T/out" "$T/help"
for f in "$T/help" "$top_srcdir/docs/cwgview.1"; do
	extra=$(mentioned_options "$f" | grep -vxF -f "$T/longopts" -e keys-man)
	expect_eq "${f##*/} names no option the program lacks" "" "$extra"
done

# JSON output is a cwgview document: it loads again.
run --print all --format json
status=0
"$CWGVIEW" --check - < "$T/out" > "$T/check" 2>&1 || status=$?
expect_eq "json loads again" "0 <stdin>: ok, 10 topics, 23 inputs, 24 document references" \
	"$status $(cat "$T/check")"

# The man page's KEYS section is the key table's (cwgview --keys-man).
run --keys-man
man_section ".SH KEYS" "$top_srcdir/docs/cwgview.1" > "$T/man-keys"
expect_file "man page KEYS section matches the key table" "$T/man-keys" "$T/out"

done_testing
