#!/bin/sh
# What the first frame does not need is not loaded (include/cwgview/module.h):
# PDF output (Pango, Cairo, fontconfig) and OpenCC are modules, loaded with
# dlopen on first use.  strace shows the order of what the browser opens
# and writes: no such library before the first frame reaches the terminal,
# OpenCC's module once a search folds.  A missing module is one line that
# names the Debian packages, and the browser carries on.
. "$top_srcdir/tests/lib/lib.sh"
. "$top_srcdir/tests/lib/tmuxlib.sh"

have() { grep -q "^#define $1 1" "$top_builddir/config.h"; }
heavy='pango|cairo|fontconfig|freetype|harfbuzz|glib|gobject|gio-|opencc|stdc\+\+|fribidi|pixman|png'

# What the program itself needs (ld.so maps it before main): a sanitizer
# build's libubsan needs libstdc++, which no lazy loading can avoid.
needed=$(ldd "$CWGVIEW_REAL" | awk '{ print $1 }' | grep -E "$heavy" | tr '\n' ' ')
ok_lib() { # LIB: one of what the program itself needs
	for n in $needed; do
		case $1 in */"$n") return 0 ;; esac
	done
	return 1
}

# ---- the browser under strace: what it opens before the first frame ----
if ! command -v strace >/dev/null 2>&1; then
	skip "the first frame maps none of $heavy" "strace is not installed (./build.sh check installs it)"
	skip "a search then loads OpenCC's module" "strace is not installed"
elif ! strace -o /dev/null true 2>"$T/strace.err"; then
	skip "the first frame maps none of $heavy" "strace cannot trace here: $(head -n 1 "$T/strace.err")"
	skip "a search then loads OpenCC's module" "strace cannot trace here"
else
	R="$T/status.trace"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 strace -f -o '$T/trace' -e trace=openat,write -e signal=none -s 65536 '$CWGVIEW_REAL' 2>'$T/err'; echo status \$? > '$R'")
	tm resize-window -t "$W" -x 120 -y 40
	see "the browser opens under strace" "简化和明确"
	tm send-keys -t "$W" / '國際電聯' Enter
	see "a traditional search finds the simplified text" "国际电联"
	tm send-keys -t "$W" q
	wait_status
	# The first write of the frame: the first to the terminal that holds
	# the document's title (CWG-SFP); every shared object opened before.
	awk '/write\(1, .*CWG-SFP/ { exit } /openat\(.*\.so[."]/ && !/= -1/ {
		sub(/^[^"]*"/, ""); sub(/".*/, ""); print }' "$T/trace" > "$T/before"
	awk 'f && /openat\(.*\.so[."]/ && !/= -1/ { sub(/^[^"]*"/, ""); sub(/".*/, ""); print }
	     /write\(1, .*CWG-SFP/ { f = 1 }' "$T/trace" > "$T/after"
	bad=
	while read -r lib; do
		if printf '%s\n' "$lib" | grep -qE "$heavy" && ! ok_lib "$lib"; then
			bad="$bad $lib"
		fi
	done < "$T/before"
	n_before=$(wc -l < "$T/before" | tr -d ' ')
	if [ "$n_before" -gt 0 ] && [ -z "$bad" ] && grep -q 'write(1, .*CWG-SFP' "$T/trace"; then
		ok "the first frame maps none of $heavy ($n_before shared objects opened before it${needed:+; the program itself needs $needed})"
	else
		not_ok "the first frame maps none of $heavy" "opened before the first frame:$bad" \
			"$(cat "$T/before")"
	fi
	if ! have HAVE_OPENCC; then
		skip "a search then loads OpenCC's module" "built without OpenCC"
	elif grep -q '/cwgview-t2s\.so$' "$T/after" && grep -q 'libopencc' "$T/after"; then
		ok "a search then loads OpenCC's module, after the first frame"
	else
		not_ok "a search then loads OpenCC's module, after the first frame" \
			"opened after the first frame:" "$(cat "$T/after")"
	fi
	tm kill-window -t "$W"
fi

# ---- a missing module ----
mkdir "$T/empty"
if have HAVE_PDF; then
	status=0
	CWGVIEW_MODULE_DIR="$T/empty" "$CWGVIEW" --print 3 --format pdf >"$T/out" 2>"$T/err" || status=$?
	if [ "$status" -eq 2 ] && [ ! -s "$T/out" ] && [ "$(line_count "$T/err")" = 1 ] &&
	   grep -qF "cwgview: no PDF output: needs the Debian packages libpangocairo-1.0-0, libcairo2 and libfontconfig1; cannot load $T/empty/cwgview-pdf.so: " "$T/err"; then
		ok "PDF module missing: --format pdf is one line naming the packages, status 2"
	else
		not_ok "PDF module missing: --format pdf is one line naming the packages, status 2" \
			"status $status" "$(cat "$T/err")"
	fi
	# Another module under the PDF module's name: refused, not called.
	if have HAVE_OPENCC; then
		mkdir "$T/wrong"
		cp "$top_builddir/cwgview-t2s.so" "$T/wrong/cwgview-pdf.so"
		status=0
		CWGVIEW_MODULE_DIR="$T/wrong" "$CWGVIEW" --print 3 --format pdf >"$T/out" 2>"$T/err" || status=$?
		expect_eq "a module that is not this cwgview's is refused" \
			"2:cwgview: no PDF output: cannot load $T/wrong/cwgview-pdf.so: it is not the module of this cwgview (reinstall cwgview)" \
			"$status:$(cat "$T/err")"
	else
		skip "a module that is not this cwgview's is refused" "built without OpenCC (no second module to misplace)"
	fi
	# The browser says so on its status line and goes on.
	R="$T/status.missing"
	W=$(tm new-window -d -P -F '#{window_id}' \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 CWGVIEW_MODULE_DIR='$T/empty' '$CWGVIEW' 2>'$T/err.missing'; echo status \$? > '$R'")
	tm resize-window -t "$W" -x 120 -y 40
	see "the browser opens without its modules" "简化和明确"
	tm send-keys -t "$W" p
	see "p without the PDF module: the status line names the packages" "no PDF output" "libpangocairo"
	tm send-keys -t "$W" j
	see "and the browser carries on" "topic 2/10"
	tm send-keys -t "$W" q
	if wait_status && [ "$(cat "$R")" = "status 0" ]; then ok "q quits with status 0"
	else not_ok "q quits with status 0" "$(cat "$R" 2>/dev/null)" "$(cat "$T/err.missing")"; fi
else
	for c in "PDF module missing: --format pdf is one line naming the packages, status 2" \
		 "a module that is not this cwgview's is refused" \
		 "the browser opens without its modules" \
		 "p without the PDF module: the status line names the packages" \
		 "and the browser carries on" "q quits with status 0"; do
		skip "$c" "built without PDF output"
	done
fi
if have HAVE_OPENCC; then
	status=0
	CWGVIEW_MODULE_DIR="$T/empty" "$CWGVIEW" --count --search 國際電聯 >"$T/out" 2>"$T/err" || status=$?
	if [ "$status" -eq 1 ] && [ "$(cat "$T/out")" = 0 ] && [ "$(line_count "$T/err")" = 1 ] &&
	   grep -qF "cwgview: warning: traditional Chinese will not match simplified: needs the Debian packages libopencc1.1 and libopencc-data; cannot load $T/empty/cwgview-t2s.so: " "$T/err"; then
		ok "OpenCC's module missing: one warning naming the packages, and the search goes on"
	else
		not_ok "OpenCC's module missing: one warning naming the packages, and the search goes on" \
			"status $status" "$(cat "$T/out" "$T/err")"
	fi
	run --count --search 國際電聯
	expect_eq "with it, 國際電聯 folds" "62" "$(cat "$T/out")"
else
	skip "OpenCC's module missing: one warning naming the packages, and the search goes on" "built without OpenCC"
	skip "with it, 國際電聯 folds" "built without OpenCC"
fi

# ---- where a module is found ----
# The build tree's program finds its modules beside it, untold.
if have HAVE_PDF; then
	status=0
	env -u CWGVIEW_MODULE_DIR "$CWGVIEW_REAL" --print 3 --format pdf -o "$T/t3.pdf" >"$T/out" 2>"$T/err" || status=$?
	expect_eq "the build tree's cwgview finds cwgview-pdf.so beside it" "0:%PDF-" \
		"$status:$(head -c 5 "$T/t3.pdf" 2>/dev/null)$(cat "$T/err")"
	# A copy elsewhere does not: it looks in pkglibdir.
	cp "$CWGVIEW_REAL" "$T/cwgview"
	pkglibdir=$(installdir pkglibdir)
	if [ -f "$pkglibdir/cwgview-pdf.so" ]; then
		skip "a copy elsewhere looks in pkglibdir" "cwgview is installed in $pkglibdir"
	else
		status=0
		env -u CWGVIEW_MODULE_DIR "$T/cwgview" --print 3 --format pdf -o "$T/t3b.pdf" >"$T/out" 2>"$T/err" || status=$?
		if [ "$status" -eq 2 ] && grep -qF "cannot load $pkglibdir/cwgview-pdf.so: " "$T/err"; then
			ok "a copy elsewhere looks in pkglibdir ($pkglibdir)"
		else
			not_ok "a copy elsewhere looks in pkglibdir" "status $status" "$(cat "$T/err")"
		fi
	fi
else
	skip "the build tree's cwgview finds cwgview-pdf.so beside it" "built without PDF output"
	skip "a copy elsewhere looks in pkglibdir" "built without PDF output"
fi

# ---- --secure never loads the PDF part ----
run --secure --print 3 --format pdf
if [ "$status" -eq 2 ] && [ ! -s "$T/out" ] &&
   grep -qF "cwgview: --format pdf loads the PDF renderer, which --secure keeps out" "$T/err"; then
	ok "--secure refuses --format pdf before anything is loaded"
else
	not_ok "--secure refuses --format pdf before anything is loaded" "status $status" "$(cat "$T/err")"
fi

done_testing
