# Reads the whole request body (unless ?noread) and answers how much it read
# and whether reading raised; remembers the last read error of this
# interpreter, answered at /last-error (the 413 for an over-limit chunked body
# replaces this application's own answer).
import json

_last_error = None


def application(environ, start_response):
    global _last_error
    if environ.get('PATH_INFO', '').endswith('/last-error'):
        out = json.dumps({'last_error': _last_error}).encode('utf-8')
    else:
        length = 0
        error = None
        if 'noread' not in environ.get('QUERY_STRING', ''):
            try:
                length = len(environ['wsgi.input'].read())
            except OSError as e:
                error = '%s: %s' % (type(e).__name__, e)
                _last_error = error
        out = json.dumps({'body_length': length, 'read_error': error,
                          'CONTENT_LENGTH': environ.get('CONTENT_LENGTH'),
                          'AUTH_TYPE': environ.get('AUTH_TYPE'),
                          'REMOTE_USER': environ.get('REMOTE_USER'),
                          'HTTP_AUTHORIZATION': environ.get('HTTP_AUTHORIZATION')}).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(out)))])
    return [out]
