#!/bin/sh
# A private CUPS scheduler for the printing tests.
#
#   cupsd.sh start DIR   start cupsd with everything under DIR (created):
#                        configuration, spool, logs, and a unix socket
#                        DIR/cups.sock; add the queue cwgview-test, which
#                        writes each job to DIR/out/job: a file: device
#                        behind cups-filters' Generic PDF Printer, so the
#                        file is the PDF as a PDF printer would get it
#                        (through the pdftopdf filter).  The file must
#                        exist before each job and be empty (cupsd.sh
#                        clear DIR): since Debian's CUPS 2.4.2-3+deb12u10
#                        the scheduler opens a file: device with
#                        O_WRONLY|O_EXCL, no O_CREAT and no O_TRUNC, so a
#                        missing file stops the job ("could not open the
#                        output file") and an old one keeps its tail.
#                        Prints CUPS_SERVER=DIR/cups.sock when the queue
#                        accepts jobs.  On failure prints the reason (from
#                        cupsd's own log when it has one) and exits 1.
#   cupsd.sh clear DIR   empty (create) DIR/out/job for the next job.
#   cupsd.sh wait DIR [QUEUE]
#                        wait until the newest job (of QUEUE, default
#                        cwgview-test) has ended: exit 0 when
#                        it completed and DIR/out/job holds its output;
#                        otherwise (stopped, aborted, canceled, or no end
#                        within 60 s) print its state and the E lines
#                        of cupsd's error_log, and exit 1.
#   cupsd.sh stop DIR    stop that cupsd and wait until it is gone.
#
# Clients reach it with CUPS_SERVER=DIR/cups.sock (lpr, lp, lpstat); it
# listens on no TCP port and shares nothing with the system's cupsd, which
# may or may not be running (Debian's postinst starts one where it can).
# Waits poll with a deadline; there is no fixed sleep.
set -u

cmd=${1:-}
D=${2:-}
[ -n "$D" ] || { echo "usage: cupsd.sh start|clear|wait|stop DIR" >&2; exit 2; }
PIDFILE=$D/cupsd.pid
. "$(dirname "$0")/../lib/daemon.sh"
QUEUE=cwgview-test
SOCK=$D/cups.sock

# Why cupsd is not up: the last errors of its log, or what it printed.
reason() {
	{
		grep -h '^[EA] ' "$D/log/error_log" 2>/dev/null | tail -n 3
		tail -n 3 "$D/log/cupsd.out" 2>/dev/null
	} | sed 's/^[EA] \[[^]]*\] //' | tr '\n' ' ' | cut -c 1-400
}

fail() { echo "$1: $(reason)"; "$0" stop "$D" >/dev/null 2>&1; exit 1; }

start() {
	cupsd=
	for c in /usr/sbin/cupsd "$(command -v cupsd 2>/dev/null)"; do
		[ -x "$c" ] && { cupsd=$c; break; }
	done
	[ -n "$cupsd" ] || { echo "cupsd not found (Debian package cups-daemon)"; exit 1; }
	command -v lpadmin >/dev/null 2>&1 || { echo "lpadmin not found (Debian package cups-client)"; exit 1; }
	# As root, cupsd runs filters as lp: they must reach DIR/spool.
	if [ "$(id -u)" -eq 0 ]; then
		dir=$(dirname "$D")
		while [ "$dir" != / ]; do
			perm=$(stat -c %A "$dir") || exit 1
			case $perm in
			*x | *t) ;;
			*) echo "$dir is not searchable by others, so cupsd's filters (user lp) cannot reach $D"; exit 1;;
			esac
			dir=$(dirname "$dir")
		done
	fi
	mkdir -p "$D/etc/ppd" "$D/etc/ssl" "$D/spool/tmp" "$D/cache" "$D/state" \
		"$D/log" "$D/out" || exit 1
	# Readable by the filters, writable by no one else: cupsd refuses
	# configuration and spool directories that others can write.
	chmod 755 "$D" "$D/etc" "$D/spool" "$D/cache" "$D/state" "$D/log" "$D/out"
	chmod 1777 "$D/spool/tmp"
	cat > "$D/etc/cups-files.conf" <<EOC
ServerRoot $D/etc
RequestRoot $D/spool
TempDir $D/spool/tmp
CacheDir $D/cache
StateDir $D/state
ErrorLog $D/log/error_log
AccessLog $D/log/access_log
PageLog $D/log/page_log
Printcap $D/state/printcap
FileDevice Yes
SystemGroup root
EOC
	cat > "$D/etc/cupsd.conf" <<EOC
LogLevel debug
MaxLogSize 0
Listen $SOCK
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
PreserveJobFiles No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
    Allow all
  </Limit>
</Policy>
EOC
	chmod 644 "$D/etc/cupsd.conf" "$D/etc/cups-files.conf"
	# -f: stay in the foreground, so its pid is ours to stop.
	"$cupsd" -f -c "$D/etc/cupsd.conf" -s "$D/etc/cups-files.conf" \
		</dev/null >"$D/log/cupsd.out" 2>&1 &
	echo $! > "$D/cupsd.pid"
	up() { alive && [ -S "$SOCK" ] && lpstat -h "$SOCK" -r | grep -q 'is running'; }
	wait_for 30 up || fail "cupsd did not start"
	# A raw queue would be simpler, but CUPS 2.4 sends nothing at all to
	# a file: device when a job has no filter to run.
	ppd=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd
	[ -f "$ppd" ] || fail "no $ppd (Debian package cups-filters)"
	lpadmin -h "$SOCK" -p "$QUEUE" -v "file://$D/out/job" -P "$ppd" -E >"$D/log/lpadmin.out" 2>&1 ||
		fail "lpadmin could not add the queue: $(cat "$D/log/lpadmin.out")"
	ready() {
		lpstat -h "$SOCK" -a "$QUEUE" | grep -q 'accepting requests' &&
			lpstat -h "$SOCK" -p "$QUEUE" | grep -q 'enabled'
	}
	wait_for 30 ready || fail "the queue $QUEUE does not accept jobs"
	"$0" clear "$D" || fail "cannot create $D/out/job"
	echo "CUPS_SERVER=$SOCK"
}

# The job state of the newest job on the queue, as "ID STATE", through IPP
# (ipptool from cups-ipp-utils): lpstat shows a stopped job as if it were
# still queued.
newest_job() {
	host=$(printf '%s' "$SOCK" | sed 's|/|%2F|g')
	cat > "$D/jobs.test" <<'EOT'
{
	OPERATION Get-Jobs
	GROUP operation-attributes-tag
	ATTR charset attributes-charset utf-8
	ATTR naturalLanguage attributes-natural-language en
	ATTR uri printer-uri $uri
	ATTR keyword which-jobs all
	ATTR keyword requested-attributes job-id,job-state
	DISPLAY job-id
	DISPLAY job-state
}
EOT
	ipptool -c "ipp://$host/printers/$1" "$D/jobs.test" 2>/dev/null |
		sed -n 's/^\([0-9][0-9]*\),\([a-z-]*\)$/\1 \2/p' | sort -n | tail -n 1
}

wait_job() {
	command -v ipptool >/dev/null 2>&1 ||
		{ echo "ipptool not found (Debian package cups-ipp-utils)"; exit 1; }
	end=$(( $(date +%s) + 60 ))
	while :; do
		job=$(newest_job "${1:-$QUEUE}")
		case $job in
		*" completed") [ -s "$D/out/job" ] && return 0; break ;;
		*" processing-stopped" | *" aborted" | *" canceled") break ;;
		esac
		[ "$(date +%s)" -lt "$end" ] || { job="${job:-no job} (after 60 s)"; break; }
		sleep 0.05
	done
	if [ -f "$D/out/job" ]; then bytes=$(wc -c < "$D/out/job"); else bytes=no; fi
	echo "job ${job:-none}: $bytes bytes in $D/out/job"
	grep '^E ' "$D/log/error_log" 2>/dev/null | tail -n 10
	exit 1
}


case $cmd in
start) start ;;
clear) : > "$D/out/job" && chmod 644 "$D/out/job" ;;
wait) wait_job "${3:-}" ;;
stop) stop_daemon ;;
*) echo "usage: cupsd.sh start|clear|wait|stop DIR" >&2; exit 2 ;;
esac
