# wsgi.file_wrapper and wsgi.errors, wrapped in the validator.
from urllib.parse import parse_qs
from wsgiref.validate import validator


def _application(environ, start_response):
    query = parse_qs(environ.get('QUERY_STRING', ''))
    if environ['PATH_INFO'] == '/log':
        errors = environ['wsgi.errors']
        errors.write('a line for wsgi.errors: ' + query.get('text', [''])[0] + '\n')
        errors.writelines(['partial ', 'line\n'])
        errors.flush()
        body = b'logged'
        start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
        return [body]
    if environ['PATH_INFO'] == '/interpreter':
        # what mod_wsgi sets up in an interpreter: sys.argv, an empty __main__, signal.signal
        import json, signal, sys
        before = signal.getsignal(signal.SIGTERM)

        def handler(signum, frame):
            pass

        returned = signal.signal(signal.SIGTERM, handler)
        observed = {
            'argv': sys.argv,
            'main': sorted(name for name in vars(sys.modules['__main__']) if not name.startswith('__')),
            'signal returns the handler': returned is handler,
            'handler installed': signal.getsignal(signal.SIGTERM) is not before,
        }
        body = json.dumps(observed).encode()
        start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
        return [body]
    if environ['PATH_INFO'] == '/print':
        # standard streams as under mod_wsgi: lines to the loggers, no file descriptors
        import json, sys
        print('print at request: ' + query.get('text', [''])[0])
        print('two', 'lines\nsecond', end='')
        print(' tail')
        sys.stderr.write('no newline')
        sys.stderr.write(' continued\n')
        observed = {}
        for name in ('stdout', 'stderr'):
            stream = getattr(sys, name)
            try:
                stream.fileno()
                fileno = 'no error'
            except OSError as e:
                fileno = type(e).__name__
            observed[name] = [stream.name, stream.encoding, stream.errors, stream.line_buffering,
                              stream.isatty(), fileno]
        observed['stdin'] = [sys.stdin.name, sys.stdin.read(), sys.stdin.readline()]
        body = json.dumps(observed).encode()
        start_response('200 OK', [('Content-Type', 'application/json'), ('Content-Length', str(len(body)))])
        return [body]
    path = query['path'][0]
    f = open(path, 'rb')
    if 'skip' in query:
        f.seek(int(query['skip'][0]))
    start_response('200 OK', [('Content-Type', 'application/octet-stream')])
    return environ['wsgi.file_wrapper'](f, 32768)


application = validator(_application)

# the same application without the validator, whose wrapper would hide the
# file_wrapper from the server (and so its file transfer path)
direct = _application
