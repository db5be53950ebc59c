#!/bin/sh
# Where the bundled document comes from: $CWGVIEW_DATA when it is set
# (make check sets it to the source tree's copy), else pkgdatadir, for the
# binary in the build tree as for any copy of it (an installed one); and no
# path of the build is compiled into the binary.
. "$top_srcdir/tests/lib/lib.sh"

run --check
expect_eq "make check gives the binary the source tree's data (CWGVIEW_DATA)" \
	"$top_srcdir/data/cwgsfp.yaml: ok, 10 topics, 23 inputs, 24 document references" \
	"$(cat "$T/out" "$T/err")"

# pkgdatadir as the Makefile has it, its variables expanded (lib.sh).
pkgdatadir=$(installdir pkgdatadir)
# ok: the installed document; an error: it is not installed.  Either way
# the path named must be pkgdatadir's.
in_pkgdatadir() { # NAME
	if grep -q -F -e "$pkgdatadir/cwgsfp.yaml:" "$T/out" "$T/err"; then
		ok "$1 ($(cat "$T/out" "$T/err"))"
	else
		not_ok "$1" "$(cat "$T/out" "$T/err")" "pkgdatadir: $pkgdatadir"
	fi
}

status=0
env -u CWGVIEW_DATA "$CWGVIEW" --check >"$T/out" 2>"$T/err" || status=$?
in_pkgdatadir "without CWGVIEW_DATA the build tree's binary looks in pkgdatadir"

cp "$CWGVIEW_REAL" "$T/cwgview"
status=0
env -u CWGVIEW_DATA "$T/cwgview" --check >"$T/out" 2>"$T/err" || status=$?
in_pkgdatadir "so does a copy elsewhere"

cp "$top_srcdir/data/cwgsfp.yaml" "$T/other.yaml"
status=0
CWGVIEW_DATA="$T/other.yaml" "$T/cwgview" --check >"$T/out" 2>"$T/err" || status=$?
expect_eq "CWGVIEW_DATA overrides" "$T/other.yaml: ok, 10 topics, 23 inputs, 24 document references" \
	"$(cat "$T/out" "$T/err")"

# Not the build tree, not the source tree: in what the program holds (a
# copy without debug information), nor, when configure maps them to
# relative names, in its debug information.  A sanitizer build configured
# by an absolute path is the exception: the sanitizers' source locations
# name the sources as the compiler was given them, which -ffile-prefix-map
# does not change (GCC 12), so build.sh runs configure by a relative path.
# The installation directories (pkgdatadir, localedir …) are meant to be
# there, and under make distcheck they lie inside the unpacked sources
# (prefix is its _inst): strings naming them are left out.
prefix_dir=$(installdir prefix)
build_paths() { # FILE: prints each path of the build found in FILE
	strings -a "$1" | grep -v -F -e "$prefix_dir/" > "$T/strings"
	for dir in "$top_builddir" "$top_srcdir" "$(cd "$top_builddir" && pwd -P)" "$(cd "$top_srcdir" && pwd -P)"; do
		if grep -q -F -e "$dir" "$T/strings"; then printf ' %s' "$dir"; fi
	done
}
mkvar_set() { grep -q "^$1 = $2" "$top_builddir/Makefile"; }
if ! command -v strip >/dev/null 2>&1 || ! command -v objcopy >/dev/null 2>&1; then
	skip "no path of the build in the program" "strip or objcopy not found (Debian package binutils)"
	skip "nor in its debug information" "strip or objcopy not found (Debian package binutils)"
	done_testing
fi
if mkvar_set SAN_CFLAGS . && mkvar_set srcdir /; then
	skip "no path of the build in the program" \
		"a sanitizer build configured as $(mkvar srcdir)/configure: its source locations name the sources so"
elif strip -o "$T/stripped" "$CWGVIEW_REAL" && found=$(build_paths "$T/stripped") && [ -z "$found" ]; then
	ok "no path of the build in the program"
else
	not_ok "no path of the build in the program" "found:${found:-?}"
fi
if ! mkvar_set PREFIX_MAP_CFLAGS .; then
	skip "nor in its debug information" "the compiler has no -ffile-prefix-map"
elif objcopy --only-keep-debug "$CWGVIEW_REAL" "$T/debug" && found=$(build_paths "$T/debug") && [ -z "$found" ]; then
	ok "nor in its debug information"
else
	not_ok "nor in its debug information" "found:${found:-?}"
fi

done_testing
