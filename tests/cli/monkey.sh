#!/bin/sh
# The browser survives any input: thousands of random keys (every bound
# key, digits, Chinese text, editing keys, pastes), clicks anywhere and
# resizes down to 1x1, from fixed seeds so that a failure replays.  Under
# ASan and UBSan any memory error fails it.  --secure, so that no random
# key prints, saves or runs a command.  Seeds 5 and 6 browse
# tests/screen/unicode.yaml (emoji sequences, combining piles, bidi and
# zero-width controls) and also type such characters.
. "$top_srcdir/tests/lib/lib.sh"

for seed in 1 2 3 4 5 6; do
	doc=
	[ "$seed" -ge 5 ] && doc="$top_srcdir/tests/screen/unicode.yaml"
	awk -v seed="$seed" 'BEGIN {
		srand(seed)
		n = split("j k g G f b h u n N O [ ] / ? p s | 0 1 2 3 7 9 y x 国 际 电 联 普 华 永 道 - A 👍 ́ ‍ 𫨨 é", keys, " ")
		m = split("<Enter> <Esc> <Tab> <S-Tab> <BS> <Del> <Space> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1> <C-d> <C-u> <C-w> <C-l> <C-g> <PasteStart> <PasteEnd>", special, " ")
		for (i = 0; i < 3000; i++) {
			r = rand()
			if (r < 0.55) printf "%s\n", keys[int(rand() * n) + 1]
			else if (r < 0.90) printf "%s\n", special[int(rand() * m) + 1]
			else if (r < 0.96) printf "<Click %d %d>\n", int(rand() * 130), int(rand() * 45)
			else printf ":resize %d %d\n", 1 + int(rand() * 130), 1 + int(rand() * 45)
		}
	}' > "$T/keys.$seed"
	status=0
	(cd "$T" && HOME="$T" XDG_STATE_HOME="$T/state" TERM=xterm-256color LC_ALL=C.UTF-8 \
		COLUMNS=80 LINES=24 CWGVIEW_SCRIPT="$T/keys.$seed" "$CWGVIEW" --secure $doc \
		> "$T/out.$seed" 2> "$T/err.$seed") || status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$T/err.$seed" ]; then
		ok "3000 random keys, clicks and resizes (seed $seed${doc:+, unicode.yaml})"
	else
		not_ok "3000 random keys, clicks and resizes (seed $seed${doc:+, unicode.yaml})" "status $status" \
			"$(head -c 2000 "$T/err.$seed")"
	fi
done

done_testing
