import threading
stats = {'buffered': 0, 'waited': 0}
lock = threading.Lock()
def application(environ, start_response):
    if environ['REQUEST_METHOD'] == 'GET':
        body = repr(stats).encode()
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
        return [body]
    length = int(environ.get('CONTENT_LENGTH') or 0)
    inp = environ['wsgi.input']
    s = inp._bridge.readBuffered(length)
    if s == '':
        stats['waited'] += 1
        s = inp._bridge.read(length)
    else:
        stats['buffered'] += 1
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '12')])
    return [b'Hello, World']
