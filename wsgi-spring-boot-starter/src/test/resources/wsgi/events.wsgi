# mod_wsgi's event API: subscribes to every event and to process shutdown, then
# reports what it saw. /subscribe?FILE names the file the shutdown subscriber
# appends to; /fail raises; /wrapped is answered by the wrapper a request_started
# subscriber returns; /seen returns the events of the earlier requests.
import json

import mod_wsgi

SEEN = []
STOP_FILE = []

try:
    mod_wsgi.request_data()
    OUTSIDE = 'no error'
except RuntimeError as e:
    OUTSIDE = str(e)


def on_event(name, **event):
    keys = sorted(event)
    entry = {'name': name, 'keys': keys, 'request_id': event.get('request_id')}
    if name == 'request_finished':
        entry['output_length'] = event['output_length']
        entry['input_length'] = event['input_length']
        entry['data'] = dict(event['request_data'])
    if name == 'request_exception':
        entry['exception'] = repr(event['exception_info'][1])
    if name == 'response_started':
        entry['status'] = event['response_status']
    SEEN.append(entry)
    if name == 'request_started' and event['request_environ']['PATH_INFO'] == '/wrapped':
        return {'application_object': wrapped}


def broken_subscriber(name, **event):
    raise ValueError('subscriber failed on ' + name)


def on_shutdown(name, **event):
    for path in STOP_FILE:
        with open(path, 'a') as f:
            f.write('%s %r\n' % (name, event))


mod_wsgi.subscribe_events(broken_subscriber)
mod_wsgi.subscribe_events(on_event)
mod_wsgi.subscribe_shutdown(on_shutdown)


def wrapped(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'wrapped']


def application(environ, start_response):
    path = environ['PATH_INFO']
    data = mod_wsgi.request_data()
    data['path'] = path
    if path == '/fail':
        raise KeyError('failing on purpose')
    if path == '/subscribe':
        STOP_FILE.append(environ['QUERY_STRING'])
    body = json.dumps({
        'seen': SEEN,
        'active': {key: value for key, value in mod_wsgi.active_requests.items()},
        'request_data_is_shared': data is mod_wsgi.active_requests[list(mod_wsgi.active_requests)[0]],
        'callbacks': [len(mod_wsgi.event_callbacks), len(mod_wsgi.shutdown_callbacks)],
        'server_metrics': mod_wsgi.server_metrics(),
        'outside_a_request': OUTSIDE,
    }).encode()
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
    return [body]
