#!/bin/sh
# --search: output format, --count, exit status as grep, and folded
# queries (full-width, traditional, mixed case) finding exactly what the
# plain query finds.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

# expect_status NAME STATUS: the last run's exit status.
expect_status() {
	if [ "$status" -eq "$2" ]; then ok "$1"
	else not_ok "$1" "status $status, want $2" "$(cat "$T/err")"; fi
}

# same_hits NAME PLAIN VARIANT: both queries print the same hits.
same_hits() {
	run --search "$2"; cp "$T/out" "$T/plain"; s1=$status
	run --search "$3"; s2=$status
	if [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ] && [ -s "$T/plain" ] &&
	   cmp -s "$T/plain" "$T/out"; then
		ok "$1"
	else
		not_ok "$1" "status $s1 / $s2" "$(diff "$T/plain" "$T/out" | head -20)"
	fi
}

# The format: topic N TITLE › PANE › SOURCE: context with 【hit】, where
# an input's SOURCE is its kind, contributor or report, document numbers
# and item label, so that the line can be cited.
run --search 普华永道
cat > "$T/want" <<'EOF'
topic 1 简化和明确 › 输入 › 建议/分析结果 · 普华永道关于区域代表处的报告 · CWG-SFP-1/5: 【普华永道】关于区域代表处的报告
topic 3 国际电联是一家 › 输入 › 建议/分析结果 · 普华永道关于区域代表处的报告 · CWG-SFP-1/5: 【普华永道】关于区域代表处的报告
topic 7 区域代表处 › 输入 › 在线磋商 · CWG-SFP-1/11: 【普华永道】报告后的持续审查仍在讨论…
topic 7 区域代表处 › 输入 › 建议/分析结果 · 普华永道关于区域代表处的报告 · CWG-SFP-1/5, CWG-SFP-1/7: 【普华永道】关于区域代表处的报告
EOF
expect_file "hits of 普华永道, one line each" "$T/want" "$T/out"
expect_status "found: status 0" 0

run --search 区域代表处 --count
first=$(head -n 1 "$T/out")
run --search 区域代表处
if grep -q '^topic 7 区域代表处 › 标题: 【区域代表处】$' "$T/out"; then
	ok "a title hit is in the 标题 pane"
else
	not_ok "a title hit is in the 标题 pane" "$(head -5 "$T/out")"
fi
expect_eq "--count is the number of hit lines" "$first" "$(line_count "$T/out")"
if grep -q '› CWG-SFP指导意见: ' "$T/out"; then ok "guidance hits name the guidance column"
else not_ok "guidance hits name the guidance column" "$(cat "$T/out")"; fi

# The context is a window: … where the field goes on.
run --search 加速器实验室
expect_eq "加速器实验室 is in topic 3, with context" \
	"topic 3 国际电联是一家 › 输入 › 建议/分析结果 · 普华永道关于区域代表处的报告 · CWG-SFP-1/5 · 1.3.2: 在【加速器实验室】举措的背景下探索与UNDP建…" \
	"$(cat "$T/out")"

# A query that runs from a list marker into its text, as the line shows
# them, is one hit: the marker, one space, the text.
run --search 'c.1 – 加强'
expect_eq "c.1 – 加强 runs from the marker into the text" \
	"topic 1 简化和明确 › 输入 › 建议/分析结果 · 麦肯锡文化与技能报告 · CWG-SFP-1/5 · c.1: 【c.1 – 加强】目标设定机制的可操作性，…" \
	"$(cat "$T/out")"

run --count --search CWG-SFP-1/8
expect_eq "--count prints the number only" "6" "$(cat "$T/out")"
run -c -s CWG-SFP-1/8
expect_eq "-c -s" "6" "$(cat "$T/out")"

# Folded queries find exactly what the plain query finds.
same_hits "full-width ＣＷＧ－ＳＦＰ－１／８ = CWG-SFP-1/8" CWG-SFP-1/8 'ＣＷＧ－ＳＦＰ－１／８'
same_hits "dashes: CWG–SFP—1/8 = CWG-SFP-1/8" CWG-SFP-1/8 'CWG–SFP—1/8'
same_hits "lower case undp = UNDP" UNDP undp
same_hits "full-width ｕｎｄｐ = undp" undp 'ｕｎｄｐ'
same_hits "full-width 战略框架，= 战略框架," '战略框架,' '战略框架，'
run --search Undp
expect_status "mixed case Undp is case-sensitive: nothing, status 1" 1
if grep -q '^#define HAVE_OPENCC 1' "$top_builddir/config.h"; then
	same_hits "traditional 國際電聯 = 国际电联" 国际电联 國際電聯
	same_hits "traditional 普華永道 = 普华永道" 普华永道 普華永道
	run --count --search 國際電聯
	expect_eq "國際電聯 is found 62 times" 62 "$(cat "$T/out")"
else
	skip "traditional 國際電聯 = 国际电联" "built without OpenCC: traditional queries do not fold"
	skip "traditional 普華永道 = 普华永道" "built without OpenCC: traditional queries do not fold"
	skip "國際電聯 is found 62 times" "built without OpenCC: traditional queries do not fold"
fi

# OpenCC's tables are opened by absolute path: run where a t2s.json of
# someone else's lies (invalid here: OpenCC read it first, and folding
# went off without a word), or only its dictionaries (OpenCC looked for
# those in the current directory first even with an absolute t2s.json),
# traditional queries fold all the same and nothing is said.
if grep -q '^#define HAVE_OPENCC 1' "$top_builddir/config.h"; then
	mkdir "$T/hostile" "$T/hostile-dicts"
	printf '{"segmentation": not json' > "$T/hostile/t2s.json"
	for d in "$T/hostile" "$T/hostile-dicts"; do
		printf 'OPENCC_MARISA_0.2.5 and then garbage' > "$d/TSPhrases.ocd2"
		printf 'garbage' > "$d/TSCharacters.ocd2"
		cp "$d/TSPhrases.ocd2" "$d/STCharacters.ocd2"
	done
	for d in hostile hostile-dicts; do
		status=0
		(cd "$T/$d" && "$CWGVIEW" --count --search 國際電聯 "$top_srcdir/data/cwgsfp.yaml") \
			>"$T/out" 2>"$T/err" || status=$?
		expect_eq "in a directory of hostile OpenCC files ($d), 國際電聯 still folds" \
			"62 0:" "$(cat "$T/out") $status:$(cat "$T/err")"
	done
	# With OpenCC's own files missing (hidden by a private mount), the
	# search says once that traditional folding is off, and goes on.
	datadir=$(sed -n 's/^#define OPENCC_DATADIR "\(.*\)"$/\1/p' "$top_builddir/config.h")
	if [ -d "$datadir" ] && unshare -rm true 2>/dev/null; then
		status=0
		unshare -rm sh -c 'mount -t tmpfs none "$1" && shift && exec "$@"' sh \
			"$datadir" "$CWGVIEW" --count --search 國際電聯 >"$T/out" 2>"$T/err" || status=$?
		warn="cwgview: warning: traditional Chinese will not match simplified: OpenCC ($datadir): "
		if [ "$status" -eq 1 ] && [ "$(cat "$T/out")" = 0 ] &&
		   [ "$(line_count "$T/err")" = 1 ] && grep -qF "$warn" "$T/err" &&
		   grep -qF "$datadir/TSPhrases.ocd2" "$T/err"; then
			ok "OpenCC's files missing: one warning, and the search goes on"
		else
			not_ok "OpenCC's files missing: one warning, and the search goes on" \
				"status $status" "$(cat "$T/out" "$T/err")"
		fi
	else
		skip "OpenCC's files missing: one warning, and the search goes on" \
			"unshare -rm (a private mount namespace) is not available here"
	fi
else
	skip "in a directory of hostile OpenCC files, 國際電聯 still folds" "built without OpenCC"
	skip "OpenCC's files missing: one warning, and the search goes on" "built without OpenCC"
fi

# Exit status as grep: 1 for nothing found, 2 for errors.
run --search 不存在的词
if [ "$status" -eq 1 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ]; then
	ok "nothing found: status 1, no output"
else
	not_ok "nothing found: status 1, no output" "status $status" "$(cat "$T/out" "$T/err")"
fi
run --count --search 不存在的词
expect_eq "nothing found: --count prints 0, status 1" "0 1" "$(cat "$T/out") $status"

hint="(see cwgview --help)"
usage "empty pattern: status 2" "cwgview: empty search pattern $hint" --search ''
usage "--count without --search" "cwgview: --count only applies to --search $hint" --count --list
usage "--regex without --search" "cwgview: --regex only applies to --search $hint" --regex
usage "--search with --print" "cwgview: --print cannot be combined with --search $hint" --search x --print 1
usage "--search needs an argument" "cwgview: option '--search' needs an argument $hint" --search
usage "bad regex: status 2, one line" \
	"cwgview: invalid regular expression: unmatched ( or )" --regex --search 'CWG('
usage "bad regex range: our words, not glibc's" \
	"cwgview: invalid regular expression: a range in [ ] whose end comes before its start" \
	--regex --search '[z-a]'
usage "pattern not UTF-8: status 2" "cwgview: the search pattern is not valid UTF-8" \
	--search "$(printf 'CWG\377')"
usage "unreadable file: status 2" "cwgview: $T/none.yaml: No such file or directory" \
	--search x "$T/none.yaml"
usage "--format does not apply" "cwgview: --format only applies to --print and --xref $hint" \
	--search x --format json

usage "a regex back-reference is refused: status 2, one line" \
	"cwgview: invalid regular expression: back-references (\\1 to \\9) are not supported" \
	--regex --search '(a*)\1b'

# Regex mode: on the folded text, smart case, full-width in the pattern.
run --regex --count --search 'cwg-sfp-1/[0-9]+'
expect_eq "--regex counts document numbers" "24 0" "$(cat "$T/out") $status"
run --regex --search '（ｂ\.[0-9]的'
if [ "$status" -eq 0 ] && grep -q '【（b.2的】' "$T/out"; then ok "--regex: （ in a pattern is a literal"
else not_ok "--regex: （ in a pattern is a literal" "status $status" "$(cat "$T/out" "$T/err")"; fi

# Text from the file is sanitised: no control character reaches the
# terminal, a line break in the context becomes a space.
cat > "$T/ctl.yaml" <<'EOF'
format: cwgview/1
title: "t"
topics:
  - number: 4
    title: "标\e[2J题"
    inputs:
      - kind: "在线\x07磋商"
        documents: []
        blocks:
          - items:
              - text: "第一行\n警告\e]0;x\x07文字"
    guidance: []
EOF
run --search 警告 "$T/ctl.yaml"
if [ "$status" -eq 0 ] && ! tr -d '\n' < "$T/out" | LC_ALL=C grep -q '[[:cntrl:]]' &&
   [ "$(line_count "$T/out")" = 1 ]; then
	ok "control characters in hits are made visible"
else
	not_ok "control characters in hits are made visible" "status $status" "$(od -c "$T/out" | head)"
fi
expect_eq "sanitised hit line" \
	"topic 4 标^[[2J题 › 输入 › 在线^G磋商: 第一行 【警告】^[]0;x^G文字" "$(cat "$T/out")"

# On a terminal the hit is bold instead of bracketed, unless NO_COLOR.
# util-linux script(1) gives the command a terminal and waits for it.
# Its exit status is the command's (-e); cwgview's standard error goes to a
# file of its own, so that a crash or a sanitizer report is seen.
on_tty() {
	status=0
	script -qec "'$CWGVIEW' --search UNDP 2>'$T/tty.err'" /dev/null > "$T/tty" 2>&1 || status=$?
}
if script --version 2>/dev/null | grep -q util-linux; then
	on_tty
	if [ "$status" -eq 0 ] && [ ! -s "$T/tty.err" ] &&
	   grep -q "$(printf '\033\[1mUNDP\033\[22m')" "$T/tty" && ! grep -q '【' "$T/tty"; then
		ok "on a terminal the hit is bold"
	else
		not_ok "on a terminal the hit is bold" "status $status" "$(cat -v "$T/tty" "$T/tty.err")"
	fi
	NO_COLOR=1 on_tty
	if [ "$status" -eq 0 ] && [ ! -s "$T/tty.err" ] &&
	   grep -q '【UNDP】' "$T/tty" && ! grep -q "$(printf '\033')" "$T/tty"; then
		ok "NO_COLOR: brackets on a terminal too"
	else
		not_ok "NO_COLOR: brackets on a terminal too" "status $status" "$(cat -v "$T/tty" "$T/tty.err")"
	fi
else
	skip "on a terminal the hit is bold" "util-linux script(1) not installed"
	skip "NO_COLOR: brackets on a terminal too" "util-linux script(1) not installed"
fi

# In one pass: --search folds and searches each batch of topics while the
# file loads.  Over 200 copies of the bundled topics (6 MB, hundreds of
# batches) it finds 200 times what it finds in one, hit for hit; over a
# file that turns bad at its end it prints no hit, only the loader's line.
. "$top_srcdir/tests/lib/bigdoc.sh"
bigdoc 200 "$T/copies.yaml"
for q in 国际电联 區域代表處; do
	run --count --search "$q"; one=$(cat "$T/out")
	run --count --search "$q" "$T/copies.yaml"
	expect_eq "$q in 200 copies: 200 times the hits of one" "$((one * 200)) 0" "$(cat "$T/out") $status"
done
# Through a pipe: the buffer grows as it reads (mremap), and is given back
# the same way.
run --count --search 国际电联; one=$(cat "$T/out")
status=0
cat "$T/copies.yaml" | "$CWGVIEW" --count --search 国际电联 - > "$T/out" 2>"$T/err" || status=$?
expect_eq "the 200 copies through a pipe: 200 times the hits of one" "$((one * 200)) 0" "$(cat "$T/out") $status"
run --search 普华永道
sed 's/^topic \([0-9]*\) /\1 /' "$T/out" > "$T/one"
run --search 普华永道 "$T/copies.yaml"
awk '{ n = $2 % 10; n = n ? n : 10; $1 = ""; $2 = n; sub(/^ /, ""); print }' "$T/out" |
	sort -u > "$T/many"
sort -u "$T/one" > "$T/one.sorted"
expect_file "普华永道 in 200 copies: the hits of one, in each copy" "$T/one.sorted" "$T/many"
expect_eq "普华永道 in 200 copies: 200 times as many lines" "$(($(line_count "$T/one") * 200))" "$(line_count "$T/out")"
cp "$T/copies.yaml" "$T/late.yaml"
printf '  - number: 3\n    title: again\n    inputs: []\n    guidance: []\n' >> "$T/late.yaml"
late_line=$(($(line_count "$T/late.yaml") - 3))
first_line=$(grep -n '^  - number: 3$' "$T/late.yaml" | head -n 1 | cut -d: -f1)
run --search 国际电联 "$T/late.yaml"
expect_eq "a file bad at its end: no hit, its one line, status 2" \
	"2::cwgview: $T/late.yaml:$late_line:13: duplicate topic number 3 (first used on line $first_line)" \
	"$status:$(cat "$T/out"):$(cat "$T/err")"
run --regex --search 'CWG(' "$T/late.yaml"
expect_eq "a bad file and a bad regex: the file's error" \
	"2:cwgview: $T/late.yaml:$late_line:13: duplicate topic number 3 (first used on line $first_line)" \
	"$status:$(cat "$T/err")"
rm -f "$T/copies.yaml" "$T/late.yaml"

# Bounded work: one field of 100 MB of "a" (under the 128 MiB limit) has
# 100 million hits.  --count counts them without keeping any (it took
# 5.3 GB); --search keeps and prints the first million and says that
# there are more.  Peak memory (RSS, sanitizers included) stays under
# 1 GiB for either.
if /usr/bin/time -f %M true >/dev/null 2>&1; then
	{
		printf 'format: cwgview/1\ntitle: T\ntopics:\n  - number: 1\n'
		printf '    title: t\n    inputs: []\n    guidance:\n      - text: '
		head -c 100000000 /dev/zero | tr '\0' a
		echo
	} > "$T/big.yaml"
	status=0
	/usr/bin/time -o "$T/rss" -f %M "$CWGVIEW" --count -s a "$T/big.yaml" \
		>"$T/out" 2>"$T/err" || status=$?
	kb=$(tail -n 1 "$T/rss")
	expect_eq "--count -s a counts 100 million hits in a 100 MB field" \
		"100000000 0:" "$(cat "$T/out") $status:$(cat "$T/err")"
	if [ "$kb" -lt 1048576 ]; then ok "--count -s a: peak RSS under 1 GiB ($kb KiB)"
	else not_ok "--count -s a: peak RSS under 1 GiB" "$kb KiB"; fi
	{
		status=0
		/usr/bin/time -o "$T/rss" -f %M "$CWGVIEW" -s a "$T/big.yaml" 2>"$T/err" ||
			status=$?
		echo "$status" > "$T/status"
	} | wc -l > "$T/lines"
	kb=$(tail -n 1 "$T/rss")
	expect_eq "-s a prints the first million hits and says there are more" \
		"1000000 0:cwgview: 100000000 hits; only the first 1000000 are shown" \
		"$(tr -d ' ' < "$T/lines") $(cat "$T/status"):$(cat "$T/err")"
	if [ "$kb" -lt 1048576 ]; then ok "-s a: peak RSS under 1 GiB ($kb KiB)"
	else not_ok "-s a: peak RSS under 1 GiB" "$kb KiB"; fi
	rm -f "$T/big.yaml"
else
	for c in "--count -s a counts 100 million hits in a 100 MB field" \
		"--count -s a: peak RSS under 1 GiB" \
		"-s a prints the first million hits and says there are more" \
		"-s a: peak RSS under 1 GiB"; do
		skip "$c" "GNU time (/usr/bin/time -f %M) is not installed: install the Debian package time"
	done
fi

# The browser: a key typed while a search runs abandons it (keys on one
# line of a key script are typed ahead), Enter sees the search for what
# was typed through, and with more hits than are kept the count says
# how many there are.  One field of 4 Mi a's then "b": the search, and
# the wait for the index, ask for keys every MiB.
{
	printf 'format: cwgview/1\ntitle: T\ntopics:\n  - number: 1\n'
	printf '    title: t\n    inputs: []\n    guidance:\n      - text: '
	head -c 4194303 /dev/zero | tr '\0' a
	echo b
} > "$T/run.yaml"
cat > "$T/run.keys" <<EOF
/ab<Enter>
:save-display $T/typed-ahead.txt
/aa<BS>b<Enter>
:save-display $T/edited-ahead.txt
/a
:save-display $T/many.txt
<Enter>
:save-display $T/many-accepted.txt
EOF
# (A relative XDG_STATE_HOME is ignored, as the XDG spec says: the
# history goes under HOME, not under the current directory.)
status=0
(cd "$T" && env TERM=xterm-256color LC_ALL=C.UTF-8 COLUMNS=80 LINES=24 HOME="$T/home" \
	XDG_STATE_HOME=state CWGVIEW_SCRIPT="$T/run.keys" "$CWGVIEW" "$T/run.yaml") \
	>"$T/out" 2>"$T/err" || status=$?
expect_eq "the browser runs the typed-ahead script" "0:" "$status:$(cat "$T/err")"
if [ -f "$T/home/.local/state/cwgview/history" ] && [ ! -e "$T/state" ]; then
	ok "a relative XDG_STATE_HOME is ignored: the history is under HOME"
else
	not_ok "a relative XDG_STATE_HOME is ignored: the history is under HOME" \
		"$(cd "$T" && find home state -type f 2>&1)"
fi
for f in typed-ahead edited-ahead; do
	if [ -f "$T/$f.txt" ] && tail -n 1 "$T/$f.txt" | grep -qE '^ /ab 1/1 · (topic )?1/1 '; then
		ok "/ab<Enter> typed ahead ($f): the last search is seen through"
	else
		not_ok "/ab<Enter> typed ahead ($f): the last search is seen through" \
			"$(tail -n 1 "$T/$f.txt" 2>&1)"
	fi
done
if [ -f "$T/many.txt" ] && tail -n 1 "$T/many.txt" | grep -q '1/1000000 of 4194303$'; then
	ok "the prompt counts every hit and says how many are kept"
else
	not_ok "the prompt counts every hit and says how many are kept" "$(tail -n 1 "$T/many.txt" 2>&1)"
fi
if [ -f "$T/many-accepted.txt" ] && tail -n 1 "$T/many-accepted.txt" | grep -q '^ /a 1/1000000 of 4194303 ·'; then
	ok "the status line too"
else
	not_ok "the status line too" "$(tail -n 1 "$T/many-accepted.txt" 2>&1)"
fi
rm -f "$T/run.yaml"

# The file may come on standard input.
status=0
"$CWGVIEW" --count --search 普华永道 - < data/cwgsfp.yaml > "$T/out" 2>&1 || status=$?
expect_eq "FILE - reads standard input" "4 0" "$(cat "$T/out") $status"

# An empty pattern before any search of this session repeats the newest
# search of the history, as vim does with its viminfo; ? Enter backward.
mkdir -p "$T/hist/state/cwgview"
printf '%s\n' 麦肯锡 CWG-SFP-1/7 > "$T/hist/state/cwgview/history"
printf '/<Enter>\n:save-display %s\n?<Enter>\n:save-display %s\n' \
	"$T/empty-fwd.txt" "$T/empty-back.txt" > "$T/empty.keys"
status=0
env TERM=xterm-256color LC_ALL=C.UTF-8 COLUMNS=80 LINES=24 HOME="$T/hist" \
	XDG_STATE_HOME="$T/hist/state" CWGVIEW_SCRIPT="$T/empty.keys" "$CWGVIEW" \
	>"$T/out" 2>"$T/err" || status=$?
expect_eq "/ Enter at start-up runs the newest search of the history" \
	"0: /CWG-SFP-1/7 1/2" "$status: $(tail -n 1 "$T/empty-fwd.txt" | grep -o '/CWG-SFP-1/7 1/2')"
# Backward from the first hit: around to the last (forward, n would
# reach it without wrapping).
expect_eq "? Enter repeats it backward" \
	"search wrapped: 2/2" "$(tail -n 1 "$T/empty-back.txt" | grep -o 'search wrapped: 2/2')"
if grep -q "输入 · 7 区域代表处" "$T/empty-fwd.txt"; then ok "/ Enter from the history opens topic 7"
else not_ok "/ Enter from the history opens topic 7" "$(cat "$T/empty-fwd.txt")"; fi

done_testing
