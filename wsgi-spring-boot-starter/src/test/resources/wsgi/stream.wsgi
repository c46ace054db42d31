# Streaming and close() behaviour, wrapped in the validator. The query string
# names files: ?signal=PATH makes the app wait after its first chunk until PATH
# exists; ?closed=PATH makes close() write PATH (so a test can see it ran),
# after ?linger=SECONDS.
# /sized yields its whole body, announced by Content-Length, in one chunk.
import os
import time
from urllib.parse import parse_qs
from wsgiref.validate import validator


class Body(object):
    def __init__(self, environ):
        query = parse_qs(environ.get('QUERY_STRING', ''))
        self.signal = query.get('signal', [None])[0]
        self.closed = query.get('closed', [None])[0]
        self.linger = float(query.get('linger', ['0'])[0])
        self.mode = environ['PATH_INFO']

    def __iter__(self):
        if self.mode == '/forever':
            n = 0
            while n < 2000:
                n += 1
                yield (b'chunk %d\n' % n) * 100
                time.sleep(0.005)
            return
        if self.mode == '/sized':
            yield SIZED
            return
        yield b'first\n'
        if self.signal:
            deadline = time.time() + 20
            while not os.path.exists(self.signal) and time.time() < deadline:
                time.sleep(0.01)
        yield b''
        yield b'second\n'
        yield b'third\n'

    def close(self):
        if self.closed:
            time.sleep(self.linger)
            with open(self.closed, 'w') as f:
                f.write('closed')


SIZED = b'the whole body in one chunk\n'


def _application(environ, start_response):
    if environ['PATH_INFO'] == '/sized':
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(SIZED)))])
        return Body(environ)
    if environ['PATH_INFO'] == '/write':
        write = start_response('200 OK', [('Content-Type', 'text/plain')])
        write(b'written ')
        write(b'by write() ')
        return [b'then returned']
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return Body(environ)


application = validator(_application)
