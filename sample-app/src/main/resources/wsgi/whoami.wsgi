# Answers who the server says the user is: REMOTE_USER and AUTH_TYPE come
# from whoever authenticated the request (here Spring Security).
import json


def application(environ, start_response):
    body = json.dumps({
        'REMOTE_USER': environ.get('REMOTE_USER'),
        'AUTH_TYPE': environ.get('AUTH_TYPE'),
        'HTTP_AUTHORIZATION' in environ and 'passed' or 'not passed': 'HTTP_AUTHORIZATION',
    }).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
    return [body]
