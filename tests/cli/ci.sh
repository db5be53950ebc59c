#!/bin/sh
# .ci/run's closing lines: skips are counted apart from passes, each skipped
# case is listed with its reason just above the summary, and failures come
# with their evidence.  Fed test-suite.log files in Automake's own format.
. "$top_srcdir/tests/lib/lib.sh"

ci="$top_srcdir/.ci/run"
# suite_log FILE PASS FAIL SKIP: a test-suite.log as Automake writes it,
# with one skipped case in a test's copied log per SKIP.
suite_log() {
	{
		echo "============================================"
		echo "   cwgview 0.1.0: ./test-suite.log"
		echo "============================================"
		echo
		echo "# TOTAL: $(( $2 + $3 + $4 ))"
		echo "# PASS:  $2"
		echo "# SKIP:  $4"
		echo "# XFAIL: 0"
		echo "# FAIL:  $3"
		echo "# XPASS: 0"
		echo "# ERROR: 0"
		echo
		i=0
		while [ "$i" -lt "$4" ]; do
			i=$((i + 1))
			echo "ok $i - case $i # SKIP reason $i"
			echo "SKIP: tests/cli/x.sh $i - case $i # SKIP reason $i"
		done
		if [ "$3" -gt 0 ]; then
			echo "not ok 9 - a broken case"
			echo "# the evidence"
			echo "FAIL: tests/cli/y.sh 9 - a broken case"
		fi
	} > "$1"
}

suite_log "$T/skips.log" 5 0 2
status=0
sh "$ci" --summary 0 "$T/skips.log" > "$T/out" 2>&1 || status=$?
expect_eq "with skips: the last line counts them apart" "0:5 passed, 0 failed, 2 skipped" \
	"$status:$(tail -n 1 "$T/out")"
expect_eq "with skips: each skipped case with its reason just above" \
	"SKIP: tests/cli/x.sh 1 - case 1 # SKIP reason 1
SKIP: tests/cli/x.sh 2 - case 2 # SKIP reason 2
----" "$(tail -n 4 "$T/out" | head -n 3)"

suite_log "$T/plain.log" 7 0 0
status=0
sh "$ci" --summary 0 "$T/plain.log" > "$T/out" 2>&1 || status=$?
expect_eq "no skips: the plain line alone" "0:7 passed, 0 failed" "$status:$(cat "$T/out")"

suite_log "$T/fail.log" 4 1 1
status=0
sh "$ci" --summary 0 "$T/fail.log" > "$T/out" 2>&1 || status=$?
if [ "$status" -ne 0 ] && [ "$(tail -n 1 "$T/out")" = "4 passed, 1 failed, 1 skipped" ] &&
   grep -q '^# the evidence$' "$T/out"; then
	ok "a failure: non-zero status, its evidence, and the counts"
else
	not_ok "a failure: non-zero status, its evidence, and the counts" "status $status" "$(cat "$T/out")"
fi

status=0
sh "$ci" --summary 2 "$T/plain.log" > "$T/out" 2>&1 || status=$?
[ "$status" -ne 0 ] && status=failed
expect_eq "a build that failed with every test passed is a failure" "failed:7 passed, 1 failed" \
	"$status:$(tail -n 1 "$T/out")"

# The fuzzing's TAP counts too: a clean target passes, a skipped one is
# listed with its reason, a crash fails with libFuzzer's evidence.
printf 'ok 1 - fuzz load (60 s): 9 inputs, nothing found\nok 2 - fuzz wrap (20 s) # SKIP no clang\n1..2\n' > "$T/fuzz.tap"
status=0
sh "$ci" --summary 0 "$T/plain.log" "$T/fuzz.tap" > "$T/out" 2>&1 || status=$?
expect_eq "fuzzing: counted, its skip listed" "0:SKIP: fuzz.tap fuzz wrap (20 s) # SKIP no clang|8 passed, 0 failed, 1 skipped" \
	"$status:$(grep '^SKIP' "$T/out")|$(tail -n 1 "$T/out")"
printf 'not ok 1 - fuzz search (20 s): found something (status 1)\n# SUMMARY: AddressSanitizer: heap-buffer-overflow\n1..1\n' > "$T/fuzz.tap"
status=0
sh "$ci" --summary 0 "$T/plain.log" "$T/fuzz.tap" > "$T/out" 2>&1 || status=$?
if [ "$status" -ne 0 ] && [ "$(tail -n 1 "$T/out")" = "7 passed, 1 failed" ] &&
   grep -q '^# SUMMARY: AddressSanitizer' "$T/out"; then
	ok "fuzzing: a crash fails CI, with its evidence"
else
	not_ok "fuzzing: a crash fails CI, with its evidence" "status $status" "$(cat "$T/out")"
fi

# Two test-suite logs (the sanitizer run and the valgrind run) add up; a
# step that left no log counts as a failure.
status=0
sh "$ci" --summary 0 "$T/plain.log" "$T/skips.log" > "$T/out" 2>&1 || status=$?
expect_eq "two logs add up" "0:12 passed, 0 failed, 2 skipped" "$status:$(tail -n 1 "$T/out")"
status=0
sh "$ci" --summary 0 "$T/plain.log" "$T/no-such.log" > "$T/out" 2>&1 || status=$?
if [ "$status" -ne 0 ] && [ "$(tail -n 1 "$T/out")" = "7 passed, 1 failed" ] && grep -q 'no-such.log: missing' "$T/out"; then
	ok "a missing log is a failure, named"
else
	not_ok "a missing log is a failure, named" "status $status" "$(cat "$T/out")"
fi

# The tests' environment: an exported CWGVIEW_GOLDEN_UPDATE does not reach
# them, so no comparison passes vacuously; only GOLDEN_UPDATE=1 on make's
# command line does.  CWGVIEW_DATA is always the source tree's document,
# whatever was exported.
tenv() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$top_builddir" show-tests-environment "$@"; }
got=$(CWGVIEW_GOLDEN_UPDATE=1 GOLDEN_UPDATE=1 CWGVIEW_DATA=/nonexistent tenv 2>&1)
expect_eq "exported CWGVIEW_GOLDEN_UPDATE and CWGVIEW_DATA do not reach the tests" \
	"CWGVIEW_DATA=$top_srcdir/data/cwgsfp.yaml
CWGVIEW_GOLDEN_UPDATE=" \
	"$(printf '%s\n' "$got" | grep -E '^CWGVIEW_(GOLDEN_UPDATE|DATA)=')"
got=$(tenv GOLDEN_UPDATE=1 2>&1)
expect_eq "make check GOLDEN_UPDATE=1 does" "CWGVIEW_GOLDEN_UPDATE=1" \
	"$(printf '%s\n' "$got" | grep '^CWGVIEW_GOLDEN_UPDATE=')"

done_testing
