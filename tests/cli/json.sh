#!/bin/sh
# JSON output round-trips and stays inert: a document holding every code
# point a string can hold (all but NUL and the surrogates), and a sample
# of every class of them (C0 and C1 controls, bidi controls, separators,
# the byte-order mark, noncharacters, private use, astral) in every kind
# of string, goes through --print all --format json | cwgview --check -,
# and the JSON carries none of the characters that act on a terminal or
# an editor raw.
. "$top_srcdir/tests/lib/lib.sh"

# One class of each, as YAML escapes: every kind of string gets them.
sample='\U00000001\t\U0000001B\U0000007F\U00000085\U0000009B\U0000061C\U0000200E\U0000200F\U00002028\U00002029\U0000202A\U0000202E\U00002066\U00002069\U0000FEFF\U0000FDD0\U0000FFFE\U0000FFFF\U0000E000\U0001F600\U000E0001\U0010FFFF'

S="$sample" awk 'BEGIN {
	s = ENVIRON["S"]
	printf "format: cwgview/1\ntitle: \"T%s\"\ntitle_note: \"n%s\"\n", s, s
	printf "language: \"l%s\"\ncolumns: {guidance: \"g%s\"}\ntopics:\n", s, s
	printf "  - number: 1\n    title: \"t%s\"\n    inputs:\n", s
	printf "      - kind: \"k%s\"\n        documents: [\"d%s\"]\n", s, s
	printf "        blocks:\n          - heading: \"h%s\"\n", s
	printf "            items: [{marker: \"m%s\", text: \"x%s\"}]\n", s, s
	printf "    guidance:\n"
	cp = 1
	while (cp <= 1114111) {
		printf "      - text: \""
		for (k = 0; k < 4096 && cp <= 1114111; cp++) {
			if (cp >= 55296 && cp <= 57343)
				continue
			printf "\\U%08X", cp
			k++
		}
		printf "\"\n"
	}
}' > "$T/all.yaml"

run --check "$T/all.yaml"
expect_eq "the document of every code point loads" \
	"$T/all.yaml: ok, 1 topic, 1 input, 1 document reference" "$(cat "$T/out")"

status=0
"$CWGVIEW" --print all --format json "$T/all.yaml" >"$T/all.json" 2>"$T/err" || status=$?
expect_eq "--format json writes it" "0:" "$status:$(cat "$T/err")"

status=0
"$CWGVIEW" --print all --format json "$T/all.yaml" 2>"$T/err1" |
	"$CWGVIEW" --check - >"$T/out" 2>"$T/err" || status=$?
expect_eq "--print all --format json | cwgview --check -" \
	"0:<stdin>: ok, 1 topic, 1 input, 1 document reference:" \
	"$status:$(cat "$T/out"):$(cat "$T/err" "$T/err1")"

# The JSON of the JSON is the same JSON: every string came back as it was.
status=0
"$CWGVIEW" --print all --format json "$T/all.json" >"$T/again.json" 2>"$T/err" || status=$?
if [ "$status" -eq 0 ] && cmp -s "$T/all.json" "$T/again.json"; then
	ok "JSON read back writes the same JSON"
else
	not_ok "JSON read back writes the same JSON" "status $status" "$(cat "$T/err")" \
		"$(cmp "$T/all.json" "$T/again.json" 2>&1)"
fi

# Nothing raw that acts on a terminal or an editor: C0 but newline, C1,
# the bidi controls and marks, U+2028, U+2029, the BOM, U+FFFE, U+FFFF.
raw=$(LC_ALL=C awk '{
	if ($0 ~ /[\001-\011\013-\037\177]/) { print NR ": C0 or DEL"; exit }
	if ($0 ~ /\302[\200-\237]/) { print NR ": C1"; exit }
	if ($0 ~ /\330\234|\342\200[\216\217\250-\256]|\342\201[\246-\251]|\357\273\277|\357\277[\276\277]/) {
		print NR ": bidi, separator, BOM or U+FFFE/U+FFFF"; exit }
}' "$T/all.json")
expect_eq "the JSON holds none of them raw" "" "$raw"
for esc in 'u001b' 'u009b' 'u061c' 'u200f' 'u2028' 'u2029' 'u202a' 'u202e' 'u2066' 'u2069' 'ufeff' 'ufffe' 'uffff'; do
	if grep -q "\\\\$esc" "$T/all.json"; then ok "\\$esc is written escaped"
	else not_ok "\\$esc is written escaped"; fi
done

done_testing
