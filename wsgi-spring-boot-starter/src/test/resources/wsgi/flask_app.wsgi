# A small Flask application (Debian's python3-flask) with a template compiled
# once and a JSON route.
from flask import Flask, jsonify, render_template_string, request

app = Flask(__name__)
_PAGE = app.jinja_env.from_string('<h1>Hello {{ name }}</h1><p>{{ items|length }} items</p>')


@app.route('/hello/<name>')
def hello(name):
    return _PAGE.render(name=name, items=[1, 2, 3])


@app.route('/echo', methods=['POST'])
def echo():
    return jsonify(received=request.get_json(), script_name=request.script_root, path=request.path)


@app.route('/upload', methods=['POST'])
def upload():
    # a file upload (multipart/form-data): Flask parses the body from wsgi.input
    upload = request.files['file']
    return jsonify(filename=upload.filename, content=upload.read().decode('utf-8'), note=request.form.get('note'))


@app.route('/form', methods=['POST', 'PUT', 'PATCH'])
def form():
    return jsonify(method=request.method, form=request.form.to_dict())


application = app
