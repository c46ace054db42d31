import json, collections, sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
target=sys.argv[2]; depth=int(sys.argv[3]) if len(sys.argv)>3 else 1
def name(f): return f['method']['type']['name'].split('/')[-1]+'.'+f['method']['name']
c=collections.Counter(); tot=0; n=0
for e in ev:
    st=e['values']['stackTrace']
    if not st: continue
    n+=1
    names=[name(f) for f in st['frames']]  # top first
    if target in names:
        i=names.index(target)
        tot+=1
        below=names[max(0,i-depth):i]
        c[' > '.join(reversed(below)) if below else '(self)']+=1
print(f'{target}: {tot} of {n} samples ({100*tot/n:.1f}%)')
for k,v in c.most_common(int(sys.argv[4]) if len(sys.argv)>4 else 15): print(f'  {v:4d} {100*v/n:5.1f}%  {k}')
