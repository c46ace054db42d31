# Evaluated after wsgi_gateway.py in the same GraalPy context by
# WsgiGatewayFastPathsTests: the gateway's fast paths must give exactly what
# their plain counterparts give, accepting and refusing the same inputs.


def _outcome(call):
    try:
        result = call()
    except Exception as ex:
        return ('raised', type(ex).__name__, str(ex))
    return ('returned', result)


def _start_response_outcome(method_name, status, headers, exc_info, second_call):
    response = _Response(None)
    method = getattr(response, method_name)
    if second_call:
        method('200 OK', [])

    def call():
        method(status, headers, exc_info)
        return (response.status, response.headers, response.length)

    return _outcome(call)


def _exc_info():
    try:
        raise KeyError('boom')
    except KeyError:
        import sys
        return sys.exc_info()


START_RESPONSE_CASES = [
    ('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '12')]),
    ('200 OK', []),
    ('404 Not Found', [('content-length', ' 7 ')]),
    ('200 OK', [('Content-Length', 'abc')]),
    ('200 OK', [('Content-Length', '')]),
    ('200 OK', [('X-Caf\xe9', 'caf\xe9')]),
    ('200 OK', [('X-Euro', '\u20ac')]),
    ('200 OK', [('X-\u20ac', 'v')]),
    ('200 OK', [('Connection', 'close')]),
    ('200 OK', [('Transfer-Encoding', 'chunked')]),
    ('200 OK', [('Bad:Name', 'v')]),
    ('200 OK', [('Bad Name', 'v')]),
    ('200 OK', [('', 'v')]),
    ('200 OK', [('Nul\0Name', 'v')]),
    ('200 OK', [('X-A', 'a\0b')]),
    ('200 OK', [('X-A', 'a\rb')]),
    ('200 OK', [('X-A', 'a\nb')]),
    ('200 OK', [('X-A', 'v'), ('X-B', 'w\0'), ('X-C', 'x')]),
    ('200 OK', [('X-A', 'v', 'extra')]),
    ('200 OK', [['X-A', 'v']]),
    ('200 OK', [(b'X-A', 'v')]),
    ('200 OK', [('X-A', b'v')]),
    ('200 OK', (('X-A', 'v'),)),
    ('200 OK', None),
    ('OK', []),
    ('099 Low', []),
    ('2000K', []),
    ('20x OK', []),
    ('200', []),
    ('200 OK\r\nX: y', []),
    ('200 \u20ac', []),
    ('200 Caf\xe9', [('X-A', 'caf\xe9')]),
    (b'200 OK', []),
    (200, []),
]


def check_start_response():
    mismatches = []
    count = 0
    for status, headers in START_RESPONSE_CASES:
        for exc_info in (None, 'exc'):
            for second_call in (False, True):
                info = _exc_info() if exc_info else None
                # twice: the second time the header names come from the remembered kinds
                for attempt in (1, 2):
                    fast = _start_response_outcome('start_response', status, headers, info, second_call)
                    checked = _start_response_outcome('_checked_start_response', status, headers, info, second_call)
                    count += 1
                    if fast != checked:
                        mismatches.append('%r %r exc_info=%s second=%s: %r != %r'
                                          % (status, headers, exc_info, second_call, fast, checked))
    return count, mismatches


CGI_CASES = [
    '',
    'A\0' + '1',
    'A\x001\x00B\x00',
    'A\x00\x00B\x002',
    'REQUEST_METHOD\0GET\0PATH_INFO\0\0QUERY_STRING\0a=1&b=2\0HTTP_X\0caf\xe9',
    'K\0v\0K\0w',
    'A\x00x\x00B',
]


def check_parse_cgi():
    mismatches = []
    for cgi in CGI_CASES:
        parts = cgi.split('\0')
        expected = dict(zip(parts[0::2], parts[1::2]))
        actual = _parse_cgi(cgi)
        if actual != expected or list(actual) != list(expected):
            mismatches.append('%r: %r != %r' % (cgi, actual, expected))
    return len(CGI_CASES), mismatches
