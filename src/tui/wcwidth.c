/* What curses is told a character's width is.  ncursesw asks the C
 * library's wcwidth() for every character it stores; this definition, in
 * the executable, comes first in the dynamic linker's search order, so
 * ncursesw's calls reach it instead (ELF symbol interposition, as a
 * malloc replacement works).  Curses then measures exactly as cwgview's
 * layout does (text_terminal_width, libunistring), and both follow the
 * terminal's width for the East Asian Ambiguous characters
 * (--ambiguous-width).  tests/cli/ambiguous.sh fails when curses does not
 * take it: the borders of a wide terminal would not line up. */
#include "config.h"

#include <wchar.h>

#include "cwgview/text.h"

int wcwidth(wchar_t wc)
{
	if (wc < 0 || wc > 0x10FFFF)
		return -1;
	return text_terminal_width((uint32_t)wc);
}
