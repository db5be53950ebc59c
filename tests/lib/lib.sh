# TAP helpers for the shell tests (sourced).  Each test prints "ok N - …" or
# "not ok N - …" with the evidence as "# " lines, and the plan at the end.
set -u
: "${CWGVIEW:?run through make check}" "${top_srcdir:?run through make check}"

_n=0
_fails=0
T=$(mktemp -d "${TMPDIR:-/tmp}/cwgview-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }

not_ok() {
	_n=$((_n + 1)); _fails=$((_fails + 1))
	echo "not ok $_n - $1"; shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}

# skip NAME REASON: counted as skipped, never as passed.
skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

done_testing() { echo "1..$_n"; exit 0; }

# mkvar NAME: a variable of the build's Makefile as written there, its
# $(var) written ${var}.
mkvar() { sed -n "s/^$1 = //p" "$top_builddir/Makefile" | sed 's/\$(\([A-Za-z_]*\))/${\1}/g'; }
# installdir NAME: an installation directory of the build (pkgdatadir,
# pkglibdir …) with every variable in it expanded.
installdir() {
	v=$(mkvar "$1")
	while name=$(printf '%s\n' "$v" | sed -n 's/.*\${\([A-Za-z_]*\)}.*/\1/p') && [ -n "$name" ]; do
		v=$(printf '%s\n' "$v" | sed "s|\${$name}|$(mkvar "$name")|")
	done
	printf '%s\n' "$v"
}

# run ARGS…: runs cwgview, leaving $T/out, $T/err and $status.
run() {
	status=0
	"$CWGVIEW" "$@" >"$T/out" 2>"$T/err" || status=$?
}

# expect_file NAME EXPECTED_FILE ACTUAL_FILE
expect_file() {
	if cmp -s "$2" "$3"; then ok "$1"
	else not_ok "$1" "$(diff -u "$2" "$3" | head -40)"; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"
	else not_ok "$1" "expected: $2" "     got: $3"; fi
}

# usage NAME EXPECTED-STDERR ARGS…: cwgview ARGS fails with status 2,
# exactly that one-line message and nothing on standard output.
usage() {
	name=$1 want=$2; shift 2
	run "$@"
	if [ "$status" -eq 2 ] && [ "$(cat "$T/err")" = "$want" ] && [ ! -s "$T/out" ]; then
		ok "$name"
	else
		not_ok "$name" "status $status" "expected: $want" "     got: $(cat "$T/err")"
	fi
}

# Lines of a file, and its widest line in display columns (wcwidth).
line_count() { wc -l <"$1" | tr -d ' '; }
max_width() { LC_ALL=C.UTF-8 wc -L <"$1" | tr -d ' '; }

# The long options the program accepts, one a line, from main.c's
# getopt_long table; --keys-man, which writes the man pages' KEYS section
# for the build, is left out on purpose.
long_options() {
	sed -n '/^static const struct option long_options/,/{NULL/s/^[[:space:]]*{"\([a-z-]*\)",.*/\1/p' \
		"$top_srcdir/src/main.c" | grep -vx 'keys-man'
}
# Whether TEXT (a file) names --OPT as a whole option (--print must not be
# found inside --printer); man pages' \- and font escapes are read through.
names_option() { # OPT FILE
	sed 's/\\-/-/g; s/\\f[BIRP]//g' "$2" | grep -qE -- "(^|[^a-z-])--$1([^a-z-]|\$)"
}
# Every --name that FILE mentions, one a line, sorted.
mentioned_options() { # FILE
	sed 's/\\-/-/g; s/\\f[BIRP]//g' "$1" | grep -oE -- '(^|[^a-z-])--[a-z][a-z-]*' |
		sed 's/^[^-]*--//' | sort -u
}
# The section of a man page from its heading line (.SH KEYS) up to the next.
man_section() { # HEADING FILE
	awk -v head="$1" '/^\.SH /{on = $0 == head} on' "$2"
}
