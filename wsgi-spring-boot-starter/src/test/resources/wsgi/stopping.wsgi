# Subscribes to mod_wsgi's shutdown notice; a request names the file it appends to
# (its query string). A file whose name contains "hang" makes the subscriber
# sleep, to be cancelled after shutdown-timeout.
import time

import mod_wsgi

TARGET = []


def on_shutdown(name, **event):
    for path in TARGET:
        with open(path, 'a') as f:
            f.write('%s %s %r\n' % (mod_wsgi.application_group, name, event))
            f.flush()
            if 'hang' in path:
                time.sleep(60)
                f.write('not cancelled\n')


mod_wsgi.subscribe_shutdown(on_shutdown)


def application(environ, start_response):
    TARGET.append(environ['QUERY_STRING'])
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '2')])
    return [b'ok']
