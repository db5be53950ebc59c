#!/bin/sh
# After make install the program finds its document and its modules
# (include/cwgview/module.h) where make install put them: a fresh build of
# this source tree, configured for a prefix of its own, installed there and
# checked by make installcheck (the installed binary's --check, a PDF
# through the PDF module, a traditional query through OpenCC's module),
# then the same binary with its modules gone.
. "$top_srcdir/tests/lib/lib.sh"

b="$T/build" p="$T/prefix"
if [ -f "$top_srcdir/config.status" ]; then
	# configure refuses a second build of a tree built in place.
	skip_all "the source tree is configured in place (./configure there): an installed copy needs a build of its own (make distclean there, build in a directory)"
fi
mkdir "$b"
if ! (cd "$b" && "$top_srcdir/configure" --prefix="$p" CFLAGS=-O0 >"$T/configure.log" 2>&1); then
	not_ok "configure --prefix for an installed copy" "$(tail -n 5 "$T/configure.log")"
	done_testing
fi
if make -C "$b" -j2 install >"$T/install.log" 2>&1; then
	ok "make install into a prefix of its own"
else
	not_ok "make install into a prefix of its own" "$(tail -n 10 "$T/install.log")"
	done_testing
fi
have() { grep -q "^#define $1 1" "$b/config.h"; }
for m in pdf:HAVE_PDF t2s:HAVE_OPENCC; do
	if ! have "${m#*:}"; then
		skip "cwgview-${m%%:*}.so installed in pkglibdir" "not built (${m#*:})"
	elif [ -f "$p/lib/cwgview/cwgview-${m%%:*}.so" ]; then
		ok "cwgview-${m%%:*}.so installed in pkglibdir"
	else
		not_ok "cwgview-${m%%:*}.so installed in pkglibdir" "$(ls -R "$p")"
	fi
done
# The translations, where the installed binary looks for them.
if ! grep -q "^#define ENABLE_NLS 1" "$b/config.h"; then
	skip "the installed cwgview speaks Chinese under zh_CN.UTF-8" "built without NLS"
elif ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	skip "the installed cwgview speaks Chinese under zh_CN.UTF-8" "no zh_CN.UTF-8 locale"
elif [ "$(env -u CWGVIEW_LOCALEDIR LC_ALL=zh_CN.UTF-8 "$p/bin/cwgview" --help | head -n 1)" = \
       "用法：cwgview [选项]... [+N | +/模式] [文件]" ] &&
     [ -f "$p/share/locale/zh_CN/LC_MESSAGES/cwgview.mo" ]; then
	ok "the installed cwgview speaks Chinese under zh_CN.UTF-8 (share/locale/zh_CN/LC_MESSAGES/cwgview.mo)"
else
	not_ok "the installed cwgview speaks Chinese under zh_CN.UTF-8" "$(ls -R "$p/share" | head -20)"
fi
# The man pages, where man looks: the English one, and the Chinese one
# under a Chinese locale.
if [ -f "$p/share/man/man1/cwgview.1" ] && [ -f "$p/share/man/zh_CN/man1/cwgview.1" ]; then
	ok "make install puts the man pages in share/man/man1 and share/man/zh_CN/man1"
else
	not_ok "make install puts the man pages in share/man/man1 and share/man/zh_CN/man1" "$(ls -R "$p/share/man")"
fi
if ! command -v man > /dev/null 2>&1; then
	skip "man finds the installed man pages, by the language" "no man (Debian package man-db)"
elif ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	skip "man finds the installed man pages, by the language" "no zh_CN.UTF-8 locale"
else
	zh=$(env -u LANGUAGE LC_ALL=zh_CN.UTF-8 MANWIDTH=80 MANPATH="$p/share/man" man cwgview 2>&1 | sed -n 3p)
	en=$(env -u LANGUAGE LC_ALL=C.UTF-8 MANWIDTH=80 MANPATH="$p/share/man" man cwgview 2>&1 | sed -n 3p)
	expect_eq "man finds the installed man pages, by the language" "名称 NAME" "$zh $en"
fi
# DESTDIR: everything under it, at the prefix's places, and nothing
# written into the prefix itself.
touch "$T/before-destdir"
if make -C "$b" install DESTDIR="$T/dest" >"$T/destdir.log" 2>&1; then
	missing=
	for f in bin/cwgview share/cwgview/cwgsfp.yaml share/man/man1/cwgview.1 \
		share/man/zh_CN/man1/cwgview.1 share/locale/zh_CN/LC_MESSAGES/cwgview.mo; do
		[ -f "$T/dest$p/$f" ] || missing="$missing $f"
	done
	if have HAVE_PDF && [ ! -f "$T/dest$p/lib/cwgview/cwgview-pdf.so" ]; then missing="$missing lib/cwgview/cwgview-pdf.so"; fi
	expect_eq "make install DESTDIR=… puts the binary, data, modules, man pages and translations under it" "" "$missing"
	expect_eq "and writes nothing into the prefix itself" "" "$(find "$p" -newer "$T/before-destdir" -print)"
else
	not_ok "make install DESTDIR=…" "$(tail -n 10 "$T/destdir.log")"
fi
if env -u CWGVIEW_DATA -u CWGVIEW_MODULE_DIR make -C "$b" installcheck >"$T/check.log" 2>&1; then
	ok "make installcheck: the installed cwgview finds its document, prints a PDF and folds 國際電聯"
else
	not_ok "make installcheck" "$(tail -n 10 "$T/check.log")"
fi
# The installed binary does not fall back on the build tree's modules.
rm -rf "$p/lib/cwgview"
status=0
env -u CWGVIEW_DATA -u CWGVIEW_MODULE_DIR "$p/bin/cwgview" --count --search 國際電聯 >"$T/out" 2>"$T/err" || status=$?
if ! have HAVE_OPENCC; then
	skip "without its modules the installed cwgview says which packages" "built without OpenCC"
elif [ "$status" = 1 ] && grep -qF "cannot load $p/lib/cwgview/cwgview-t2s.so: " "$T/err"; then
	ok "without its modules the installed cwgview says which packages, and searches on"
else
	not_ok "without its modules the installed cwgview says which packages" "status $status" "$(cat "$T/out" "$T/err")"
fi
done_testing
