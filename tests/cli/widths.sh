#!/bin/sh
# --print --format text never writes a line wider than --width, measured
# independently with wc -L (wcwidth in a UTF-8 locale), and fills lines
# reasonably (the widest line comes close to the width).
. "$top_srcdir/tests/lib/lib.sh"

for w in 10 20 40 57 80 120; do
	for t in 1 2 3 4 5 6 7 8 9 10; do
		run --print "$t" --width "$w"
		got=$(max_width "$T/out")
		if [ "$status" -ne 0 ] || [ "$got" -gt "$w" ]; then
			not_ok "topic $t at width $w" "status $status, widest line $got" \
				"$(awk -v w="$w" 'length($0) > w/2' "$T/out" | head -5)"
			continue
		fi
		ok "topic $t at width $w: widest line $got"
	done
done
# Long paragraphs use the width they are given.
for w in 40 80 120; do
	run --print 7 --width "$w"
	got=$(max_width "$T/out")
	if [ "$got" -ge $((w - 4)) ]; then ok "topic 7 fills width $w ($got)"
	else not_ok "topic 7 fills width $w" "widest line only $got"; fi
done
# Document numbers (CWG-SFP-1/11) and tokens like 2024-2027 are not
# broken at a hyphen or a slash where the line has room for them: in
# topic 3's guidance at 40 columns, "然后CWG-" / "SFP予以" once.
for w in $(seq 24 4 120); do
	run --print all --width "$w"
	broken=$(grep -c '[A-Za-z0-9][-/]$' "$T/out")
	if [ "$status" -eq 0 ] && [ "$broken" -eq 0 ]; then
		ok "no token broken at a hyphen or slash at width $w"
	else
		not_ok "no token broken at a hyphen or slash at width $w" \
			"status $status" "$(grep -A1 '[A-Za-z0-9][-/]$' "$T/out" | head -6)"
	fi
done
# The default width is 80 when standard output is not a terminal.
run --print 7
expect_eq "default width" 80 "$(max_width "$T/out")"

done_testing
