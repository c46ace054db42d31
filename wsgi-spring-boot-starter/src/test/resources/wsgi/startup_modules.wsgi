# Answers the modules its interpreter had imported before this script ran: what
# creating an interpreter (GraalPy's start and the gateway) imports.
import sys

_AT_IMPORT = sorted(sys.modules)


def application(environ, start_response):
    import json
    body = json.dumps({'modules': _AT_IMPORT}).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
    return [body]
