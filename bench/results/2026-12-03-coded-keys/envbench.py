import time
KEYS = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
  "REQUEST_URI", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "SERVER_ADDR",
  "GATEWAY_INTERFACE", "REQUEST_SCHEME", "REMOTE_ADDR", "REMOTE_PORT", "SCRIPT_FILENAME", "HTTPS",
  "AUTH_TYPE", "REMOTE_USER", "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_HOST", "mod_wsgi.process_group",
  "mod_wsgi.application_group", "mod_wsgi.callable_object", "mod_wsgi.request_handler",
  "mod_wsgi.handler_script", "mod_wsgi.script_reloading", "mod_wsgi.script_name", "mod_wsgi.path_info",
  "mod_wsgi.request_start")
_KEYS = ('',) + KEYS
present = [k for k in KEYS if k not in ('HTTPS','AUTH_TYPE','REMOTE_USER','CONTENT_TYPE','CONTENT_LENGTH')]
vals = {k: 'v' + str(i) * (i % 7 + 3) for i, k in enumerate(KEYS)}
PLAIN = '\0'.join(k + '\0' + vals[k] for k in present)
CODED = '\0'.join(chr(_KEYS.index(k)) + '\0' + vals[k] for k in present)

def parse_plain(cgi):
    environ = {}
    find = cgi.find
    end = len(cgi)
    i = 0
    while i < end:
        j = find('\0', i)
        if j < 0:
            break
        k = find('\0', j + 1)
        if k < 0:
            k = end
        environ[cgi[i:j]] = cgi[j + 1:k]
        i = k + 1
    return environ

def parse_coded(cgi):
    environ = {}
    find = cgi.find
    keys = _KEYS
    end = len(cgi)
    i = 0
    while i < end:
        j = find('\0', i)
        if j < 0:
            break
        k = find('\0', j + 1)
        if k < 0:
            k = end
        if j == i + 1 and cgi[i] < ' ':
            environ[keys[ord(cgi[i])]] = cgi[j + 1:k]
        else:
            environ[cgi[i:j]] = cgi[j + 1:k]
        i = k + 1
    return environ

def parse_coded2(cgi):
    # code checked with ord on the one-char key only
    environ = {}
    find = cgi.find
    keys = _KEYS
    end = len(cgi)
    i = 0
    while i < end:
        j = find('\0', i)
        if j < 0:
            break
        k = find('\0', j + 1)
        if k < 0:
            k = end
        if j == i + 1:
            c = ord(cgi[i])
            environ[keys[c] if c < 32 else cgi[i]] = cgi[j + 1:k]
        else:
            environ[cgi[i:j]] = cgi[j + 1:k]
        i = k + 1
    return environ

def run(f, s, n):
    t = time.perf_counter()
    for _ in range(n):
        f(s)
    return (time.perf_counter() - t) / n * 1e9

assert parse_plain(PLAIN) == parse_coded(CODED) == parse_coded2(CODED)
for rnd in range(12):
    a = run(parse_plain, PLAIN, 200000)
    b = run(parse_coded, CODED, 200000)
    c = run(parse_coded2, CODED, 200000)
    print('round %d: plain %.0f ns, coded %.0f ns, coded2 %.0f ns' % (rnd, a, b, c), flush=True)
