import json, sys, collections
d = json.load(open(sys.argv[1])); target = sys.argv[2]; depth = int(sys.argv[3])
ev = d['recording']['events']
c = collections.Counter(); n = 0
for e in ev:
    st = e['values']['stackTrace']
    if not st: continue
    fr = [f['method']['type']['name'].split('/')[-1] + '.' + f['method']['name'] for f in st['frames']]
    if target in fr:
        i = fr.index(target)
        n += 1
        c[' < '.join(reversed(fr[max(0, i - depth):i]))] += 1
print("samples under", target, n)
for k, v in c.most_common(25):
    print(v, k)
