"""Markdown report of a bench/compare.sh run: python3 bench/report.py <result directory>."""

import os
import statistics
import sys
from collections import defaultdict

OUT = sys.argv[1]
SERVERS = ['ours', 'ours-cpu', 'ours-warm-up', 'apache-embedded', 'apache-daemon', 'gunicorn-sync', 'gunicorn-gthread']
APPS = ['hello', 'echo', 'flask', 'java', 'java-echo']
APP_NAMES = {'hello': 'hello (GET, 12 B)', 'echo': 'echo (POST 1 KiB)', 'flask': 'Flask template',
             'java': 'Java hello (same JVM)', 'java-echo': 'Java echo (same JVM)'}
# the same JVM's Java controller doing what each Python app does (Flask has none)
JAVA_TWIN = {'hello': 'java', 'echo': 'java-echo'}
BASELINES = [('apache-embedded', 'mod_wsgi embedded'), ('apache-daemon', 'mod_wsgi daemon'),
             ('gunicorn-sync', 'gunicorn sync'), ('gunicorn-gthread', 'gunicorn gthread')]


def path(name):
    return os.path.join(OUT, name)


def read_lines(name):
    try:
        with open(path(name)) as f:
            return [line.rstrip('\n') for line in f if line.strip()]
    except FileNotFoundError:
        return []


rows = defaultdict(list)
lines = read_lines('raw.tsv')
for line in lines[1:]:
    server, app, c, rnd, rps, p50, p99, errors, rss, detail = line.split('\t')
    rows[(server, app, int(c))].append(dict(rps=float(rps), p50=float(p50), p99=float(p99), errors=int(errors),
                                            rss=int(rss), detail=detail))
conns = sorted({key[2] for key in rows})


def med(key, field):
    values = [r[field] for r in rows.get(key, [])]
    return statistics.median(values) if values else None


def spread(key, field):
    values = [r[field] for r in rows.get(key, [])]
    return (min(values), max(values)) if values else (None, None)


ERROR_KINDS = ['connect', 'read', 'write', 'non-2xx', 'timeout']


def error_text(runs):
    """Total errors over the rounds, with their kinds (wrk's socket errors and non-2xx answers)."""
    totals = [0] * len(ERROR_KINDS)
    for r in runs:
        if r['detail'] != '-':
            for i, n in enumerate(r['detail'].split('/')):
                totals[i] += int(n)
    total = sum(totals)
    if total == 0:
        return '0'
    return f'{total} (' + ', '.join(f'{kind} {n}' for kind, n in zip(ERROR_KINDS, totals) if n) + ')'


def fmt(value, digits=0):
    if value is None:
        return '-'
    return f'{value:,.{digits}f}'


info = dict(line.split(' ', 1) for line in read_lines('info.txt'))
print('## Results')
print()
for k in ('date', 'machine', 'versions', 'settings'):
    if k in info:
        print(f'* {k}: {info[k]}')
print()
print('Medians over the rounds, (min-max) across rounds. Peak RSS: the server\'s whole process tree '
      '(the pid and its descendants, from /proc), highest sample during the measurements.')
print()
print('| app | server | conns | req/s median (min-max) | p50 ms | p99 ms median (min-max) | errors | peak RSS MiB |')
print('|---|---|---|---|---|---|---|---|')
for app in APPS:
    for server in SERVERS:
        for c in conns:
            key = (server, app, c)
            if key not in rows:
                continue
            lo, hi = spread(key, 'rps')
            plo, phi = spread(key, 'p99')
            errors = error_text(rows[key])
            rss = max(r['rss'] for r in rows[key]) / 1024
            print(f'| {APP_NAMES[app]} | {server} | {c} | {fmt(med(key, "rps"))} ({fmt(lo)}-{fmt(hi)}) '
                  f'| {fmt(med(key, "p50"), 2)} | {fmt(med(key, "p99"), 1)} ({fmt(plo, 1)}-{fmt(phi, 1)}) '
                  f'| {errors} | {fmt(rss)} |')
print()


def ratio(a, b):
    return f'{a / b:.2f}x' if a and b else '-'


OURS = [s for s in SERVERS if s.startswith('ours') and any(key[0] == s for key in rows)]
for variant in OURS:
    print(f'### Ratios of median req/s ({variant} / other)')
    print()
    header = ('| app | conns | ' + ' | '.join(f'{variant} / {name}' for _, name in BASELINES)
              + f' | {variant} / its Java controller |')
    print(header)
    print('|---' * (3 + len(BASELINES)) + '|')
    for app in ('hello', 'echo', 'flask'):
        for c in conns:
            ours = med((variant, app, c), 'rps')
            cells = [ratio(ours, med((server, app, c), 'rps')) for server, _ in BASELINES]
            cells.append(ratio(ours, med((variant, JAVA_TWIN[app], c), 'rps')) if app in JAVA_TWIN else '-')
            print(f'| {app} | {c} | ' + ' | '.join(cells) + ' |')
    print()
print('### p99 latency, ms (median over rounds)')
print()
print('| app | conns | ' + ' | '.join(OURS) + ' | ' + ' | '.join(name for _, name in BASELINES) + ' |')
print('|---' * (2 + len(OURS) + len(BASELINES)) + '|')
for app in ('hello', 'echo', 'flask'):
    for c in conns:
        cells = [fmt(med((server, app, c), 'p99'), 1) for server in OURS + [s for s, _ in BASELINES]]
        print(f'| {app} | {c} | ' + ' | '.join(cells) + ' |')
print()

def print_ramp(ramp, steady, since):
    """The 1-second hello windows of a ramp file and when they reached 90% of the steady rate."""
    if not ramp or not steady:
        return
    reached = next((float(r[0]) for r in ramp if len(r) > 1 and float(r[1]) >= 0.9 * steady), None)
    windows = ', '.join(f'{float(r[0]):.0f}s: {float(r[1]):,.0f}' for r in ramp if len(r) > 1)
    last = float(ramp[-1][0])
    if reached is not None:
        print(f'* 90% of steady hello throughput ({steady:,.0f} req/s at 16 connections): reached in the window '
              f'ending {reached:.1f} s after {since}')
    else:
        print(f'* 90% of steady hello throughput ({steady:,.0f} req/s at 16 connections): not reached within '
              f'the {last:.0f} s of 1-second windows')
    print(f'* 1-second windows after {since} (end time: req/s): {windows}')


startup = dict(line.split(' ', 1) for line in read_lines('startup.txt'))
ramp = [line.split() for line in read_lines('ramp.tsv')]
if startup:
    print('### Ours: startup and warm-up')
    print()
    java = float(startup['first_java'])
    python = float(startup['first_python'])
    flask = float(startup['first_flask'])
    print(f'* first Java answer (`/java/hello`): {java:.1f} s after the process started')
    print(f'* first Python answer (`/hello`): {python:.1f} s ({python - java:+.1f} s after Java\'s)')
    if 'first_java_without_mounts' in startup:
        alone = float(startup['first_java_without_mounts'])
        print(f'* the same app without WSGI mounts (started before, alone): Java answered at {alone:.1f} s, '
              f'so the first Python answer came {python - alone:+.1f} s after it (the target: at most +5 s)')
    print(f'* first Flask answer: {flask:.1f} s')
    print_ramp(ramp, med(('ours', 'hello', 16), 'rps'), 'the first Python answer')
    print()

warm_startup = dict(line.split(' ', 1) for line in read_lines('startup-ours-warm-up.txt'))
warm_ramp = [line.split() for line in read_lines('ramp-ours-warm-up.tsv')]
if warm_startup.get('ready'):
    print('### Ours with `wsgi.warm-up`: readiness')
    print()
    ready = float(warm_startup['ready'])
    print(f'* first Python answer (`/hello`): {float(warm_startup["first_python"]):.1f} s after the process started, '
          f'first Flask answer: {float(warm_startup["first_flask"]):.1f} s (the port answers during the warm-up)')
    print(f'* ready (the warm-up of hello, echo and Flask ended): {ready:.1f} s')
    steady = med(('ours-warm-up', 'hello', 16), 'rps')
    if warm_ramp and steady and len(warm_ramp[0]) > 1:
        first = float(warm_ramp[0][1])
        print(f'* first 1-second window after readiness: {first:,.0f} req/s, {first / steady:.0%} of steady hello')
    print_ramp(warm_ramp, steady, 'readiness')
    print()

memory = read_lines('memory.txt')
if memory:
    print('### Ours: memory per interpreter')
    print()
    print('One interpreter slot (`wsgi.embedded.processes=1`), hello mounted four times in four application '
          'groups, each group started by its first request followed by 3 s of load:')
    print()
    print('| interpreters | RSS MiB |')
    print('|---|---|')
    points = []
    for line in memory:
        if line.startswith('interpreters='):
            n, rss = line.split()
            n = int(n.split('=')[1])
            rss = int(rss.split('=')[1]) / 1024
            points.append((n, rss))
            print(f'| {n} | {rss:,.0f} |')
        else:
            peak = int(line.split('=')[-1]) / 1024
            print(f'| 4, under load (4 x wrk -c16) | {peak:,.0f} (peak) |')
    if len(points) >= 3:
        first = dict(points)
        if 1 in first and 4 in first:
            print()
            print(f'First interpreter (with the engine): {first[1] - first.get(0, first[1]):,.0f} MiB; '
                  f'each added interpreter: {(first[4] - first[1]) / 3:,.0f} MiB on average.')
    print()

idle = read_lines('servers.txt')
rss_lines = [line for line in idle if ' idle-after-warmup-rss-kib ' in line]
if rss_lines:
    print('RSS after warm-up, before the measured rounds (MiB): ' + ', '.join(
        f'{line.split()[0]} {int(line.split()[-1]) / 1024:,.0f}' for line in rss_lines))
    print()
