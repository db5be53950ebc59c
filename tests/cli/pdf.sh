#!/bin/sh
# --format pdf, checked with poppler-utils the way a reader would: every
# string of the topic is in the text of the PDF, the pages are A4 or
# letter, the Chinese font is embedded, nothing runs outside the margins,
# and the error paths (no Chinese font, a terminal on stdout) say what to do.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

if ! grep -q '^#define HAVE_PDF 1' "$top_builddir/config.h"; then
	run --print 7 --format pdf -o "$T/t7.pdf"
	expect_eq "without pangocairo, pdf says it is not built in" \
		"2 cwgview: PDF output is not built into this cwgview (configure found no pangocairo)" \
		"$status $(cat "$T/err")"
	skip "PDF content" "configure found no pangocairo, so PDF is not built in"
	done_testing
fi
. "$top_srcdir/tests/lib/pdflib.sh"

run --print 7 --format pdf -o "$T/t7.pdf"
if [ "$status" -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ] &&
   [ "$(head -c 5 "$T/t7.pdf")" = "%PDF-" ]; then
	ok "--print 7 --format pdf -o writes a PDF"
else
	not_ok "--print 7 --format pdf -o writes a PDF" "status $status" "$(cat "$T/err")"
	done_testing
fi
check_strings "every string of topic 7 is in the PDF" 7 "$T/t7.pdf" 841.89

n=$(pages "$T/t7.pdf")
if [ "${n:-0}" -ge 1 ] && [ "$n" -le 3 ]; then ok "topic 7 takes 1 to 3 pages ($n)"
else not_ok "topic 7 takes 1 to 3 pages" "pages: $n"; fi

expect_eq "A4 by default" "595.276 x 841.89 pts (A4)" \
	"$(pdfinfo "$T/t7.pdf" | sed -n 's/^Page size: *//p')"

if cjk_embedded "$T/t7.pdf"; then
	ok "the CJK font is embedded, and every other font too"
else
	not_ok "the CJK font is embedded, and every other font too" "$(cat "$T/fonts")"
fi

pdftotext "$T/t7.pdf" - | squeeze > "$T/t7.txt"
if grep -q -F "第1页/共${n}页" "$T/t7.txt"; then ok "footer 第 1 页 / 共 $n 页"
else not_ok "footer 第 1 页 / 共 $n 页" "$(pdftotext "$T/t7.pdf" - | tail -5)"; fi
title=$(sed -n 's/^title: "\(.*\)"$/\1/p' data/cwgsfp.yaml | squeeze)
if grep -q -F "$title" "$T/t7.txt"; then ok "page header has the document's title"
else not_ok "page header has the document's title" "title: $title"; fi
if grep -q -F "CWG-SFP指导意见–同意国际电联区域代表处" "$T/t7.txt"; then
	ok "guidance under its own label"
else
	not_ok "guidance under its own label" "$(pdftotext "$T/t7.pdf" - | grep -A2 指导意见)"
fi

# Nothing is drawn outside the text area, except the running header and
# footer in their bands: words from pdftotext -bbox, in points.
# check_margins NAME PDF PAGE-WIDTH PAGE-HEIGHT
check_margins() {
	pdftotext -bbox "$2" - | awk -v W="$3" -v H="$4" '
		function val(k,   s) { s = $0; sub(".*" k "=\"", "", s); sub("\".*", "", s); return s + 0 }
		/<word / {
			x0 = val("xMin"); x1 = val("xMax"); y0 = val("yMin"); y1 = val("yMax")
			side = 20 * 72 / 25.4; bottom = H - 22 * 72 / 25.4
			if (x0 < side - 0.5 || x1 > W - side + 0.5) { print "outside the sides: " $0; bad = 1 }
			# body words end above the bottom margin; the footer starts well below it
			if (y1 > bottom + 0.5 && y0 < bottom + 8) { print "into the bottom margin: " $0; bad = 1 }
			if (y1 > H - 5) { print "off the page: " $0; bad = 1 }
		}
		END { exit bad }' > "$T/margins"
	if [ $? -eq 0 ]; then ok "$1"
	else not_ok "$1" "$(head -5 "$T/margins")"; fi
}
check_margins "topic 7 stays within the margins" "$T/t7.pdf" 595.2756 841.8898

# All topics: each starts on a new page, paragraphs break across pages by
# line, and still every string is there and inside the margins.
run --print all --format pdf -o "$T/all.pdf"
na=$(pages "$T/all.pdf")
if [ "$status" -eq 0 ] && [ "${na:-0}" -ge 10 ] && [ "$na" -le 40 ]; then
	ok "all topics: $na pages"
else
	not_ok "all topics: 10 to 40 pages" "status $status, pages $na" "$(cat "$T/err")"
fi
check_strings "every string of every topic is in the PDF" all "$T/all.pdf" 841.89
check_margins "all topics stay within the margins" "$T/all.pdf" 595.2756 841.8898

# A glyph that draws nothing still gives pdftotext its text, so the pages
# are looked at: rendered at 100 dpi, every full-width character must put
# ink in its cell (tests/lib/inkcheck.c).  Whether a glyph survives depends on
# the font subset cairo embeds, so each topic is checked as p prints it,
# alone, as well as all together: with Noto Sans CJK SC Regular as the body
# face, 如 draws nothing in topics 1 to 3 printed alone, and prints fine in
# the PDF of all topics.
topics=$("$CWGVIEW" --list | wc -l)
ink_bad= ink_n=0
for t in $(seq 1 "$topics") all xref; do
	pdf="$T/all.pdf" # made above
	if [ "$t" = xref ]; then
		# --xref: the inputs citing CWG-SFP-1/8, under their topics.
		pdf="$T/ink.pdf"
		"$CWGVIEW" --xref CWG-SFP-1/8 --format pdf -o "$pdf" 2>"$T/err" || ink_bad="$ink_bad
xref: $(cat "$T/err")"
	elif [ "$t" != all ]; then
		pdf="$T/ink.pdf"
		"$CWGVIEW" --print "$t" --format pdf -o "$pdf" 2>"$T/err" || ink_bad="$ink_bad
topic $t: $(cat "$T/err")"
	fi
	# shellcheck disable=SC2046
	if out=$("$ink" 100 "$T/pg.bbox" $(ink_pages "$pdf")); then
		ink_n=$((ink_n + $(echo "$out" | sed -n 's/^\([0-9]*\) full-width.*/\1/p')))
	else
		ink_bad="$ink_bad
topic $t: $(echo "$out" | tail -n 5)"
	fi
done
if [ -z "$ink_bad" ] && [ "$ink_n" -ge 6000 ]; then
	ok "every full-width character has ink, each topic alone, all together and --xref ($ink_n checked)"
else
	not_ok "every full-width character has ink, each topic alone and all together" "$ink_bad"
fi
# The check itself sees a missing glyph: with one word of the last PDF
# whitened, it fails on exactly that word's characters.
# shellcheck disable=SC2046
out=$("$ink" --erase 7 100 "$T/pg.bbox" $(ls "$T"/pg-*.pgm | sort)); st=$?
if [ $st -eq 1 ] && echo "$out" | grep -q "has no ink"; then
	ok "the ink check catches a blank word: $(echo "$out" | sed -n 1p | cut -c 1-60)…"
else
	not_ok "the ink check catches a blank word" "status $st" "$(echo "$out" | tail -n 3)"
fi
rm -f "$T"/pg-*.pgm
# The first word of each page's body, in drawing order (the header and
# the footer come first and are skipped by position).
first_words() { # PDF
	pdftotext -bbox "$1" - | awk '
		function val(k,   s) { s = $0; sub(".*" k "=\"", "", s); sub("\".*", "", s); return s + 0 }
		/<page / { want = 1; H = val("height") }
		/<word / && want && val("yMin") > 50 && val("yMin") < H - 60 {
			w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w); print w; want = 0 }'
}
run --print 1-3 --format pdf -o "$T/three.pdf"
n3=$(pages "$T/three.pdf")
starts=$(first_words "$T/three.pdf" | grep -c -x '[123]')
if [ "$status" -eq 0 ] && [ "${n3:-0}" -ge 3 ] && [ "$starts" -eq 3 ]; then
	ok "topics 1-3 each start a page ($n3 pages)"
else
	not_ok "topics 1-3 each start a page" "status $status, pages $n3" "$(first_words "$T/three.pdf")"
fi

# --paper
run --print 7 --format pdf --paper letter -o "$T/letter.pdf"
expect_eq "--paper letter is 612 x 792 pts" "0 612 x 792 pts (letter)" \
	"$status $(pdfinfo "$T/letter.pdf" | sed -n 's/^Page size: *//p')"
check_strings "letter: every string of topic 7" 7 "$T/letter.pdf" 792
check_margins "letter: within the margins" "$T/letter.pdf" 612 792
run --print 7 --format pdf --paper=A4 -o "$T/a4.pdf"
expect_eq "--paper=A4 is A4" "0 595.276 x 841.89 pts (A4)" \
	"$status $(pdfinfo "$T/a4.pdf" | sed -n 's/^Page size: *//p')"
hint="(see cwgview --help)"
run --print 7 --format pdf --paper legal -o "$T/legal.pdf"
expect_eq "unknown paper" "2 cwgview: unknown paper size 'legal': use a4 or letter $hint" \
	"$status $(cat "$T/err")"
run --print 7 --paper letter
expect_eq "--paper without pdf" "2 cwgview: --paper only applies to --format pdf and the browser's p $hint" \
	"$status $(cat "$T/err")"

# Standard output when it is not a terminal.
status=0
"$CWGVIEW" --print 7 --format pdf > "$T/stdout.pdf" 2> "$T/err" || status=$?
if [ "$status" -eq 0 ] && [ ! -s "$T/err" ] && [ "$(pages "$T/stdout.pdf")" = "$n" ] &&
   [ "$(pdftotext "$T/stdout.pdf" - | squeeze)" = "$(cat "$T/t7.txt")" ]; then
	ok "PDF to a pipe or file on stdout"
else
	not_ok "PDF to a pipe or file on stdout" "status $status" "$(cat "$T/err")"
fi

# ... and not to a terminal: one line, exit 2, no PDF bytes on the screen.
if command -v script >/dev/null 2>&1; then
	status=0
	script -q -e -c "'$CWGVIEW' --print 7 --format pdf" /dev/null > "$T/tty" 2>&1 < /dev/null || status=$?
	want="cwgview: will not write a PDF to a terminal: use -o FILE or redirect standard output $hint"
	if [ "$status" -eq 2 ] && [ "$(tr -d '\r' < "$T/tty")" = "$want" ]; then
		ok "no PDF on a terminal"
	else
		not_ok "no PDF on a terminal" "status $status" "$(head -c 300 "$T/tty" | od -c | head -5)"
	fi
else
	skip "no PDF on a terminal" "script(1) not found (Debian package bsdutils)"
fi

# No Chinese font: a clear error naming the package, and no file written.
# FONTCONFIG_FILE points fontconfig at a configuration of our own.
nofont="cwgview: no Chinese font found: install the Debian package fonts-noto-cjk"
mkdir -p "$T/fc-cache" "$T/nf"
cat > "$T/empty.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>$T/fc-cache</cachedir></fontconfig>
EOF
status=0
FONTCONFIG_FILE="$T/empty.conf" "$CWGVIEW" --print 7 --format pdf -o "$T/nf/t7.pdf" \
	> "$T/out" 2> "$T/err" || status=$?
expect_eq "no fonts at all: error names fonts-noto-cjk" "2 $nofont" "$status $(cat "$T/err")"
expect_eq "no fonts at all: no file written" "" "$(ls "$T/nf")"
latin=
for dir in /usr/share/fonts/truetype/dejavu /usr/share/fonts/truetype/liberation; do
	[ -d "$dir" ] && { latin=$dir; break; }
done
if [ -n "$latin" ]; then
	cat > "$T/latin.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>$latin</dir><cachedir>$T/fc-cache</cachedir></fontconfig>
EOF
	status=0
	FONTCONFIG_FILE="$T/latin.conf" "$CWGVIEW" --print 7 --format pdf -o "$T/nf/t7.pdf" \
		> "$T/out" 2> "$T/err" || status=$?
	expect_eq "only Latin fonts: the same error" "2 $nofont" "$status $(cat "$T/err")"
else
	skip "only Latin fonts: the same error" "no DejaVu or Liberation fonts installed to build a Latin-only configuration from"
fi

# Control characters in the data are shown as on the screen, never sent
# raw into the PDF's text.
cat > "$T/ctl.yaml" <<'EOF'
format: cwgview/1
title: "控制\e[2J字符"
topics:
  - number: 1
    title: "标题\ttab"
    inputs:
      - kind: 在线磋商
        documents: [CWG-SFP-1/11]
        blocks:
          - items:
              - {marker: "–", text: "若干\e[31m文稿\x7f提出\u0085了"}
              - {marker: "–", text: "第一行\n第二行"}
    guidance:
      - {text: 请秘书处提供输入。}
EOF
run --print 1 --format pdf -o "$T/ctl.pdf" "$T/ctl.yaml"
pdftotext "$T/ctl.pdf" - > "$T/ctl.txt"
if [ "$status" -eq 0 ] && grep -q -F '若干^[[31m文稿^?提出�了' "$T/ctl.txt" &&
   grep -q -F '控制^[[2J字符' "$T/ctl.txt" && grep -q -F '标题^Itab' "$T/ctl.txt" &&
   ! LC_ALL=C grep -q "$(printf '[\033\177\t]')" "$T/ctl.txt"; then
	ok "control characters are made visible"
else
	not_ok "control characters are made visible" "status $status" "$(cat "$T/err")" "$(od -c "$T/ctl.txt" | head)"
fi
if grep -q -x '– *第一行' "$T/ctl.txt" && grep -q -x ' *第二行' "$T/ctl.txt"; then
	ok "a newline in the text breaks the line"
else
	not_ok "a newline in the text breaks the line" "$(cat "$T/ctl.txt")"
fi

# A document number is not broken at its hyphen where the line has room
# for it, as on the screen and in --print: the number moves to the next
# line.  Paragraphs with 30 to 69 characters before CWG-SFP-1/11 put it
# across the end of the line in some of them.  (pdftotext joins a line
# that ends in a hyphen to the next and drops the hyphen: CWGSFP.)
{
	printf 'format: cwgview/1\ntitle: "文件号"\ntopics:\n  - number: 1\n'
	printf '    title: "文件号不断开"\n    inputs: []\n    guidance:\n'
	base="国际电联是一家的概念然后予以进一步考虑以制定战略规划要求秘书处进一步提交输入以澄清和加强概念国际电联是一家的概念然后予以进一步考虑"
	k=30
	while [ "$k" -lt 70 ]; do
		prefix=$(printf '%s' "$base" | cut -c"1-$((k * 3))")
		printf '      - {text: "%sCWG-SFP-1/11予以进一步考虑，以制定2024-2027年战略规划。"}\n' "$prefix"
		k=$((k + 1))
	done
} > "$T/tokens.yaml"
run --print 1 --format pdf -o "$T/tokens.pdf" "$T/tokens.yaml"
pdftotext "$T/tokens.pdf" - > "$T/tokens.txt"
whole=$(grep -c 'CWG-SFP-1/11' "$T/tokens.txt")
if [ "$status" -eq 0 ] && [ "$whole" -eq 40 ] &&
   ! grep -q 'CWGSFP\|[A-Za-z0-9][-/]$' "$T/tokens.txt"; then
	ok "document numbers stay whole in the PDF (40 of 40)"
else
	not_ok "document numbers stay whole in the PDF" "status $status, $whole of 40 whole" \
		"$(grep 'CWGSFP\|[A-Za-z0-9][-/]$' "$T/tokens.txt" | head -3)"
fi

done_testing
