#!/bin/sh
# Bounded fuzzing with clang's libFuzzer, for CI and by hand.
#
#   tests/fuzz/run.sh CONFIGDIR OUTDIR TARGET:SECONDS…
#
# Builds each TARGET (load, search, wrap: tests/fuzz/fuzz_TARGET.c, with
# ASan and UBSan) against the core's sources and CONFIGDIR/config.h (a
# configured build directory), into OUTDIR; seeds its corpus in
# OUTDIR/corpus-TARGET with the bundled document, the malformed files of
# tests/bad, tests/screen/unicode.yaml and the inputs of
# tests/fuzz/regress/TARGET that once found a bug (the corpus grows from
# run to run when OUTDIR is kept); then runs it for SECONDS (a whole number).  Prints TAP: one
# case per target, "not ok" with libFuzzer's report when it found a crash,
# a leak or a failed check (the reproducer is left in OUTDIR), and a skip
# with the reason when clang or its fuzzer runtime is missing.
set -u
[ $# -ge 3 ] || { echo "usage: run.sh CONFIGDIR OUTDIR TARGET:SECONDS…" >&2; exit 2; }
cfg=$(cd "$1" && pwd) || exit 2
mkdir -p "$2" || exit 2
out=$(cd "$2" && pwd)
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; printf '%s\n' "$@" | sed 's/^/# /'; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

cc=$(command -v clang 2>/dev/null || true)
probe="$out/probe"
if [ -n "$cc" ]; then
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
	"$cc" -fsanitize=fuzzer "$probe.c" -o "$probe" 2> "$probe.err" || cc=
fi
opencc=$(pkg-config --cflags --libs opencc 2>/dev/null || true)
grep -q '^#define HAVE_OPENCC 1' "$cfg/config.h" 2>/dev/null || opencc=
srcs="buf doc layout load render overview text fold search mem module"
# OpenCC is a module (include/cwgview/module.h): built here with clang,
# without sanitizers (it is OpenCC's code, not ours), and found through
# CWGVIEW_MODULE_DIR, so the targets fold traditional Chinese as cwgview
# does.
if [ -n "$cc" ] && [ -n "$opencc" ]; then
	# shellcheck disable=SC2086
	"$cc" -O1 -shared -fPIC -fvisibility=hidden -I"$top/include" -I"$cfg" -include config.h \
		"$top/src/t2s.c" $opencc -o "$out/cwgview-t2s.so" 2> "$out/build-t2s.log" ||
		echo "run.sh: OpenCC's module did not build ($(head -n 1 "$out/build-t2s.log")): traditional folding is off" >&2
fi
CWGVIEW_MODULE_DIR=$out
export CWGVIEW_MODULE_DIR

for arg in "$@"; do
	t=${arg%%:*} secs=${arg#*:}
	case $t:$secs in
	load:[0-9]* | search:[0-9]* | wrap:[0-9]*) ;;
	*) echo "run.sh: not TARGET:SECONDS with TARGET load, search or wrap: $arg" >&2; exit 2 ;;
	esac
	name="fuzz $t ($secs s)"
	if [ -z "$cc" ]; then
		skip "$name" "no clang with libFuzzer (Debian packages clang and libclang-rt-14-dev)$( [ -s "$probe.err" ] && printf ': %s' "$(head -n 1 "$probe.err")")"
		continue
	fi
	bin="$out/fuzz_$t"
	files=
	for s in $srcs; do files="$files $top/src/$s.c"; done
	# shellcheck disable=SC2086
	if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-I"$top/include" -I"$cfg" -include config.h \
		-DFUZZ_DATA="\"$top/data/cwgsfp.yaml\"" \
		"$top/tests/fuzz/fuzz_$t.c" $files -lyaml -lunistring $opencc -lm \
		-o "$bin" 2> "$out/build-$t.log"; then
		not_ok "$name: builds" "$(tail -n 5 "$out/build-$t.log")"
		continue
	fi
	corpus="$out/corpus-$t"
	mkdir -p "$corpus"
	cp "$top/data/cwgsfp.yaml" "$top"/tests/bad/*.yaml "$top/tests/screen/unicode.yaml" "$corpus/" 2>/dev/null
	# Every input that once found something: libFuzzer runs the corpus
	# first, so a regression fails at once, whatever the time given.
	[ -d "$top/tests/fuzz/regress/$t" ] && cp "$top/tests/fuzz/regress/$t"/* "$corpus/"
	log="$out/fuzz-$t.log"
	status=0
	(cd "$out" && ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
		"$bin" -max_len=4096 -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 "$corpus") > "$log" 2>&1 || status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	if [ "$status" -eq 0 ]; then
		ok "$name: ${runs:-?} inputs, nothing found"
	else
		not_ok "$name: found something (status $status)" \
			"$(grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -n 8)"
	fi
done
echo "1..$n"
