# Sourced by tests/e2e/run.sh.  The help screen (?) names the config.ini
# in use on its last line: which of -c, $FOURW_CONFIG, ./config.ini, the
# user's and the installed one was read is otherwise invisible on screen.
start 100x50
wait_for 'Funding' >/dev/null
keys '?'
check "help: names the config.ini in use" wait_for "config.ini in use: $CONFIG *\$"
keys q; wait_for '^rc=0' >/dev/null
