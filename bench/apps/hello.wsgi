# WSGI hello world: a 12-byte body with its Content-Length.
BODY = b'Hello, World'
HEADERS = [('Content-Type', 'text/plain'), ('Content-Length', str(len(BODY)))]


def application(environ, start_response):
    start_response('200 OK', HEADERS)
    return [BODY]
