# bigdoc COPIES OUT: writes to OUT a document of the bundled one's topics
# repeated COPIES times (about 31 KB each), topic N of copy K numbered
# K*10+N, so that every number is unique and the see: references of the
# first copy still name topics (sourced by the tests of large files).
bigdoc() {
	awk -v copies="$1" '
		!in_topics { print; if ($0 == "topics:") in_topics = 1; next }
		{ body[n++] = $0 }
		END {
			for (k = 0; k < copies; k++)
				for (i = 0; i < n; i++) {
					line = body[i]
					if (k > 0 && match(line, /^  - number: [0-9]+$/))
						line = "  - number: " (k * 10 + substr(line, 13))
					print line
				}
		}' "$top_srcdir/data/cwgsfp.yaml" > "$2"
}
