# Reading PDFs back with poppler-utils, for the PDF and printing tests
# (sourced after tests/lib/lib.sh).  Skips the whole test when poppler-utils is
# missing: without it nothing can be said about a PDF.
for tool in pdftotext pdfinfo pdffonts pdftoppm; do
	command -v "$tool" >/dev/null 2>&1 ||
		skip_all "$tool not found: install the Debian package poppler-utils"
done

# The strings of topics, from the JSON output (one "key": "value" a line,
# indented deeper than the document's own title, which is in the header;
# topic strings are the values of these keys, document numbers are in
# arrays), with every space removed: pdftotext breaks lines where the PDF
# does, and a few spaces more or less are not a lost sentence.
strings_of() { # TOPICS
	"$CWGVIEW" --print "$1" --format json |
		sed -n -e 's/^    *"\(title\|kind\|heading\|marker\|text\)": "\(.*\)",\{0,1\}$/\2/p' \
			-e 's/^ *"documents": \[\(.*\)\],$/\1/p' |
		sed -e 's/", "/\n/g' -e 's/^"//' -e 's/"$//' -e 's/\\"/"/g' -e 's/\\\\/\\/g' |
		tr -d ' \t'
}
# tr works on bytes: the ideographic space U+3000 is removed with sed.
squeeze() { tr -d ' \t\n\r\f\v' | sed 's/　//g'; }

# check_strings NAME TOPICS PDF PAGE-HEIGHT: every string of TOPICS is in
# PDF.  Only the body is read (-y/-H crop in points, at pdftotext's 72 dpi):
# without the running header and the footer, a paragraph that continues on
# the next page still reads as one.
check_strings() {
	pdftotext -x 0 -y 46 -W 1000 -H "$(awk -v h="$4" 'BEGIN { print int(h - 46 - 50) }')" \
		"$3" - | squeeze > "$T/pdftext"
	strings_of "$2" > "$T/strings"
	cs_missing=
	cs_n=0
	while IFS= read -r s; do
		[ -n "$s" ] || continue
		cs_n=$((cs_n + 1))
		grep -q -F -e "$s" "$T/pdftext" || cs_missing="$cs_missing
$s"
	done < "$T/strings"
	if [ "$cs_n" -gt 0 ] && [ -z "$cs_missing" ]; then ok "$1 ($cs_n strings)"
	else not_ok "$1" "$cs_n strings; missing:$cs_missing"; fi
}

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# cjk_embedded PDF: pdffonts lists a CJK font, and every font is embedded
# (emb is the fifth column from the end).
cjk_embedded() {
	pdffonts "$1" > "$T/fonts" &&
	awk 'NR > 2 && /CJK|Hei|Han|Ming|Kai|Fallback/ && $(NF-4) == "yes" { f = 1 } END { exit !f }' "$T/fonts" &&
	! awk 'NR > 2 && $(NF-4) != "yes" { f = 1 } END { exit !f }' "$T/fonts"
}

# Ink: a glyph that draws nothing still gives pdftotext its text, so the
# pages are looked at (tests/lib/inkcheck.c).
ink="$top_builddir/tests/lib/inkcheck"
# ink_pages PDF: renders PDF's pages to $T/pg-*.pgm and its word boxes to
# $T/pg.bbox; prints the pictures' names in page order (pdftoppm numbers
# them with as many digits as the last page needs, so sort keeps order).
ink_pages() {
	rm -f "$T"/pg-*.pgm
	pdftotext -bbox "$1" "$T/pg.bbox" && pdftoppm -gray -r 100 "$1" "$T/pg" &&
		ls "$T"/pg-*.pgm | sort
}
