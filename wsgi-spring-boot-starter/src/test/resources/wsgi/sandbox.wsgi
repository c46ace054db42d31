# Reports whether Python code can reach Java host classes (it must not).
import json
from wsgiref.validate import validator


def _attempt(action):
    try:
        action()
        return 'allowed'
    except BaseException as e:
        return 'denied: %s' % type(e).__name__


def _java_type():
    import java
    java.type('java.lang.Runtime').getRuntime()


def _polyglot_eval():
    import polyglot
    polyglot.eval(language='js', string='1')


def _application(environ, start_response):
    out = json.dumps({'java.type': _attempt(_java_type), 'polyglot.eval': _attempt(_polyglot_eval)}).encode()
    start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(out)))])
    return [out]


application = validator(_application)
