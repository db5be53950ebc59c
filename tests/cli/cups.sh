#!/bin/sh
# Printing for real: a private cupsd (tests/cups/cupsd.sh) with a queue
# that writes each job's PDF to a file; topic 7 goes in through lpr from
# the shell, and through the browser's p key (run headless: 7g, p, y) with
# lpr and with lp, whose job id the status line reports; the printed file
# must hold topic 7's Chinese text with the font embedded.
# Skipped, with cupsd's own reason, only where cupsd cannot run.
. "$top_srcdir/tests/lib/lib.sh"

if ! grep -q '^#define HAVE_PDF 1' "$top_builddir/config.h"; then
	skip_all "PDF output is not built in (configure found no pangocairo): nothing to print"
fi
. "$top_srcdir/tests/lib/pdflib.sh"
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
out="$D/out/job"

# browser_print ARG…: the browser, headless, shows topic 7 and presses p,
# then y; leaves its status line in $T/status.
printf '7g\np\ny\n:save-display %s\n' "$T/screen" > "$T/print.keys"
browser_print() {
	status=0
	CWGVIEW_SCRIPT="$T/print.keys" TERM=xterm-256color COLUMNS=100 LINES=24 \
		"$CWGVIEW" "$@" > "$T/bp.out" 2>&1 || status=$?
	tail -n 1 "$T/screen" | sed 's/^ *//; s/  .*//' > "$T/status"
}

# wait_printed: the newest job has completed and its output is in $out;
# otherwise its state and cupsd's E lines, as soon as it has stopped.
wait_printed() { "$rig" wait "$D" > "$T/wait.out" 2>&1; }

# printed NAME: the job's output is a PDF with every string of topic 7 and
# the CJK font embedded.
printed() {
	if wait_printed; then ok "$1: the job completed"
	else not_ok "$1: the job completed" "$(cat "$T/wait.out")"; return; fi
	check_strings "$1: every string of topic 7 is in the printed PDF" 7 "$out" 841.89
	if cjk_embedded "$out"; then ok "$1: the CJK font is embedded"
	else not_ok "$1: the CJK font is embedded" "$(cat "$T/fonts")"; fi
	# What came out of CUPS's filters, not only what went in, draws every
	# Chinese character.
	# shellcheck disable=SC2046
	if ink_out=$("$ink" 100 "$T/pg.bbox" $(ink_pages "$out")); then
		ok "$1: every full-width character has ink ($(echo "$ink_out" | tail -n 1))"
	else
		not_ok "$1: every full-width character has ink" "$(echo "$ink_out" | tail -n 5)"
	fi
}

# From the shell, as the README says.
"$rig" clear "$D"
{ "$CWGVIEW" --print 7 --format pdf; echo $? > "$T/cw.status"; } | lpr -P cwgview-test
expect_eq "cwgview --print 7 --format pdf | lpr -P cwgview-test" "0 0" "$(cat "$T/cw.status") $?"
printed "lpr"

# The browser's p with the default command: lpr -P PRINTER, which prints
# no job id.
"$rig" clear "$D"
browser_print --printer cwgview-test
expect_eq "browser p through lpr: status line" "0 topic 7 sent to cwgview-test for printing" \
	"$status $(cat "$T/status")"
printed "browser p through lpr"

# With lp as the print command: its job id reaches the status line.
"$rig" clear "$D"
browser_print --print-command "lp -d cwgview-test"
id=$(sed -n 's/^topic 7 sent to lp -d cwgview-test for printing, job //p' "$T/status")
case $status:$id in
0:cwgview-test-[0-9]*) ok "browser p through lp: job id $id on the status line";;
*) not_ok "browser p through lp: job id on the status line" "status $status" "$(cat "$T/status" "$T/bp.out")";;
esac
printed "browser p through lp"
if [ -n "$id" ] && lpstat -W completed -o cwgview-test | grep -q "^$id "; then
	ok "job $id is listed as completed"
else
	not_ok "job $id is listed as completed" "$(lpstat -W all -o cwgview-test)"
fi

# A job that cupsd stops is reported as soon as it stops, with the E lines
# of cupsd's error_log, not after the whole deadline: a queue whose file:
# device is in a folder that does not exist.
if lpadmin -h "$CUPS_SERVER" -p cwgview-broken -v "file://$D/no-such-dir/job" \
	-P /usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd -E > "$T/lpadmin.out" 2>&1; then
	"$CWGVIEW" --print 7 --format pdf | lpr -P cwgview-broken
	"$rig" wait "$D" cwgview-broken > "$T/broken.out" 2>&1 && st=0 || st=$?
	if [ "$st" -eq 1 ] && grep -q '^job [0-9]* \(processing-stopped\|aborted\)' "$T/broken.out" &&
	   grep -q '^E .*could not open the output file' "$T/broken.out"; then
		ok "a stopped job is reported at once, with cupsd's E lines"
	else
		not_ok "a stopped job is reported at once, with cupsd's E lines" "status $st" "$(cat "$T/broken.out")"
	fi
else
	not_ok "lpadmin adds a second queue" "$(cat "$T/lpadmin.out")"
fi

# A queue that does not exist: lpr's own message reaches the status line,
# and the browser goes on.
browser_print --printer no-such-queue
case "$status $(cat "$T/status")" in
"0 lpr exited with status 1: lpr: "*) ok "unknown queue: $(cat "$T/status")";;
*) not_ok "unknown queue: lpr's error is reported" "status $status" "$(cat "$T/status")";;
esac

done_testing
