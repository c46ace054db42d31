# Applications that break PEP 3333 on purpose, to test the server's own
# checks: deliberately NOT wrapped in the validator (it would reject them first).
import sys
from urllib.parse import parse_qs


class Closing(object):
    def __init__(self, path, chunks):
        self.path = path
        self.chunks = chunks

    def __iter__(self):
        for chunk in self.chunks:
            if isinstance(chunk, Exception):
                raise chunk
            yield chunk

    def close(self):
        if self.path:
            with open(self.path, 'w') as f:
                f.write('closed')


def application(environ, start_response):
    mode = environ['PATH_INFO']
    closed = parse_qs(environ.get('QUERY_STRING', '')).get('closed', [None])[0]
    if mode == '/raise':
        raise ValueError('boom from the application')
    if mode == '/bad-status':
        start_response('OK', [('Content-Type', 'text/plain')])
        return [b'never']
    if mode == '/hop-by-hop':
        start_response('200 OK', [('Connection', 'close')])
        return [b'never']
    if mode == '/non-latin1':
        start_response('200 OK', [('X-Name', 'caf\u20ac')])
        return [b'never']
    if mode == '/twice':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        start_response('500 Oops', [('Content-Type', 'text/plain')])
        return [b'never']
    if mode == '/str-body':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return ['not bytes']
    if mode == '/error-before-body':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return Closing(closed, [RuntimeError('failed before the first chunk')])
    if mode == '/error-after-body':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return Closing(closed, [b'partial ', RuntimeError('failed after the first chunk')])
    if mode == '/exc-info-replaces':
        start_response('200 OK', [('Content-Type', 'text/plain')])
        try:
            raise KeyError('handled')
        except KeyError:
            start_response('503 Service Unavailable', [('Content-Type', 'text/plain')], sys.exc_info())
        return [b'replaced by the error handler']
    if mode == '/no-start-response':
        return [b'body without status']
    start_response('404 Not Found', [('Content-Type', 'text/plain')])
    return [b'unknown mode']
