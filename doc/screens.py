#!/usr/bin/env python3
"""doc/screens.py BIN [README]: draw the README's screens again.

Every screen in README.md is a code block under a comment that says how to
get it:

    <!-- screen: 100x30 | --lang fr | 5 M -->

the terminal size, the options given to fourw (the sample data is read from
config.ini's [plan] sheets), and the keys pressed, one by one, separated by
spaces (tmux key names: Enter, Escape, Tab; a word in quotes is typed).  An
optional fourth part `squeeze` folds a run of more than three blank lines
into one line that says how many were left out, and a part `!command`
runs that shell command before fourw starts (an earlier report to compare
with).  Each screen gets a fresh scratch folder, `{tmp}`, holding a copy of
data/sheets, `{sheets}`; both may appear in the options and the commands.
A step `!command` among the keys runs the command from the repository's
top, then waits for the screen to change: a sheet arriving during a
meeting.  `{bin}` is the fourw given, `{repo}` the repository's top.  fourw runs in the scratch folder,
which links config.ini and data/ to the repository's (so what it writes,
an export, lands there); the folder's name is taken out of what the
screen shows.  The block under the
comment is replaced by what tmux's capture-pane reads once the screen has
settled, so the README shows what the program draws, never a hand edit.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

MARK = re.compile(r'^<!-- screen: (.*) -->$')
SESSION = 'fourw-readme-%d' % os.getpid()


def tmux(*args):
    return subprocess.run(['tmux', *args], capture_output=True, text=True).stdout


def settled_capture():
    """The pane once two reads 0.3 s apart agree (the screen is drawn)."""
    last = None
    for _ in range(100):
        time.sleep(0.3)
        now = tmux('capture-pane', '-p', '-t', SESSION)
        if now == last and now.strip():
            return now
        last = now
    return last or ''


def expand(text, tmp):
    return (text.replace('{sheets}', tmp + '/sheets').replace('{tmp}', tmp)
            .replace('{bin}', BIN).replace('{repo}', REPO))


def shell(command, tmp):
    subprocess.run(['sh', '-c', expand(command, tmp)], check=True)


def run_step(command, tmp):
    """A shell step, then the screen once it has changed (or after 10 s)."""
    before = tmux('capture-pane', '-p', '-t', SESSION)
    shell(command, tmp)
    for _ in range(50):
        time.sleep(0.2)
        if tmux('capture-pane', '-p', '-t', SESSION) != before:
            break


def capture(size, options, keys, before=()):
    w, h = size.split('x')
    tmp = tempfile.mkdtemp(prefix='fourw-screens.')
    shutil.copytree('data/sheets', tmp + '/sheets')
    for name in ('config.ini', 'data'):
        os.symlink(os.path.abspath(name), os.path.join(tmp, name))
    for command in before:
        shell(command, tmp)
    cmd = 'env LANG=C.UTF-8 TERM=xterm-256color %s %s' % (BIN, expand(options, tmp))
    tmux('new-session', '-d', '-s', SESSION, '-c', tmp, '-x', w, '-y', h, cmd)
    try:
        settled_capture()
        for key in shlex.split(keys):
            if key.startswith('!'):
                run_step(key[1:], tmp)
            else:
                tmux('send-keys', '-t', SESSION, key)
            settled_capture()
        text = settled_capture()
        return (text.replace(tmp + '/sheets/', '').replace(tmp + '/', '')
                .replace(REPO + '/', ''))
    finally:
        tmux('kill-session', '-t', SESSION)
        shutil.rmtree(tmp)


def squeeze(lines):
    out, blank = [], 0
    for line in lines + ['\0']:
        if line.strip() == '':
            blank += 1
            continue
        if blank > 3:
            out.append('   (%d blank lines left out)' % blank)
        else:
            out.extend([''] * blank)
        blank = 0
        if line != '\0':
            out.append(line)
    return out


def screen_text(spec):
    parts = [p.strip() for p in spec.split('|')]
    size, options, keys = (parts + ['', ''])[:3]
    before = [p[1:] for p in parts[3:] if p.startswith('!')]
    text = capture(size, options, keys, before).rstrip('\n').split('\n')
    text = [line.rstrip() for line in text]
    if 'squeeze' in parts[3:]:
        text = squeeze(text)
    return text


def redraw(readme):
    lines = open(readme, encoding='utf-8').read().split('\n')
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        m = MARK.match(lines[i])
        if m and i + 1 < len(lines) and lines[i + 1] == '```':
            end = lines.index('```', i + 2)
            out.append('```')
            out.extend(screen_text(m.group(1)))
            out.append('```')
            i = end + 1
            continue
        i += 1
    open(readme, 'w', encoding='utf-8').write('\n'.join(out))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit('usage: doc/screens.py BIN [README.md]')
    BIN = os.path.abspath(sys.argv[1])
    REPO = os.path.abspath('.')
    redraw(sys.argv[2] if len(sys.argv) > 2 else 'README.md')
