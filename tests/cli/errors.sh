#!/bin/sh
# Every malformed file: exit status 2, one line on stderr naming the place,
# nothing on stdout, whatever the command.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

for f in tests/bad/*.yaml; do
	name=$(basename "$f" .yaml)
	want=$(cat "tests/bad/$name.err")
	for mode in --check "--print 1" --list; do
		# shellcheck disable=SC2086
		run $mode "$f"
		got=$(cat "$T/err")
		if [ "$status" -eq 2 ] && [ "$got" = "$want" ] &&
		   [ "$(line_count "$T/err")" = 1 ] && [ ! -s "$T/out" ]; then
			ok "$name ($mode)"
		else
			not_ok "$name ($mode)" "status $status" "expected: $want" \
				"     got: $got" "stdout: $(head -c 200 "$T/out")"
		fi
	done
done

# Files that cannot be read at all: "cwgview: FILE: reason".
check_sys() { # NAME FILE EXPECTED
	run --check "$2"
	if [ "$status" -eq 2 ] && [ "$(cat "$T/err")" = "$3" ] && [ ! -s "$T/out" ]; then
		ok "$1"
	else
		not_ok "$1" "status $status" "expected: $3" "     got: $(cat "$T/err")"
	fi
}
check_sys "missing file" "$T/nope.yaml" "cwgview: $T/nope.yaml: No such file or directory"
check_sys "directory" "tests" "cwgview: tests: Is a directory"
check_sys "read error" /proc/self/mem "cwgview: /proc/self/mem: Input/output error"
truncate -s 200M "$T/huge.yaml"
check_sys "over the size limit" "$T/huge.yaml" \
	"cwgview: $T/huge.yaml: the file is too large (the limit is 128 MiB)"
# The limit holds for a pipe too, where no size is known beforehand.
status=0
head -c 140000000 /dev/zero | "$CWGVIEW" --check - >"$T/out" 2>"$T/err" || status=$?
expect_eq "over the size limit on a pipe" \
	"2 cwgview: <stdin>: the file is too large (the limit is 128 MiB)" \
	"$status $(cat "$T/err")"

# A control character in a file name is shown, not sent to the terminal.
esc=$(printf 'bad\033[2Jname')
run --check "$T/$esc"
expect_eq "file name sanitised" "cwgview: $T/bad^[[2Jname: No such file or directory" \
	"$(cat "$T/err")"

# Standard input works like a file, errors name it <stdin>.
status=0
printf 'format: cwgview/1\ntitle: "open\n' | "$CWGVIEW" --check - >"$T/out" 2>"$T/err" || status=$?
expect_eq "stdin error" "2 cwgview: <stdin>:3:1: YAML syntax error: found unexpected end of stream while scanning a quoted scalar" \
	"$status $(cat "$T/err")"

done_testing
