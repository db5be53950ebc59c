# amb_locale DIR: compiles into DIR a locale C.UTF-8 (and en_US.UTF-8, the
# two names tmux picks for itself) whose wcwidth() gives every East Asian
# Ambiguous character two columns, as PuTTY's CJK option, xterm -cjk_width
# or vim's ambiwidth=double do.  Its widths are glibc's UTF-8 charmap with
# a WIDTH line added for each ambiguous range of Unicode's EastAsianWidth.txt
# (Debian package unicode-data), but for the marks that have no width of
# their own (Mn, Me, Cf).  A program started with LOCPATH=DIR LC_ALL=C.UTF-8
# measures as such a terminal; nothing of cwgview's width code is used.
# Returns 1, with the reason in $amb_why, when something it needs is not
# there (./build.sh check installs it).
amb_locale() {
	amb_eaw=/usr/share/unicode/EastAsianWidth.txt
	amb_map=/usr/share/i18n/charmaps/UTF-8.gz
	if [ ! -r "$amb_eaw" ]; then
		amb_why="no $amb_eaw (Debian package unicode-data)"; return 1
	fi
	if [ ! -r "$amb_map" ] || [ ! -r /usr/share/i18n/locales/C ]; then
		amb_why="no glibc locale sources (Debian package locales)"; return 1
	fi
	command -v localedef >/dev/null 2>&1 || { amb_why="no localedef"; return 1; }
	mkdir -p "$1"
	gzip -dc "$amb_map" | awk -v eaw="$amb_eaw" '
		function cp(h, w) {
			w = length(h) <= 4 ? 4 : 8
			while (length(h) < w) h = "0" h
			return "<U" h ">"
		}
		BEGIN {
			while ((getline l < eaw) > 0) {
				if (l !~ /^[0-9A-F]/) continue
				split(l, f, /[ \t]*[;#][ \t]*/)
				if (f[2] != "A" || f[3] ~ /^(Mn|Me|Cf)/) continue
				if (split(f[1], r, /\.\./) == 2)
					extra = extra cp(r[1]) "..." cp(r[2]) "\t2\n"
				else
					extra = extra cp(r[1]) "\t2\n"
			}
		}
		/^END WIDTH/ { printf "%s", extra }
		{ print }' > "$1/UTF-8-AMB" || { amb_why="cannot write the charmap"; return 1; }
	for amb_name in C.UTF-8 en_US.UTF-8; do
		if ! localedef -c -i C -f "$1/UTF-8-AMB" "$1/$amb_name" >"$1/localedef.log" 2>&1 &&
		   [ ! -f "$1/$amb_name/LC_CTYPE" ]; then
			amb_why="localedef failed: $(tail -n 1 "$1/localedef.log")"; return 1
		fi
	done
	return 0
}
