#!/bin/sh
# Printing for real: a private cupsd (tests/cups/cupsd.sh) with a queue
# that writes each job's PDF to a file; topic 7 goes in through lpr and lp,
# as from the shell and as the browser's print key does it (render in
# memory, the command's stdin, the job id from lp's answer), and the
# printed file must hold topic 7's Chinese text with the font embedded.
# Skipped, with cupsd's own reason, only where cupsd cannot run.
. "$top_srcdir/tests/lib.sh"

if ! grep -q '^#define HAVE_PDF 1' "$top_builddir/config.h"; then
	skip_all "PDF output is not built in (configure found no pangocairo): nothing to print"
fi
. "$top_srcdir/tests/pdflib.sh"
for tool in lpr lp lpstat; do
	command -v "$tool" >/dev/null 2>&1 ||
		skip_all "$tool not found: install the Debian packages cups-client and cups-bsd"
done

rig="$top_srcdir/tests/cups/cupsd.sh"
D="$T/cups"
# cupsd runs its filters as the user lp, who must be able to pass through
# the test's own directory (mktemp makes it 0700) to reach the spool.
chmod 711 "$T"
trap '"$rig" stop "$D"; rm -rf "$T"' EXIT
if ! started=$("$rig" start "$D" 2>&1); then
	skip_all "cupsd cannot run here: $started"
fi
ok "private cupsd started, queue cwgview-test accepts jobs"
CUPS_SERVER="$D/cups.sock"
export CUPS_SERVER
# Nothing from the user's own CUPS set-up (~/.cups/lpoptions) applies.
HOME="$T"
export HOME
print_topic="$top_builddir/tests/cups/print_topic"
out="$D/out/job"

# wait_printed: the queue has no job left to do and the device file is
# there.  Polls with a deadline.
wait_printed() {
	end=$(( $(date +%s) + 60 ))
	while [ -n "$(lpstat -o cwgview-test 2>/dev/null)" ] || [ ! -s "$out" ]; do
		# A failed filter leaves the job queued: no use waiting for it.
		if [ "$(date +%s)" -ge "$end" ] ||
		   lpstat -p cwgview-test 2>/dev/null | grep -q -i 'failed'; then
			echo "# still queued: $(lpstat -o cwgview-test 2>&1)"
			echo "# $(lpstat -p cwgview-test 2>&1)"
			return 1
		fi
		sleep 0.05
	done
}

# printed NAME: the job's output is a PDF with every string of topic 7 and
# the CJK font embedded.
printed() {
	if wait_printed; then ok "$1: the job completed"
	else not_ok "$1: the job completed" "$(tail -n 5 "$D/log/error_log")"; return; fi
	check_strings "$1: every string of topic 7 is in the printed PDF" 7 "$out" 841.89
	if cjk_embedded "$out"; then ok "$1: the CJK font is embedded"
	else not_ok "$1: the CJK font is embedded" "$(cat "$T/fonts")"; fi
}

# From the shell, as the README says.
rm -f "$out"
{ "$CWGVIEW" --print 7 --format pdf; echo $? > "$T/cw.status"; } | lpr -P cwgview-test
expect_eq "cwgview --print 7 --format pdf | lpr -P cwgview-test" "0 0" "$(cat "$T/cw.status") $?"
printed "lpr"

# As the browser does: the PDF made in memory, lp given it on stdin, the
# job id read from what lp says.
rm -f "$out"
status=0
"$print_topic" 7 lp -d cwgview-test > "$T/pt" 2>&1 || status=$?
id=$(sed -n 's/^ok //p' "$T/pt")
case $id in
cwgview-test-[0-9]*) ok "lp through spawn_run: job id $id";;
*) not_ok "lp through spawn_run: job id" "status $status" "$(cat "$T/pt")";;
esac
printed "lp"
if lpstat -W completed -o cwgview-test | grep -q "^$id "; then
	ok "job $id is listed as completed"
else
	not_ok "job $id is listed as completed" "$(lpstat -W all -o cwgview-test)"
fi

rm -f "$out"
status=0
"$print_topic" 7 lpr -P cwgview-test > "$T/pt" 2>&1 || status=$?
expect_eq "lpr through spawn_run: no job id printed" "0 ok -" "$status $(cat "$T/pt")"
printed "lpr through spawn_run"

# A queue that does not exist: lpr's own message reaches the status line.
status=0
"$print_topic" 7 lpr -P no-such-queue > "$T/pt" 2>&1 || status=$?
case "$status $(cat "$T/pt")" in
"1 error: lpr exited with status 1: lpr: "*) ok "unknown queue: $(cat "$T/pt")";;
*) not_ok "unknown queue: lpr's error is reported" "status $status" "$(cat "$T/pt")";;
esac

done_testing
