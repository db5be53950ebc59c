#!/bin/sh
# README's set-up command on a machine where it has everything to do:
# "./build.sh run --print 7 > t7.txt" must leave topic 7 alone in t7.txt.
# A copy of the source tree without its builds runs autoreconf, configure
# and make; dpkg-query says a package is missing, so apt-get (a stand-in
# on PATH that chatters on standard output, as the real one does) runs too.
. "$top_srcdir/tests/lib/lib.sh"

if [ -f "$top_srcdir/config.status" ]; then
	skip_all "the source tree is configured in place, so configure refuses a copy of it"
fi
for tool in autoreconf tar; do
	command -v "$tool" >/dev/null 2>&1 || skip_all "$tool not found"
done

mkdir "$T/src" "$T/bin"
(cd "$top_srcdir" && tar --exclude=./_build --exclude=./.git --exclude=./autom4te.cache \
	--exclude=./configure -cf - .) | (cd "$T/src" && tar -xf -) ||
	{ not_ok "copy the source tree"; done_testing; }
chmod -R u+w "$T/src"
cat > "$T/bin/dpkg-query" <<'EOS'
#!/bin/sh
# Every package is installed, but for fonts-noto-cjk.
for last; do :; done
case $last in fonts-noto-cjk) echo "unknown ok not-installed";; *) echo "install ok installed";; esac
EOS
cat > "$T/bin/apt-get" <<'EOS'
#!/bin/sh
echo "Reading package lists... Done"
echo "apt-get $*" >> "$APT_LOG"
EOS
printf '#!/bin/sh\nexec "$@"\n' > "$T/bin/sudo"
chmod +x "$T/bin/dpkg-query" "$T/bin/apt-get" "$T/bin/sudo"

status=0
# Without make check's CWGVIEW_DATA: build.sh gives the binary the copy's
# own document.
APT_LOG="$T/apt.log" PATH="$T/bin:$PATH" env -u CWGVIEW_DATA "$T/src/build.sh" run --print 7 \
	> "$T/t7.txt" 2> "$T/setup.err" || status=$?
"$CWGVIEW" --print 7 > "$T/want.txt"
if [ "$status" -eq 0 ] && cmp -s "$T/want.txt" "$T/t7.txt"; then
	ok "./build.sh run --print 7 > t7.txt: topic 7 alone on standard output"
else
	not_ok "./build.sh run --print 7 > t7.txt: topic 7 alone on standard output" "status $status" \
		"$(diff "$T/want.txt" "$T/t7.txt" | head -n 10)" "$(tail -n 5 "$T/setup.err")"
fi
if grep -q 'install .*fonts-noto-cjk' "$T/apt.log" 2>/dev/null && grep -q '^checking ' "$T/setup.err"; then
	ok "apt-get, configure and make ran, and said so on standard error"
else
	not_ok "apt-get, configure and make ran, and said so on standard error" \
		"$(cat "$T/apt.log" 2>&1)" "$(head -n 5 "$T/setup.err")"
fi

done_testing
