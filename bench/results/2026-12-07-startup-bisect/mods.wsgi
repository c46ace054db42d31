import sys
LOADED = sorted(sys.modules)
def application(environ, start_response):
    body = repr(LOADED).encode()
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
    return [body]
