# Counts its requests; /exit ends the "process" as an application under mod_wsgi can,
# /sysexit raises SystemExit, which mod_wsgi answers 500 and ignores; /sigterm signals
# its own process, which restarts a mod_wsgi process; so does /raise, with signal.raise_signal().
import os
import signal
import sys

COUNT = [0]


def application(environ, start_response):
    if environ['PATH_INFO'] == '/exit':
        os._exit(3)
    if environ['PATH_INFO'] == '/sysexit':
        sys.exit(4)
    if environ['PATH_INFO'] == '/sigterm':
        os.kill(os.getpid(), signal.SIGTERM)
    if environ['PATH_INFO'] == '/raise':
        signal.raise_signal(signal.SIGHUP)
    COUNT[0] += 1
    body = str(COUNT[0]).encode()
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
    return [body]
