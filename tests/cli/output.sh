#!/bin/sh
# Writing files (-o, the browser's s, the search history): a regular file
# is replaced atomically and keeps its mode (and, for root, its owner); a
# symlink is written through and kept; a device or FIFO is written to and
# never replaced; a full disk is one line and exit status 2 with the old
# file intact.  Mounting tmpfs and mknod need root: those cases skip
# otherwise.
. "$top_srcdir/tests/lib/lib.sh"
# An empty current directory inside $T: a relative link target wrongly read
# from here creates nothing outside the test's own folder.
mkdir "$T/cwd" && cd "$T/cwd" || exit 1

root=false
[ "$(id -u)" -eq 0 ] && root=true
mnt="$T/mnt"
mounted=false
# Nothing is left mounted, however the script ends.
trap 'if $mounted; then umount "$mnt"; fi; rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM

run --print all
cp "$T/out" "$T/all"
run --print 1
cp "$T/out" "$T/one"

# mode_of FILE: its permissions in octal; owner_of FILE: user:group.
mode_of() { stat -c %a "$1"; }
owner_of() { stat -c %U:%G "$1"; }
# temps DIR: what an interrupted write would leave there; names DIR: what
# is there, on one line.
temps() { find "$1" -mindepth 1 -maxdepth 1 -name '*.tmp*'; }
names() { find "$1" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort | tr '\n' ' ' | sed 's/ $//'; }

# expect_saved NAME FILE: the last run succeeded, printed nothing, and
# FILE holds topic 1.
expect_saved() {
	if [ "$status" -eq 0 ] && [ ! -s "$T/out" ] && [ ! -s "$T/err" ] &&
	   cmp -s "$T/one" "$2"; then
		ok "$1"
	else
		not_ok "$1" "status $status" "$(cat "$T/err")" "$(ls -lA "$(dirname "$2")")"
	fi
}

# expect_error NAME MESSAGE: the last run failed with status 2 and exactly
# that one line.
expect_error() {
	if [ "$status" -eq 2 ] && [ "$(cat "$T/err")" = "$2" ] && [ ! -s "$T/out" ]; then
		ok "$1"
	else
		not_ok "$1" "status $status" "expected: $2" "     got: $(cat "$T/err")"
	fi
}

# ---- modes: with a umask the test chooses ----
mkdir "$T/m"
for mask in 022 077 002; do
	(umask $mask && "$CWGVIEW" --print 1 -o "$T/m/new-$mask.txt")
	want=$(printf '%o' $((0666 & ~0$mask)))
	expect_eq "a new file is 0666 less the umask $mask" "$want" "$(mode_of "$T/m/new-$mask.txt")"
done
for mode in 600 755 640; do
	echo old > "$T/m/old-$mode.txt"
	chmod "$mode" "$T/m/old-$mode.txt"
	(umask 022 && "$CWGVIEW" --print 1 -o "$T/m/old-$mode.txt")
	if cmp -s "$T/one" "$T/m/old-$mode.txt"; then
		expect_eq "an existing $mode file stays $mode" "$mode" "$(mode_of "$T/m/old-$mode.txt")"
	else
		not_ok "an existing $mode file stays $mode" "not rewritten"
	fi
done
expect_eq "no temporary file is left" "" "$(temps "$T/m")"

if $root; then
	echo old > "$T/m/theirs.txt"
	chown nobody:nogroup "$T/m/theirs.txt"
	run --print 1 -o "$T/m/theirs.txt"
	expect_saved "root rewrites another user's file" "$T/m/theirs.txt"
	expect_eq "and it keeps its owner" "nobody:nogroup" "$(owner_of "$T/m/theirs.txt")"
else
	skip "root keeps a file's owner" "not root: cannot give a file to another user"
fi

# ---- symlinks ----
mkdir "$T/l" "$T/l/sub" "$T/l/targets"
echo old > "$T/l/targets/real.txt"
chmod 640 "$T/l/targets/real.txt"
# Relative, from a directory other than the current one: read from the
# link's directory.
ln -s ../targets/real.txt "$T/l/sub/link.txt"
run --print 1 -o "$T/l/sub/link.txt"
expect_saved "-o through a symlink writes its target" "$T/l/targets/real.txt"
expect_eq "the symlink stays" "../targets/real.txt" "$(readlink "$T/l/sub/link.txt")"
expect_eq "the target keeps its mode" 640 "$(mode_of "$T/l/targets/real.txt")"
# A chain: each relative to where its link is.
ln -s sub/link.txt "$T/l/chain.txt"
echo old > "$T/l/targets/real.txt"
run --print 1 -o "$T/l/chain.txt"
expect_saved "-o through a chain of symlinks writes its end" "$T/l/targets/real.txt"
expect_eq "the chain stays" "sub/link.txt ../targets/real.txt" \
	"$(readlink "$T/l/chain.txt") $(readlink "$T/l/sub/link.txt")"
# A dangling link: its target is created, as an editor would.
ln -s ../targets/new.txt "$T/l/sub/dangling.txt"
run --print 1 -o "$T/l/sub/dangling.txt"
expect_saved "-o to a dangling symlink creates its target" "$T/l/targets/new.txt"
expect_eq "the dangling symlink stays" "../targets/new.txt" "$(readlink "$T/l/sub/dangling.txt")"
expect_eq "no temporary file is left beside the targets" "" "$(temps "$T/l/targets")$(temps "$T/l/sub")"
ln -s loop-b "$T/l/loop-a"
ln -s loop-a "$T/l/loop-b"
run --print 1 -o "$T/l/loop-a"
expect_error "a symlink loop is an error" "cwgview: $T/l/loop-a: Too many levels of symbolic links"
# /proc/self/fd/1 names no file by its text when it is a pipe: written to.
ln -s /proc/self/fd/1 "$T/l/stdout"
status=0
"$CWGVIEW" --print 1 -o "$T/l/stdout" 2>"$T/err" | cat >"$T/piped" || status=$?
if [ "$status" -eq 0 ] && [ ! -s "$T/err" ] && cmp -s "$T/one" "$T/piped" && [ -L "$T/l/stdout" ]; then
	ok "-o a link to /proc/self/fd/1 writes into the pipe"
else
	not_ok "-o a link to /proc/self/fd/1 writes into the pipe" "status $status" "$(cat "$T/err")"
fi

# ---- names near NAME_MAX: the temporary name is cut to fit ----
long=$(printf '%0250d' 0)
run --print 1 -o "$T/m/$long"
expect_saved "-o a 250-byte name" "$T/m/$long"
cjk=$(printf '中%.0s' $(seq 85)) # 255 bytes
run --print 1 -o "$T/m/$cjk"
expect_saved "-o a 255-byte name of 3-byte characters" "$T/m/$cjk"
expect_eq "no temporary file is left after long names" "" "$(temps "$T/m")"

# ---- devices and FIFOs: written to, never replaced ----
mkdir "$T/d"
if $root; then
	null="$T/d/null" full="$T/d/full"
	mknod "$null" c 1 3 && mknod "$full" c 1 7
else
	# Not root: the system's own (which cwgview could not replace).
	null=/dev/null full=/dev/full
fi
run --print 1 -o "$null"
if [ "$status" -eq 0 ] && [ ! -s "$T/err" ] && [ -c "$null" ] &&
   [ "$(stat -c %t:%T "$null")" = 1:3 ]; then
	ok "-o a null device writes to it and keeps it"
else
	not_ok "-o a null device writes to it and keeps it" "status $status" "$(cat "$T/err")" "$(ls -l "$null")"
fi
run --print 1 -o "$full"
expect_error "-o a full device is an error" "cwgview: $full: No space left on device"
if [ -c "$full" ]; then ok "the full device stays a device"
else not_ok "the full device stays a device" "$(ls -l "$full")"; fi
# A symlink to a device: written through, the link kept.
ln -s /dev/full "$T/d/full-link"
run --print 1 -o "$T/d/full-link"
expect_error "-o a symlink to /dev/full is the device's error" \
	"cwgview: $T/d/full-link: No space left on device"
expect_eq "the symlink to the device stays" /dev/full "$(readlink "$T/d/full-link")"
mkfifo "$T/d/fifo"
cat "$T/d/fifo" >"$T/d/from-fifo" &
reader=$!
run --print 1 -o "$T/d/fifo"
# Had the FIFO been replaced, the reader would wait for ever.
[ -p "$T/d/fifo" ] || kill "$reader" 2>/dev/null
wait "$reader"
if [ "$status" -eq 0 ] && [ -p "$T/d/fifo" ] && cmp -s "$T/one" "$T/d/from-fifo"; then
	ok "-o a FIFO writes into it and keeps it"
else
	not_ok "-o a FIFO writes into it and keeps it" "status $status" "$(cat "$T/err")" "$(ls -l "$T/d")"
fi

# ---- a full standard output ----
if [ -w /dev/full ]; then
	for opt in --help --version --keys-man "--print 1"; do
		status=0
		# shellcheck disable=SC2086
		"$CWGVIEW" $opt >/dev/full 2>"$T/err" || status=$?
		expect_eq "$opt into a full standard output" \
			"2 cwgview: write error: No space left on device" "$status $(cat "$T/err")"
	done
else
	skip "a full standard output" "no writable /dev/full"
fi

# ---- a full disk: the earlier file intact, no temporary file left ----
# mount_small SIZE: a fresh tmpfs of SIZE at $mnt.
mount_small() {
	if $mounted; then umount "$mnt" && mounted=false; fi
	mkdir -p "$mnt" && mount -t tmpfs -o "size=$1,mode=0755" cwgview-test "$mnt" && mounted=true
}
if ! $root; then
	skip "a full disk keeps the earlier file" "not root: cannot mount a small tmpfs"
	skip "a disk that fills mid-write keeps the earlier file" "not root: cannot mount a small tmpfs"
elif ! mount_small 64k; then
	skip "a full disk keeps the earlier file" "mount -t tmpfs failed here"
	skip "a disk that fills mid-write keeps the earlier file" "mount -t tmpfs failed here"
else
	echo "old content" > "$mnt/t.txt"
	dd if=/dev/zero of="$mnt/fill" bs=4096 2>/dev/null
	run --print all -o "$mnt/t.txt"
	expect_error "-o on a full disk is an error" "cwgview: $mnt/t.txt: No space left on device"
	expect_eq "a full disk keeps the earlier file, no temporary left" \
		"old content|fill t.txt" "$(cat "$mnt/t.txt")|$(names "$mnt")"
	# Three pages: the old file takes one, the new one (17 kB) fills the
	# other two part way.  Written in place, the old file would be gone.
	mount_small 12k
	echo "old content" > "$mnt/t.txt"
	run --print all -o "$mnt/t.txt"
	expect_error "-o on a disk that fills mid-write is an error" \
		"cwgview: $mnt/t.txt: No space left on device"
	expect_eq "a disk that fills mid-write keeps the earlier file, no temporary left" \
		"old content|t.txt" "$(cat "$mnt/t.txt")|$(names "$mnt")"
	# The same through a symlink: its target too is replaced, not
	# written over.
	ln -s "$mnt/t.txt" "$T/to-mnt"
	run --print all -o "$T/to-mnt"
	expect_error "-o through a symlink on a disk that fills mid-write is an error" \
		"cwgview: $T/to-mnt: No space left on device"
	expect_eq "a symlink's target on a disk that fills mid-write is intact" \
		"old content|t.txt" "$(cat "$mnt/t.txt")|$(names "$mnt")"
	# And with room, the same disk takes it.
	mount_small 64k
	echo "old content" > "$mnt/t.txt"
	run --print all -o "$mnt/t.txt"
	if [ "$status" -eq 0 ] && cmp -s "$T/all" "$mnt/t.txt"; then ok "with room, the small disk takes it"
	else not_ok "with room, the small disk takes it" "status $status" "$(cat "$T/err")"; fi
	umount "$mnt" && mounted=false
fi

# ---- a read-only folder, as a user who is not root ----
mkdir "$T/ro"
echo "old content" > "$T/ro/t.txt"
chmod 666 "$T/ro/t.txt"
chmod 555 "$T/ro"
as_user=
if ! $root; then
	as_user="env"
elif command -v setpriv >/dev/null 2>&1; then
	as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
elif command -v runuser >/dev/null 2>&1; then
	as_user="runuser -u nobody --"
fi
if [ -z "$as_user" ]; then
	skip "a read-only folder" "root, and neither setpriv nor runuser to become another user"
else
	chmod 711 "$T" # (mktemp -d made it 0700) so that nobody reaches $T/ro
	status=0
	# shellcheck disable=SC2086
	$as_user "$CWGVIEW" --print 1 -o "$T/ro/t.txt" >"$T/out" 2>"$T/err" || status=$?
	expect_error "-o in a read-only folder is an error" "cwgview: $T/ro/t.txt: Permission denied"
	expect_eq "a read-only folder keeps the file, nothing added" "old content|t.txt" \
		"$(cat "$T/ro/t.txt")|$(names "$T/ro")"
	chmod 700 "$T"
fi
chmod 755 "$T/ro"

# ---- the browser: s reports a failure on the status line ----
# browse NAME KEYS…: runs the browser headless on a key script in $T/b.
browse() {
	name=$1; shift
	printf '%s\n' "$@" > "$T/$name.keys"
	status=0
	(cd "$T/b" && env TERM=xterm-256color COLUMNS=80 LINES=24 HOME="$T/b/home" \
		XDG_STATE_HOME="$T/b/state" CWGVIEW_SCRIPT="$T/$name.keys" \
		"$CWGVIEW" >"$T/out" 2>"$T/err") || status=$?
}
mkdir "$T/b"
ln -s /dev/full "$T/b/full.txt"
browse save-full s '<C-u>full.txt' '<Enter>' y ':save-display screen.txt'
if [ "$status" -eq 0 ] && grep -q 'full.txt: No space left on device' "$T/b/screen.txt" &&
   [ "$(readlink "$T/b/full.txt")" = /dev/full ]; then
	ok "s to a full device says so on the status line"
else
	not_ok "s to a full device says so on the status line" "status $status" "$(cat "$T/err")" \
		"$(tail -2 "$T/b/screen.txt" 2>/dev/null)"
fi

# ---- the search history: 0600, in a folder made 0700 ----
(umask 022 && browse history '/普华永道' '<Enter>')
hist="$T/b/state/cwgview/history"
expect_eq "the search history is saved" "普华永道" "$(cat "$hist" 2>/dev/null)"
expect_eq "the search history is 0600 in a folder made 0700" "600 700" \
	"$(mode_of "$hist") $(mode_of "$T/b/state/cwgview")"
chmod 644 "$hist"
(umask 022 && browse history '/国际电联' '<Enter>')
expect_eq "a 0644 history is made 0600 again" "600" "$(mode_of "$hist")"

done_testing
