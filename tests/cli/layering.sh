#!/bin/sh
# The core never includes curses, never exits and never prints: checked in
# its sources and in the symbols its library uses.
. "$top_srcdir/tests/lib/lib.sh"
cd "$top_srcdir" || exit 1

core=$(sed -n '/^libcwgcore_a_SOURCES/,/^[^	]/p' Makefile.am | tr -d '\\' |
	tr ' \t' '\n\n' | grep -E '\.(c|h)$')
[ -n "$core" ] || { not_ok "core sources found in Makefile.am"; done_testing; }
for f in $(printf '%s\n' $core include/cwgview/*.h | sort -u); do
	if grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h)' "$f" > "$T/hits"; then
		not_ok "$f does not include curses" "$(cat "$T/hits")"
	else
		ok "$f does not include curses"
	fi
done

# Outside the core, curses is reached through src/tui/curses.h only.
others=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses\.h|ncursesw/|term\.h)' src include |
	grep -v '^src/tui/curses\.h$' || true)
if [ -z "$others" ]; then ok "only src/tui/curses.h includes curses"
else not_ok "only src/tui/curses.h includes curses" "$others"; fi
main_cur=$(grep -n '#include "tui/tui.h"\|#include "tui/curses.h"' src/main.c || true)
if [ -z "$main_cur" ]; then ok "main.c reaches the browser through tui/run.h"
else not_ok "main.c reaches the browser through tui/run.h" "$main_cur"; fi

lib="$top_builddir/libcwgcore.a"
# nm must have worked, and seen the library: a failed nm (or an empty
# list) would otherwise pass the check below.
if nm -u "$lib" > "$T/nm.out" 2> "$T/nm.err" && grep -q 'yaml_parser_initialize' "$T/nm.out"; then
	ok "nm lists the undefined symbols of libcwgcore.a"
else
	not_ok "nm lists the undefined symbols of libcwgcore.a" "$(cat "$T/nm.err")"
fi
awk '{print $NF}' "$T/nm.out" | sort -u > "$T/undef"
bad=$(grep -E '^(exit|_exit|_Exit|abort|printf|fprintf|vfprintf|puts|fputs|putchar|fputc|fwrite|perror|write|initscr|newterm|endwin|wrefresh|doupdate|waddnstr|mvwaddnstr|stdscr|stdout|stderr)$' "$T/undef" || true)
if [ -z "$bad" ]; then ok "libcwgcore.a calls nothing that exits, prints or draws"
else not_ok "libcwgcore.a calls nothing that exits, prints or draws" "$bad"; fi

# No two object files call each other, directly or around a ring (a ring
# means a helper lives in the wrong file; docs/architecture.md gives the
# order).  An edge A B: A defines a function B calls.  tsort finds a loop.
ring_check() { # NAME OBJECT…
	name=$1; shift
	: > "$T/edges"
	for o in "$@"; do
		nm --defined-only "$o" | awk '$2 == "T" {print $3}' | sort > "$T/def.$(basename "$o")"
	done
	for o in "$@"; do
		nm -u "$o" | awk '{print $NF}' | sort > "$T/undef.$(basename "$o")"
		for g in "$@"; do
			[ "$g" = "$o" ] && continue
			if comm -12 "$T/def.$(basename "$g")" "$T/undef.$(basename "$o")" | grep -q .; then
				echo "$(basename "$g") $(basename "$o")" >> "$T/edges"
			fi
		done
		echo "$(basename "$o") $(basename "$o")" >> "$T/edges" # (a file alone)
	done
	if [ "$(awk '$1 != $2' "$T/edges" | wc -l)" -gt 0 ] && tsort "$T/edges" > /dev/null 2> "$T/tsort.err"; then
		ok "$name: no two files call each other in a ring ($(awk '$1 != $2' "$T/edges" | wc -l | tr -d ' ') calls between files)"
	else
		not_ok "$name: no two files call each other in a ring" "$(cat "$T/tsort.err")"
	fi
}
ring_check "the browser (src/tui)" "$top_builddir"/src/tui/cwgview-*.o
ring_check "the core" "$top_builddir"/src/libcwgcore_a-*.o

done_testing
