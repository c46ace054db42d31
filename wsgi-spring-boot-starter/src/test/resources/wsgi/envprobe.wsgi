# Well-behaved test application, wrapped in wsgiref.validate.validator (which
# checks the server side of PEP 3333 too). Answers a JSON document with the
# environ and what it read from wsgi.input; ?mode= selects how it reads
# (?mode=empty: 204 without a body).
import hashlib
import json
import os
from urllib.parse import parse_qs
from wsgiref.validate import validator

_requests = 0
# a token per interpreter: this module is loaded once in each
_INTERPRETER = os.urandom(8).hex()


def _describe(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int)) or value is None:
        return {'type': type(value).__name__, 'value': value}
    if isinstance(value, tuple):
        return {'type': 'tuple', 'value': list(value)}
    return {'type': type(value).__name__}


def _read_body(environ, mode):
    stream = environ['wsgi.input']
    length = int(environ.get('CONTENT_LENGTH') or 0)
    digest = hashlib.sha256()
    total = 0
    lines = None
    if mode == 'lines':
        lines = [line.decode('latin-1') for line in stream.readlines(length)] if length else []
        for line in lines:
            digest.update(line.encode('latin-1'))
            total += len(line)
    elif mode == 'iterate':
        lines = []
        remaining = length
        while remaining > 0:
            line = stream.readline(remaining)
            if not line:
                break
            remaining -= len(line)
            lines.append(line.decode('latin-1'))
            digest.update(line)
            total += len(line)
    else:
        remaining = length
        while remaining > 0:
            chunk = stream.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
            digest.update(chunk)
            total += len(chunk)
    return total, digest.hexdigest(), lines


def _application(environ, start_response):
    global _requests
    _requests += 1
    query = parse_qs(environ.get('QUERY_STRING', ''))
    mode = query.get('mode', ['read'])[0]
    total, sha256, lines = _read_body(environ, mode)
    if mode == 'empty':
        # no body and no Allow header, as an application may answer OPTIONS
        start_response('204 No Content', [('X-Request-Method', environ['REQUEST_METHOD'])])
        return []
    document = {
        'environ': {k: _describe(v) for k, v in environ.items()},
        'body_length': total,
        'body_sha256': sha256,
        'lines': lines,
        'requests': _requests,
        'module': __name__,
        # identifies the interpreter (GraalPy context) that answered
        'interpreter': _INTERPRETER,
        'os_environ_keys': sorted(os.environ),
    }
    out = json.dumps(document).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(out))),
                              ('X-Request-Method', environ['REQUEST_METHOD'])])
    return [out]


application = validator(_application)
