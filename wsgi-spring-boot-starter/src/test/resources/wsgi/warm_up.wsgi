# Counts the requests the warm-up sends (User-Agent wsgi-spring-boot-warm-up) per method,
# path and query, keeps the last body and header seen, and tells them at /stats.
import json
import threading
import time

lock = threading.Lock()
counts = {}
seen = {'body': None, 'x_warm': None, 'host': None, 'last': 0.0}


def application(environ, start_response):
    path = environ.get('PATH_INFO', '')
    if path == '/stats':
        with lock:
            body = json.dumps({'counts': counts, 'body': seen['body'], 'x_warm': seen['x_warm'],
                               'host': seen['host'], 'last': seen['last']}).encode()
        start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
        return [body]
    length = int(environ.get('CONTENT_LENGTH') or 0)
    data = environ['wsgi.input'].read(length) if length else b''
    if environ.get('HTTP_USER_AGENT') == 'wsgi-spring-boot-warm-up':
        key = environ['REQUEST_METHOD'] + ' ' + path + ('?' + environ['QUERY_STRING'] if environ.get('QUERY_STRING') else '')
        with lock:
            counts[key] = counts.get(key, 0) + 1
            if data:
                seen['body'] = data.decode()
            if 'HTTP_X_WARM' in environ:
                seen['x_warm'] = environ['HTTP_X_WARM']
            seen['host'] = environ.get('HTTP_HOST')
            seen['last'] = time.time()
    if path == '/slow':
        time.sleep(3)
    if path == '/missing':
        start_response('404 Not Found', [('Content-Type', 'text/plain')])
        return [b'not here\n']
    if path == '/chunked':
        # no Content-Length: the server sends it chunked
        start_response('200 OK', [('Content-Type', 'text/plain')])
        return [b'one ', b'two ', b'three\n']
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(data) + 3))])
    return [b'ok:' + data]
