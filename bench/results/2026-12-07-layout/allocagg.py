import re, sys, collections
txt = open(sys.argv[1]).read()
ev = txt.split('jdk.ObjectAllocationSample {')[1:]
bycls = collections.Counter(); incl = collections.Counter(); top = collections.Counter(); total = 0
for e in ev:
    w = re.search(r'weight = ([\d.]+) (\w+)', e)
    if not w: continue
    val = float(w.group(1)) * {'bytes':1,'kB':1e3,'MB':1e6,'GB':1e9}.get(w.group(2), 1)
    total += val
    c = re.search(r'objectClass = ([\w.$\[\]]+)', e)
    bycls[c.group(1) if c else '?'] += val
    frames = re.findall(r'^\s+([\w$.<>/]+)\(', e, re.M)
    if frames: top[frames[0]] += val
    seen = set()
    for f in frames:
        if f not in seen: seen.add(f); incl[f] += val
print('total MB', total / 1e6)
print('--- by class'); [print(f'{v/total:6.1%} {k}') for k, v in bycls.most_common(15)]
print('--- by allocating frame'); [print(f'{v/total:6.1%} {k}') for k, v in top.most_common(25)]
print('--- inclusive (selected)')
for k, v in incl.most_common(400):
    if any(s in k for s in ('dev.wsgiboot', 'springframework.security', 'DispatcherServlet.doDispatch', 'FilterChainProxy', 'Http11Processor.service', 'OptimizedCallTarget', 'CoyoteAdapter.service')):
        print(f'{v/total:6.1%} {k}')
