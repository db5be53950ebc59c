#!/bin/sh
# cwgview under valgrind, for make check-valgrind: the tests run this in
# place of the binary (CWGVIEW).  make check-valgrind sets CWGVIEW_REAL
# (the binary), CWGVIEW_VALGRIND (valgrind's absolute path: some tests
# run cwgview with a PATH of their own) and CWGVIEW_VALGRIND_SUPP
# (tests/valgrind.supp).  Any memory error or definite leak is reported
# on standard error and makes the exit status 99, which the tests see;
# leaks inside the font libraries are not cwgview's.
exec "${CWGVIEW_VALGRIND:?}" -q --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite --errors-for-leak-kinds=definite \
	--suppressions="${CWGVIEW_VALGRIND_SUPP:?}" \
	"${CWGVIEW_REAL:?make check-valgrind sets CWGVIEW_REAL}" "$@"
