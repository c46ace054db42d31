# Flask benchmark application: one route rendering a small template that is
# compiled once (Debian's python3-flask on the Python path).
from flask import Flask, render_template_string

app = Flask(__name__)
TEMPLATE = app.jinja_env.from_string(
    '<!DOCTYPE html><html><body><h1>Hello, {{ name }}!</h1>'
    '<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></body></html>')


@app.route('/')
def index():
    return TEMPLATE.render(name='World', items=['one', 'two', 'three'])


application = app
