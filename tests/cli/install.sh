#!/bin/sh
# Where the bundled document comes from: the source tree for the binary in
# the build tree, pkgdatadir for any other copy (an installed one), and
# $CWGVIEW_DATA above both.
. "$top_srcdir/tests/lib.sh"

run --check
case $(cat "$T/out") in
"$(cd "$top_srcdir" && pwd -P)/data/cwgsfp.yaml: ok,"*) ok "build tree uses the source tree's data";;
*) not_ok "build tree uses the source tree's data" "$(cat "$T/out" "$T/err")";;
esac

cp "$CWGVIEW" "$T/cwgview"
pkgdatadir=$(sed -n 's/^pkgdatadir = //p' "$top_builddir/Makefile")
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
want=$(eval "prefix=$prefix; datarootdir=\${prefix}/share; echo $pkgdatadir" | sed 's/\$(datadir)/${datarootdir}/')
status=0
"$T/cwgview" --check >"$T/out" 2>"$T/err" || status=$?
if grep -q "/cwgview/cwgsfp.yaml" "$T/out" "$T/err" && ! grep -q "$top_srcdir" "$T/out" "$T/err"; then
	ok "a copy elsewhere looks in pkgdatadir ($(cat "$T/out" "$T/err"))"
else
	not_ok "a copy elsewhere looks in pkgdatadir" "$(cat "$T/out" "$T/err")" "pkgdatadir: $want"
fi

cp "$top_srcdir/data/cwgsfp.yaml" "$T/other.yaml"
status=0
CWGVIEW_DATA="$T/other.yaml" "$T/cwgview" --check >"$T/out" 2>"$T/err" || status=$?
expect_eq "CWGVIEW_DATA overrides" "$T/other.yaml: ok, 10 topics, 23 inputs, 24 document references" \
	"$(cat "$T/out" "$T/err")"

done_testing
