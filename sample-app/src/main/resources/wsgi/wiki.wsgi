# A tiny wiki mounted at /wiki: pages live in module state, which shows that
# requests of one application group share one interpreter.
import html
import threading
from urllib.parse import parse_qs

_pages = {'FrontPage': 'Welcome to the wiki. It runs in GraalPy, inside the Spring Boot JVM.'}
_lock = threading.Lock()


def application(environ, start_response):
    name = environ['PATH_INFO'].strip('/') or 'FrontPage'
    base = environ['SCRIPT_NAME']
    if environ['REQUEST_METHOD'] == 'POST':
        size = int(environ.get('CONTENT_LENGTH') or 0)
        form = parse_qs(environ['wsgi.input'].read(size).decode('utf-8'))
        with _lock:
            _pages[name] = form.get('text', [''])[0]
        start_response('303 See Other', [('Location', base + '/' + name), ('Content-Length', '0')])
        return [b'']
    with _lock:
        text = _pages.get(name)
        names = sorted(_pages)
    links = ''.join('<li><a href="%s/%s">%s</a></li>' % (html.escape(base), html.escape(n), html.escape(n))
                    for n in names)
    body = ('<!DOCTYPE html><html><head><title>%s</title></head><body>'
            '<h1>%s</h1><p>%s</p>'
            '<form method="post"><textarea name="text" rows="4" cols="60">%s</textarea>'
            '<br><button>Save</button></form><h2>Pages</h2><ul>%s</ul>'
            '<p><a href="/">home</a></p></body></html>') % (
        html.escape(name), html.escape(name),
        html.escape(text) if text is not None else '<em>This page does not exist yet.</em>',
        html.escape(text or ''), links)
    out = body.encode('utf-8')
    start_response('200 OK' if text is not None else '404 Not Found',
                   [('Content-Type', 'text/html; charset=utf-8'), ('Content-Length', str(len(out)))])
    return [out]
