#!/bin/sh
# The interface in Chinese or English, through gettext (po/zh_CN.po; the
# build tree's translations through CWGVIEW_LOCALEDIR): the language comes
# from LANGUAGE, LC_ALL and LC_MESSAGES as usual; the document's own text
# is never touched.  Needs the locale zh_CN.UTF-8 (./build.sh check makes
# it with localedef).
. "$top_srcdir/tests/lib/lib.sh"

locale -a 2>/dev/null | grep -qix 'zh_CN.utf8' ||
	skip_all "no zh_CN.UTF-8 locale (./build.sh check makes it: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
zh="LC_ALL=zh_CN.UTF-8"

# Every message of the template is translated, and none is fuzzy.
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$top_srcdir/po/zh_CN.po" 2>&1)
if printf '%s\n' "$stats" | grep -q '^[0-9]* translated messages\.$'; then ok "zh_CN.po: $stats"
else not_ok "zh_CN.po: every message translated" "$stats"; fi
# Every source file with marked strings is in po/POTFILES.in.
for f in $(cd "$top_srcdir" && grep -rl '_("\|P_("\|N_("' src include); do
	grep -qx "$f" "$top_srcdir/po/POTFILES.in" || not_ok "po/POTFILES.in lists $f"
done
ok "po/POTFILES.in lists every file with marked strings"

# --help in each language, as wide as the terminal's 80 columns.
for how in "$zh" "LC_MESSAGES=zh_CN.UTF-8 LC_CTYPE=C.UTF-8" "LANGUAGE=zh_CN LANG=C.UTF-8"; do
	# shellcheck disable=SC2086
	env -u LC_ALL -u LANG -u LANGUAGE $how "$CWGVIEW" --help > "$T/out" 2>"$T/err"
	expect_eq "--help with $how" "用法：cwgview [选项]... [+N | +/模式] [文件]" "$(head -n 1 "$T/out")"
done
LC_ALL=zh_CN.UTF-8 wc -L < "$T/out" > "$T/w"
if [ "$(cat "$T/w")" -le 80 ]; then ok "the Chinese --help fits 80 columns ($(cat "$T/w"))"
else not_ok "the Chinese --help fits 80 columns" "$(cat "$T/w")"; fi
LC_ALL=C.UTF-8 "$CWGVIEW" --help > "$T/out"
expect_eq "--help under C.UTF-8: English" "Usage: cwgview [OPTION]... [+N | +/PATTERN] [FILE]" "$(head -n 1 "$T/out")"
env -u LC_ALL LANGUAGE=zh_CN LC_ALL=C "$CWGVIEW" --help > "$T/out"
expect_eq "LANGUAGE under the C locale: English, as gettext does" "Usage: cwgview [OPTION]... [+N | +/PATTERN] [FILE]" "$(head -n 1 "$T/out")"

# Errors: the cwgview: FILE:LINE:COLUMN: prefix stays, for tools; the
# message is in the language asked for.
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --bogus > "$T/out" 2>"$T/err"; st=$?
expect_eq "a usage error in Chinese, status $st" "cwgview: 未知的选项“--bogus”（见 cwgview --help）" "$(cat "$T/err")"
LC_ALL=C.UTF-8 "$CWGVIEW" --bogus > "$T/out" 2>"$T/err"
expect_eq "and in English under C.UTF-8" "cwgview: unknown option '--bogus' (see cwgview --help)" "$(cat "$T/err")"
printf 'theme: purple\n' > "$T/config"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --config "$T/config" --print 1 > "$T/out" 2>"$T/err"
expect_eq "a config warning in Chinese, its place first" \
	"cwgview: $T/config:1:8: theme 的值“purple”无效：请用 auto, dark, light or none；已忽略" "$(cat "$T/err")"

# The loader's errors, every one of tests/bad: the same place as in
# English, the message in Chinese.  libyaml's own words for a syntax error
# stay libyaml's, after a Chinese "YAML 语法错误："; strerror's are the C
# library's.
n=0
for f in "$top_srcdir"/tests/bad/*.yaml; do
	LC_ALL=C.UTF-8 "$CWGVIEW" --check "$f" > /dev/null 2>"$T/en"
	LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --check "$f" > /dev/null 2>"$T/zh"
	en_place=$(sed 's/^\(cwgview: [^:]*:[0-9]*:[0-9]*:\).*/\1/' "$T/en")
	zh_place=$(sed 's/^\(cwgview: [^:]*:[0-9]*:[0-9]*:\).*/\1/' "$T/zh")
	zh_msg=$(sed 's/^cwgview: [^:]*:[0-9]*:[0-9]*: //' "$T/zh")
	if [ "$en_place" = "$zh_place" ] && [ "$(wc -l < "$T/zh")" -eq 1 ] &&
		printf '%s' "$zh_msg" | LC_ALL=C.UTF-8 grep -qP '[\x{4e00}-\x{9fff}]' &&
		! cmp -s "$T/en" "$T/zh"; then n=$((n + 1))
	else not_ok "the error for ${f##*/} in Chinese, at the same place" "$(cat "$T/en" "$T/zh")"; fi
done
expect_eq "every bad document's error in Chinese (tests/bad)" \
	"$(ls "$top_srcdir"/tests/bad/*.yaml | wc -l)" "$n"
bad="$top_srcdir/tests/bad"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --check "$bad/unknown-key.yaml" > /dev/null 2>"$T/err"; st=$?
expect_eq "an unknown key, in Chinese, status $st" \
	"2 cwgview: $bad/unknown-key.yaml:13:10: 未知的键“mark”，位于条目中（应为 marker, text, items, see 之一）" \
	"$st $(cat "$T/err")"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --check "$bad/control.yaml" > /dev/null 2>"$T/err"
expect_eq "libyaml's control-character problem, in Chinese" \
	"cwgview: $bad/control.yaml:11:39: 不允许使用控制字符（U+001B）" "$(cat "$T/err")"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --print 99 > /dev/null 2>"$T/err"
expect_eq "a topic that is not there, in Chinese" \
	"cwgview: 没有主题 99（主题为 1 到 10）（见 cwgview --help）" "$(cat "$T/err")"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --regex --search '[b-a]' > /dev/null 2>"$T/err"; st=$?
expect_eq "a bad regular expression, in Chinese, status $st" \
	"2 cwgview: 无效的正则表达式：[ ] 中的范围结尾在开头之前" "$st $(cat "$T/err")"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --xref CWG-SFP-1/99 > /dev/null 2>"$T/err"; st=$?
expect_eq "--xref that nothing cites, in Chinese, status $st" \
	"1 cwgview: 没有引用 CWG-SFP-1/99 的输入" "$st $(cat "$T/err")"
LC_ALL=C.UTF-8 "$CWGVIEW" --regex --search '[b-a]' > /dev/null 2>"$T/err"
expect_eq "and in English under C.UTF-8" \
	"cwgview: invalid regular expression: a range in [ ] whose end comes before its start" "$(cat "$T/err")"

# The document is not translated: the same text in either language.
LC_ALL=C.UTF-8 "$CWGVIEW" --print 7 > "$T/en"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --print 7 > "$T/zh"
expect_file "--print is the document's text in either language" "$T/en" "$T/zh"

# The Chinese man page (docs/zh_CN/cwgview.1, installed under
# share/man/zh_CN/man1): its KEYS section is the key table's Chinese, it
# names every option the Chinese --help does and no other, it has the
# English page's sections, and man lays it out within the width asked
# for, with no warning from troff (Chinese breaks between characters).
zhman="$top_srcdir/docs/zh_CN/cwgview.1"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --keys-man > "$T/out"
man_section "$(head -n 1 "$T/out")" "$zhman" > "$T/man-keys"
expect_file "the Chinese man page's KEYS section is the key table's Chinese" "$T/man-keys" "$T/out"
expect_eq "and it is in Chinese" ".SH 按键" "$(head -n 1 "$T/out")"
long_options > "$T/longopts"
LC_ALL=zh_CN.UTF-8 "$CWGVIEW" --help > "$T/help"
missing=
while read -r opt; do
	names_option "$opt" "$zhman" || missing="$missing --$opt"
	names_option "$opt" "$T/help" || missing="$missing --$opt(--help)"
done < "$T/longopts"
expect_eq "the Chinese man page and --help name every option ($(wc -l < "$T/longopts"))" "" "$missing"
for f in "$T/help" "$zhman"; do
	extra=$(mentioned_options "$f" | grep -vxF -f "$T/longopts" -e keys-man)
	expect_eq "the Chinese ${f##*/} names no option the program lacks" "" "$extra"
done
expect_eq "the Chinese man page has the English one's sections and entries" \
	"$(grep -c '^\.SH' "$top_srcdir/docs/cwgview.1") $(grep -c '^\.TP' "$top_srcdir/docs/cwgview.1")" \
	"$(grep -c '^\.SH' "$zhman") $(grep -c '^\.TP' "$zhman")"
if ! command -v man > /dev/null 2>&1; then
	skip "man lays the Chinese man page out" "no man (Debian package man-db; ./build.sh check installs it)"
else
	for w in 80 60; do
		for page in "zh_CN.UTF-8 $zhman 按键" "C.UTF-8 $top_srcdir/docs/cwgview.1 KEYS"; do
			set -- $page
			LC_ALL=$1 MANWIDTH=$w man -l "$2" > "$T/man.txt" 2> "$T/man.err"
			got=$(LC_ALL=zh_CN.UTF-8 wc -L < "$T/man.txt")
			if [ ! -s "$T/man.err" ] && [ "$got" -le "$w" ] && grep -q "^$3" "$T/man.txt"; then
				ok "man lays ${2#$top_srcdir/} out in $w columns ($got), no troff warning"
			else not_ok "man lays ${2#$top_srcdir/} out in $w columns" "widest line $got" "$(head -n 5 "$T/man.err")"; fi
		done
	done
	# groff 1.22.4 loops for ever on Chinese it cannot break in a narrow
	# line: the page asks for at least 40 columns (its first lines).
	st=0
	LC_ALL=zh_CN.UTF-8 MANWIDTH=20 timeout 60 man -l "$zhman" > "$T/man.txt" 2> "$T/man.err" || st=$?
	expect_eq "man lays the Chinese man page out in a 20-column terminal too (status, widest line)" \
		"0 40" "$st $(LC_ALL=zh_CN.UTF-8 wc -L < "$T/man.txt")"
	# A help text that begins with ' (the key ') is text, not a request.
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$top_srcdir/docs/cwgview.1" > "$T/man.txt" 2>&1
	if grep -qF "'a: back to mark a; '': to before the last jump" "$T/man.txt"; then ok "the man page shows the key ' and its help"
	else not_ok "the man page shows the key ' and its help" "$(grep -A2 "^ *'\$" "$T/man.txt")"; fi
fi

# The browser: status line, key hints, help and notices.
. "$top_srcdir/tests/lib/tmuxlib.sh"
start_window 80x24 "env -u PRINTER -u LPDEST TERM=xterm-256color LC_ALL=zh_CN.UTF-8 HOME='$T' '$CWGVIEW'"
see "the status line in Chinese" "主题 1/10" "Tab 窗格  h 帮助  q 退出"
tm send-keys -t "$W" h
see "the help in Chinese" "[帮助]" "cwgview 按键" "下一行；在主题窗格中为下一个主题" "q 关闭帮助"
tm send-keys -t "$W" q ]
see "a notice in Chinese" "主题 2/10"
tm send-keys -t "$W" G ] ]
see "already at the last topic, in Chinese" "已经是最后一个主题"
# The questions of p, spaced as Chinese is: a topic number apart, a
# closing parenthesis not (the messages' two contexts).
tm send-keys -t "$W" p
see "p asks in Chinese" "打印主题 10 到 默认打印机？(y/n)"
tm send-keys -t "$W" n
see "and says so" "没有打印"
tm send-keys -t "$W" t 2 g t p
see "p with tagged topics asks in Chinese" "打印 2 个主题（2、10）到 默认打印机？(y/n)"
tm send-keys -t "$W" n q
start_window 80x24 "env TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$T' '$CWGVIEW'"
see "under C.UTF-8 the status line is English" "topic 1/10" "Tab pane  h help  q quit"
tm send-keys -t "$W" q

done_testing
