#!/bin/sh
# doc/man-keys.sh: the key table of `fourw --help-keys` (Markdown, on stdin)
# as the man page's KEYS entries (roff, on stdout).  The man page holds its
# output between its "keys:begin" and "keys:end" comments, and
# tests/cli/test_manners.sh checks that it still does:
#   build/fourw --help-keys | sh doc/man-keys.sh
# A backslash in a key name would start a roff escape: it is written \e.
sed '1,2d' | while IFS= read -r line; do
	keys=$(printf '%s\n' "$line" | cut -d'|' -f2 | sed 's/\\/\\e/g; s/^ *//; s/ *$//; s/`\([^`]*\)`/\\fB\1\\fR/g')
	action=$(printf '%s\n' "$line" | cut -d'|' -f3- | sed 's/\\/\\e/g; s/ *|$//; s/^ *//; s/ *$//')
	printf '.TP\n%s\n%s\n' "$keys" "$action"
done
