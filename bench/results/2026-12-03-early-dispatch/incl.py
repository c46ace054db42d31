import json, sys, collections
d = json.load(open(sys.argv[1]))
ev = d['recording']['events']
inc = collections.Counter(); n = 0
for e in ev:
    st = e['values']['stackTrace']
    if not st: continue
    n += 1
    seen = set()
    for f in st['frames']:
        k = f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name']
        if k not in seen:
            seen.add(k); inc[k] += 1
print("samples", n)
for k, v in inc.most_common(int(sys.argv[2])):
    print(f"{100*v/n:5.1f}% {k}")
