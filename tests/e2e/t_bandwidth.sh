# Bandwidth (sourced by tests/e2e/run.sh): the bytes the screen sends at
# 100x30 for a region key (1 KB), a view switch (3 KB), a burst of keys and
# idle time (nothing), counted by bench/bandwidth.py through tmux's
# pipe-pane.  Bytes, not seconds: a busy machine only makes it wait longer.
check "bandwidth: every step within its budget in bytes" \
	sh -c "python3 bench/bandwidth.py '$BIN' --check >$TMP/bandwidth.out 2>&1 || { cat $TMP/bandwidth.out; false; }"
