# How a request holds its interpreter's lock (GIL) while it calls into Java.
# /kept: whether the request thread keeps the GIL around calls into Java
# (GraalPy releases it by default; the gateway keeps it for the request).
# Both name their interpreter (the id of its sys module).
# /body?started=PATH: writes PATH, then reads CONTENT_LENGTH bytes of the body
# and answers them: a test can hold the body back and see what else runs.
import os
import polyglot
import sys
from urllib.parse import parse_qs
from wsgiref.validate import validator


def _application(environ, start_response):
    if environ['PATH_INFO'] == '/kept':
        kept = polyglot.__set_gil_locked_during_foreign_calls__(True)
        polyglot.__set_gil_locked_during_foreign_calls__(kept)
        out = ('kept=%s interpreter=%d' % (kept, id(sys))).encode()
    else:
        started = parse_qs(environ['QUERY_STRING'])['started'][0]
        with open(started + '.tmp', 'w') as f:
            f.write('interpreter=%d' % id(sys))
        os.rename(started + '.tmp', started)
        out = environ['wsgi.input'].read(int(environ['CONTENT_LENGTH']))
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(out)))])
    return [out]


application = validator(_application)
