# Sourced by tests/e2e/run.sh.  The help screen (?) names the config.ini
# in use on its last line: which of -c, $FOURW_CONFIG, ./config.ini, the
# user's and the installed one was read is otherwise invisible on screen.
start 100x50
wait_for 'Funding' >/dev/null
keys '?'
wait_for 'Keys \(Esc or \? closes\)' >/dev/null
keys End          # the help is longer than the screen: its last line
check "help: names the config.ini in use" wait_for "config.ini in use: $CONFIG *\$"
keys q; wait_for '^rc=0' >/dev/null
