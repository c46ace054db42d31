# compile-timeline.py LOG WARMUP_START_HH:MM:SS.s: Truffle compilations (engine.TraceCompilation) per 20-s bucket
# from the warm-up's start, with the compile time they took, and the longest ones
import collections, re, sys
h, m, s = sys.argv[2].split(':'); start = int(h) * 3600 + int(m) * 60 + float(s)
rows = []
for line in open(sys.argv[1]):
    k = re.search(r'\[engine\] (opt \w+\.?)\s+engine=1\s+id=(\d+)\s+(.*?)\s*\|', line)
    u = re.search(r'UTC \S+?T(\d+):(\d+):([\d.]+)\|', line)
    if not k or not u:
        continue
    t = int(u.group(1)) * 3600 + int(u.group(2)) * 60 + float(u.group(3))
    ms = re.search(r'Time\s+(\d+)\(', line); tier = re.search(r'Tier (\d)', line)
    rows.append((t - start, k.group(1) + (' T' + tier.group(1) if tier else ''), k.group(3)[:70], int(ms.group(1)) if ms else 0))
buckets = collections.defaultdict(collections.Counter); busy = collections.defaultdict(int)
for t, kind, name, ms in rows:
    b = int(t // 20) * 20; buckets[b][kind] += 1; busy[b] += ms
for b in sorted(buckets):
    print(f'{b:5d}s {dict(buckets[b])} compile ms {busy[b]}')
print('longest:')
for t, kind, name, ms in sorted(rows, key=lambda r: -r[3])[:15]:
    print(f'{t:6.0f}s {kind} {ms} ms {name}')
