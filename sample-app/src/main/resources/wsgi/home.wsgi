# Mounted at "/": everything no other mount or Java controller answers.
import html
import sys

import mod_wsgi


def application(environ, start_response):
    if environ['PATH_INFO'] != '/':
        body = b'Not Found\n'
        start_response('404 Not Found', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
        return [body]
    rows = ''.join('<tr><td>%s</td><td>%s</td></tr>' % (html.escape(k), html.escape(repr(environ[k])))
                   for k in sorted(environ))
    page = '''<!DOCTYPE html>
<html><head><title>wsgi-spring-boot sample</title></head><body>
<h1>It works: Python WSGI and Java in one Spring Boot app</h1>
<p>This page is a WSGI application running in GraalPy %s (Python %s),
application group <code>%s</code>.</p>
<ul>
<li><a href="/wiki/">/wiki</a>: a Python wiki (WSGI, mounted at a prefix)</li>
<li><a href="/hello">/hello</a>: a minimal Python WSGI app</li>
<li><a href="/java/hello">/java/hello</a> and <a href="/java/runtime">/java/runtime</a>: Java <code>@RestController</code>s</li>
<li><a href="/wiki/java">/wiki/java</a>: a Java controller inside the Python mount's URL space (Java wins)</li>
</ul>
<h2>WSGI environ of this request</h2>
<table border="1" cellpadding="3">%s</table>
</body></html>
''' % (html.escape(sys.implementation.name), html.escape(sys.version.split()[0]),
       html.escape(mod_wsgi.application_group), rows)
    out = page.encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/html; charset=utf-8'), ('Content-Length', str(len(out)))])
    return [out]
