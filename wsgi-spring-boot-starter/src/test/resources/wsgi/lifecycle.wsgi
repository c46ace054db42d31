# Test application for interpreter lifecycles: answers which interpreter
# served (a random token per load of this module), how many requests it has
# served, and what the interpreter sees of its environment. ?sleep=N sleeps,
# ?spin=N loops on the CPU, for N seconds, before answering.
import json
import os
import sys
import time
from urllib.parse import parse_qs

_INTERPRETER = os.urandom(8).hex()
_requests = 0


def application(environ, start_response):
    global _requests
    _requests += 1
    query = parse_qs(environ.get('QUERY_STRING', ''))
    if 'sleep' in query:
        time.sleep(float(query['sleep'][0]))
    if 'spin' in query:
        deadline = time.monotonic() + float(query['spin'][0])
        while time.monotonic() < deadline:
            pass
    document = {
        'interpreter': _INTERPRETER,
        'requests': _requests,
        'process_group': environ['mod_wsgi.process_group'],
        'application_group': environ['mod_wsgi.application_group'],
        'module_application_group': sys.modules['mod_wsgi'].application_group,
        'lang': os.environ.get('LANG'),
        'lc_all': os.environ.get('LC_ALL'),
        'sys_path': sys.path,
        'preloaded': 'wsgi_startup_marker' in sys.modules,
    }
    out = json.dumps(document).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(out)))])
    return [out]
