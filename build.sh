#!/bin/sh
# Set-up and build for cwgview on Debian, in one command.
#
#   ./build.sh run [ARG]...   install what is missing, build, then run
#                             cwgview ARG... (no ARG: the bundled document,
#                             data/cwgsfp.yaml, through CWGVIEW_DATA)
#   ./build.sh check          install what is missing, build with ASan and
#                             UBSan, and run the whole test suite
#   ./build.sh fuzz [T:S]...  build the libFuzzer targets with clang and run
#                             each target T for S seconds (default load:60
#                             search:20 wrap:20); TAP on standard output
#   ./build.sh bench          install what is missing (less too), build
#                             without sanitizers in _build/bench, and run
#                             make bench: the figures in README
#   ./build.sh deps           only install what is missing
#
# Packages are installed with apt-get only when dpkg says one is missing;
# autoreconf and configure run only when their outputs are missing (make
# reruns them itself when configure.ac or Makefile.am change).  So a second
# run with nothing changed does neither.  Builds go to _build/run and
# _build/check.  Everything the set-up prints (apt-get, autoreconf,
# configure, make) goes to standard error, so that standard output of
# "./build.sh run ARG…" is cwgview's alone: ./build.sh run --print 7 > t7.txt.
set -eu

cd "$(dirname "$0")"
top=$(pwd)

# Build dependencies (autoconf-archive for configure's AX_PTHREAD and
# AX_CHECK_COMPILE_FLAG; Pango and Cairo for PDF, a Chinese font to set it in;
# OpenCC, optional for configure but wanted here, folds traditional Chinese
# for search), and what the test suite drives: tmux, poppler-utils to read
# PDFs back, CUPS (daemon, lpr, a PDF driver, ipptool for job states) for
# the printing round trip,
# OpenSSH (server and client) for the browser over a real ssh connection,
# man-db to lay the man pages out, procps for the pgrep and pkill the
# terminal tests use, strace to count
# the browser's writes per keystroke, valgrind for make check-valgrind, GNU
# time for the search tests' bound on peak memory, and glibc's locale
# sources (locales) with Unicode's EastAsianWidth.txt (unicode-data), from
# which tests/lib/ambwide.sh compiles a terminal that draws the ambiguous
# characters wide.
PKGS_BUILD="autoconf autoconf-archive automake autopoint gettext make gcc pkg-config libncurses-dev libyaml-dev libunistring-dev
	libpango1.0-dev libcairo2-dev libfontconfig-dev fonts-noto-cjk libopencc-dev libopencc-data"
PKGS_CHECK="libcmocka-dev tmux poppler-utils bsdutils fonts-dejavu-core
	cups cups-bsd cups-client printer-driver-cups-pdf openssh-server openssh-client procps strace cups-ipp-utils man-db
	valgrind time locales unicode-data"

say() { printf 'build.sh: %s\n' "$*" >&2; }

install_missing() {
	if ! command -v dpkg-query >/dev/null 2>&1; then
		say "not a Debian system: make sure these are installed: $*"
		return 0
	fi
	missing=
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			missing="$missing $p"
		fi
	done
	[ -z "$missing" ] && return 0
	say "installing:$missing"
	if [ "$(id -u)" -eq 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1; then
		sudo=sudo
	else
		say "not root and no sudo: install these packages first:$missing"
		exit 2
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q >&2
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends $missing >&2
}

# The tests of the Chinese interface run under zh_CN.UTF-8: made with
# localedef from Debian's locales when the system has it not.
ensure_locale() { # NAME (zh_CN.UTF-8)
	locale -a 2>/dev/null | grep -qix "$(printf '%s' "$1" | sed 's/UTF-8$/utf8/')" && return 0
	if [ "$(id -u)" -eq 0 ]; then sudo=
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo
	else say "not root and no sudo: the tests will skip what needs $1"; return 0; fi
	say "localedef $1"
	$sudo localedef -i "${1%%.*}" -c -f UTF-8 -A /usr/share/locale/locale.alias "$1" >&2 ||
		say "localedef $1 failed: the tests will skip what needs it"
}

build() { # DIR CONFIGURE-ARGS...
	dir=$1; shift
	if [ ! -x configure ] || [ ! -f Makefile.in ] || [ ! -f build-aux/tap-driver.sh ] ||
	   [ ! -f po/Makefile.in.in ]; then
		say "autoreconf -fi"
		autoreconf -fi >&2
	fi
	if [ ! -f "$dir/Makefile" ]; then
		mkdir -p "$dir"
		# By a relative path (../../configure), so that the sources are
		# compiled by relative names: the sanitizers' source locations
		# keep the names as given, and no path of the build may be in
		# the binary (tests/cli/install.sh).
		up=$(printf '%s\n' "$dir" | sed 's|[^/][^/]*|..|g')
		say "configure $* (in $dir)"
		(cd "$dir" && "$up/configure" "$@") >&2
	fi
	make -C "$dir" -j"$(nproc 2>/dev/null || echo 2)" --no-print-directory >&2
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case $cmd in
deps)
	install_missing $PKGS_BUILD $PKGS_CHECK
	;;
run)
	install_missing $PKGS_BUILD
	build _build/run --enable-werror
	# The binary knows only the installed document; this one is not
	# installed, so it gets the source tree's (unless told another).
	CWGVIEW_DATA=${CWGVIEW_DATA:-$top/data/cwgsfp.yaml}
	export CWGVIEW_DATA
	exec "$top/_build/run/cwgview" "$@"
	;;
check)
	install_missing $PKGS_BUILD $PKGS_CHECK
	ensure_locale zh_CN.UTF-8
	# The plain optimised build too: it is what "run" makes, and -O2 warns
	# about things a sanitizer build does not.
	build _build/run --enable-werror
	build _build/check --enable-werror --enable-sanitizers
	make -C _build/check -j"$(nproc 2>/dev/null || echo 2)" --no-print-directory check
	;;
bench)
	install_missing $PKGS_BUILD less
	build _build/bench
	exec make -C _build/bench --no-print-directory bench
	;;
fuzz)
	# Only where clang is: then its libFuzzer runtime too.
	if command -v clang >/dev/null 2>&1; then
		v=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
		[ -n "$v" ] && { (install_missing "libclang-rt-$v-dev") ||
			say "could not install libclang-rt-$v-dev: the targets will say why they cannot run"; }
	fi
	install_missing $PKGS_BUILD
	build _build/check --enable-werror --enable-sanitizers
	[ $# -gt 0 ] || set -- load:60 search:20 wrap:20
	exec sh "$top/tests/fuzz/run.sh" _build/check _build/fuzz "$@"
	;;
*)
	say "unknown command '$cmd': use run, check, bench, fuzz or deps"
	exit 2
	;;
esac
