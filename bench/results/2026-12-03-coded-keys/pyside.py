import json, collections, sys
# Samples under Interpreter.handle (the Python call), by the first frame that names an operation
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
def name(f): return f['method']['type']['name'].split('/')[-1]+'.'+f['method']['name']
mid=collections.Counter(); n=0; total=0
for e in ev:
    st=e['values']['stackTrace']
    if not st: continue
    total+=1
    names=[name(f) for f in st['frames']]
    if 'Interpreter.handle' not in names: continue
    n+=1
    for x in names:
        if any(s in x for s in ('Builtins','HostObject','HostMethod','HostToType','ToHost','RequestBridge','Hashing','TruffleString','Dict','ObjectHashMap','GetAttr','StringUtils','StringLatin1')) and 'Dispatch' not in x and 'CallTarget' not in x and 'CallNode' not in x and 'Invoke' not in x:
            mid[x]+=1; break
    else:
        mid['(other) '+names[0]]+=1
print(f'Interpreter.handle: {n} of {total} samples; by operation:')
for k,v in mid.most_common(14): print(f'  {v:4d}  {k}')
