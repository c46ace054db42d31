# The Python half of the PEP 3333 gateway. It is evaluated once in every
# interpreter (GraalPy context); the Java half (WsgiGateway / RequestBridge)
# calls `handle` once per request and receives the response through a small
# set of bridge methods, so that a request crosses the Java/Python boundary as
# few times as possible:
#
#   bridge.read(n)               -> str (latin-1, 1..n bytes) or None at EOF / on error
#   bridge.readBuffered(n)       -> as read(n) when that does not wait for the client, else ''
#   bridge.readError()           -> None at EOF, else why the body cannot be read (OSError)
#   bridge.complete(s, h, body)  whole response at once (status, headers, bytes); a small
#                                body is sent by Java after handle() returns, without the GIL
#   bridge.start(s, h)           status and headers (before the first chunk)
#   bridge.write(chunk) -> bool  one body chunk, flushed; False: client gone
#   bridge.sendfile(path, off, n) -> bool   file body, copied by Java
#   bridge.fail(text)            the application failed; text is the traceback
#
# Headers travel as one string "name\0value\0name\0value" and the CGI part of
# the environ as one string "KEY\0value\0KEY\0value": one crossing each.

import _io
import _thread
import itertools
import sys
import time

# traceback is imported when a script or a request fails, not before: importing it
# costs GraalPy about 3 s in the first interpreter and 1 s in each later one. The
# streams come from _io, not io: io imports abc, which GraalPy runs in Python
# (_py_abc), about 0.3 s of the first interpreter's start without the AOT cache.
# types.ModuleType is the type of a module.
_ModuleType = type(sys)

__all__ = ()

_HOP_BY_HOP = frozenset((
    'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization',
    'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade'))

_READ_CHUNK = 65536

# GraalPy releases the GIL around every call into Java (and every attribute read of
# a Java object) unless the calling thread asks it to keep it. While handle() runs,
# the request thread keeps it: a request then takes the GIL once instead of four
# or more times, and each time it was released another thread of the interpreter
# could take it and the request had to park until it got it back. Calls that can
# wait on the client (reading a body that has not arrived, streaming a response,
# sending a file or a body larger than Tomcat's buffer) release it, as mod_wsgi
# releases the GIL around its socket I/O.
try:
    from polyglot import __set_gil_locked_during_foreign_calls__ as _keep_gil
except ImportError:
    def _keep_gil(lock):
        return False

# Whole bodies up to this size go to Java with the GIL kept: Java copies them and sends
# them after handle() returns. Larger ones are written at once and can wait on the
# client, so the GIL is released. Gateway sets it from Java (RequestBridge.HELD_BODY).
_SMALL_BODY = 0


def _waiting(call, *args):
    kept = _keep_gil(False)
    try:
        return call(*args)
    finally:
        _keep_gil(kept)


class Input(object):
    """wsgi.input: reads the request body from the servlet input stream on
    demand; never holds more than one chunk (or one line) in memory."""

    __slots__ = ('_bridge', '_buf', '_eof', '_length', '_reads')

    def __init__(self, bridge):
        self._bridge = bridge
        self._buf = b''
        self._eof = False
        # for mod_wsgi's request_finished event
        self._length = 0
        self._reads = 0

    def _more(self, n):
        if self._eof:
            return b''
        s = self._bridge.readBuffered(n)
        if s == '':
            s = _waiting(self._bridge.read, n)
        if s is None:
            error = self._bridge.readError()
            if error is not None:
                # as mod_wsgi: an unreadable body (client gone, over LimitRequestBody) raises OSError
                raise OSError(error)
            self._eof = True
            return b''
        self._reads += 1
        self._length += len(s)
        return s.encode('latin-1')

    def read(self, size=-1):
        if size is None or size < 0:
            parts = [self._buf]
            self._buf = b''
            while True:
                chunk = self._more(_READ_CHUNK)
                if not chunk:
                    return b''.join(parts)
                parts.append(chunk)
        buf = self._buf
        if len(buf) >= size:
            self._buf = buf[size:]
            return buf[:size]
        parts = [buf]
        self._buf = b''
        need = size - len(buf)
        while need > 0:
            chunk = self._more(min(need, _READ_CHUNK))
            if not chunk:
                break
            parts.append(chunk)
            need -= len(chunk)
        return b''.join(parts)

    def readline(self, size=-1):
        if size is None:
            size = -1
        while True:
            buf = self._buf
            end = buf.find(b'\n')
            if end >= 0 and (size < 0 or end < size):
                self._buf = buf[end + 1:]
                return buf[:end + 1]
            if 0 <= size <= len(buf):
                self._buf = buf[size:]
                return buf[:size]
            chunk = self._more(_READ_CHUNK if size < 0 else max(size - len(buf), 1))
            if not chunk:
                self._buf = b''
                return buf
            self._buf = buf + chunk

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self):
        pass


class Errors(object):
    """wsgi.errors: text lines go to the application's SLF4J logger."""

    __slots__ = ('_log', '_pending')

    def __init__(self, log):
        self._log = log
        self._pending = ''

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('wsgi.errors.write() argument must be str, not %s' % type(s).__name__)
        text = self._pending + s
        lines = text.split('\n')
        self._pending = lines.pop()
        for line in lines:
            self._log.log(line)

    def writelines(self, seq):
        for s in seq:
            self.write(s)

    def flush(self):
        if self._pending:
            pending, self._pending = self._pending, ''
            self._log.log(pending)


class LogStream(_io._RawIOBase):
    """The raw stream under sys.stdout and sys.stderr: each line goes to a Java
    logger, as mod_wsgi's Log object sends it to Apache's error log. A line is
    held until its newline, or until the text layer flushes (it does after
    every write containing a newline: the rest of such a write is a line of
    its own, as under mod_wsgi)."""

    def __init__(self, log, name):
        self._log = log
        self._pending = b''
        self.name = name

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise OSError('wsgi-spring-boot log object is not associated with a file descriptor.')

    def write(self, b):
        data = bytes(b)
        if self._pending:
            data = self._pending + data
        lines = data.split(b'\n')
        self._pending = lines.pop()
        for line in lines:
            self._log.log(line.decode('utf-8', 'replace'))
        return len(b)

    def flush(self):
        if self._pending:
            pending, self._pending = self._pending, b''
            self._log.log(pending.decode('utf-8', 'replace'))


class NoInput(_io._RawIOBase):
    """The raw stream under sys.stdin: always at its end."""

    name = '<stdin>'

    def readable(self):
        return True

    def readinto(self, b):
        return 0

    def fileno(self):
        raise OSError('wsgi-spring-boot standard input is not associated with a file descriptor.')


def _log_streams(stdout_log, stderr_log):
    """sys.stdout and sys.stderr as under mod_wsgi: line-buffered UTF-8 text over
    a LogStream (print() reaches the loggers, not the JVM's file descriptors 1
    and 2); sys.__stdout__ and sys.__stderr__ stay the process's own. sys.stdin
    reads nothing, as Apache's /dev/null: the JVM's standard input may be a
    terminal, which a request must never wait on."""
    for attr, log in (('stdout', stdout_log), ('stderr', stderr_log)):
        setattr(sys, attr, _io.TextIOWrapper(LogStream(log, '<%s>' % attr), encoding='utf-8', errors='replace',
                                             line_buffering=True))
    sys.stdin = _io.TextIOWrapper(_io.BufferedReader(NoInput()), encoding='utf-8')


def _restrict_signals(log):
    """signal.signal() as under mod_wsgi (WSGIRestrictSignal On): the handler is
    not installed, a warning with the caller's stack is logged, and the handler
    is returned. Installed, it would be the JVM's: a SIGTERM or SIGINT handler
    of an application would take the server's shutdown signal.

    The builtin _signal is patched, not the signal module: signal.signal calls
    _signal.signal, and importing signal here (it imports enum and builds its
    enums) would add about a second to every interpreter's creation."""
    import _signal

    def restricted_signal(signalnum, handler):
        log.log('Callback registration for signal %d ignored.' % int(signalnum))
        frames = []
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename != '<wsgi-gateway>' and frame.f_globals.get('__name__') != 'signal':
                frames.append('  File "%s", line %d, in %s' % (
                    frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
            frame = frame.f_back
        for line in reversed(frames):
            log.log(line)
        return handler

    _signal.signal = restricted_signal


def _restrict_self_signals(process):
    """os.kill(os.getpid(), sig) and signal.raise_signal(sig) with a signal that
    ends or restarts a mod_wsgi process: the process id is the JVM's, shared by
    every interpreter, so the signal is not sent; Java restarts this
    interpreter's slot before its next request instead, as mod_wsgi's process
    would restart. Other signals and other processes are signalled as asked.

    The builtins posix and _signal are patched (os and signal copy their
    functions when they are first imported, usually later; one imported
    before is patched too), so that creating an interpreter imports neither."""
    import _signal
    import posix
    ending = frozenset(getattr(_signal, name) for name in
                       ('SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGABRT', 'SIGALRM')
                       if hasattr(_signal, name))
    own_pid = posix.getpid()
    real_kill = posix.kill
    real_raise = _signal.raise_signal

    def name(sig):
        import signal
        try:
            return signal.Signals(sig).name
        except ValueError:
            return str(sig)

    def kill(pid, sig):
        if pid == own_pid and sig in ending:
            process.end('os.kill(os.getpid(), %s)' % name(sig))
            return None
        return real_kill(pid, sig)

    def raise_signal(sig):
        if sig in ending:
            process.end('signal.raise_signal(%s)' % name(sig))
            return None
        return real_raise(sig)

    posix.kill = kill
    _signal.raise_signal = raise_signal
    for module, attr, patched in (('os', 'kill', kill), ('signal', 'raise_signal', raise_signal)):
        imported = sys.modules.get(module)
        if imported is not None:
            setattr(imported, attr, patched)


class FileWrapper(object):
    """wsgi.file_wrapper: when the wrapped object is a real file, the Java
    side copies it to the client without passing the bytes through Python."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, 'close'):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration


def _file_region(wrapper):
    f = wrapper.filelike
    name = getattr(f, 'name', None)
    if not isinstance(name, str) or 'b' not in getattr(f, 'mode', ''):
        return None
    try:
        offset = f.tell()
        import os
        st = os.fstat(f.fileno())
    except Exception:
        return None
    import stat
    if not stat.S_ISREG(st.st_mode):
        return None
    return name, offset, max(st.st_size - offset, 0)


# What a response header name is, remembered by name: applications send the same
# few names with every response.
_NAME_PLAIN = 0
_NAME_CONTENT_LENGTH = 1
_NAME_REFUSED = 2
_NAME_KINDS = {}
_NAME_KINDS_MAX = 1024


def _header_name_kind(name):
    kind = _NAME_KINDS.get(name)
    if kind is None:
        kind = _classify_header_name(name)
        if len(_NAME_KINDS) < _NAME_KINDS_MAX:
            _NAME_KINDS[name] = kind
    return kind


def _classify_header_name(name):
    lname = name.lower()
    if (lname in _HOP_BY_HOP or not name or '\0' in name or ':' in name or '\r' in name or '\n' in name
            or ' ' in name or not _is_latin1(name)):
        return _NAME_REFUSED
    return _NAME_CONTENT_LENGTH if lname == 'content-length' else _NAME_PLAIN


def _is_latin1(text):
    if text.isascii():
        return True
    try:
        text.encode('latin-1')
    except UnicodeEncodeError:
        return False
    return True


class _Response(object):
    __slots__ = ('bridge', 'status', 'headers', 'sent', 'length', 'written', 'writes', 'request')

    def __init__(self, bridge):
        self.bridge = bridge
        self.status = None
        self.headers = None
        self.sent = False
        self.length = -1
        # bytes and chunks of the body sent, for mod_wsgi's request_finished event
        self.written = 0
        self.writes = 0
        # the _Request of a request with event subscribers (mod_wsgi.subscribe_events), else None
        self.request = None

    def start_response(self, status, response_headers, exc_info=None):
        # The common case checked in few steps: header names are classified once
        # and remembered, values are checked together. Anything unusual (exc_info,
        # a second call, a bad type, name or value) goes to _checked_start_response,
        # which accepts exactly the same responses and names what is wrong.
        if (exc_info is not None or self.status is not None or type(status) is not str
                or type(response_headers) is not list or len(status) < 4 or not status[:3].isdigit()
                or status[3] != ' ' or status[0] == '0'):
            return self._checked_start_response(status, response_headers, exc_info)
        flat = []
        length = -1
        for item in response_headers:
            if type(item) is not tuple or len(item) != 2:
                return self._checked_start_response(status, response_headers, exc_info)
            name, value = item
            if type(name) is not str or type(value) is not str:
                return self._checked_start_response(status, response_headers, exc_info)
            kind = _header_name_kind(name)
            if kind != _NAME_PLAIN:
                if kind != _NAME_CONTENT_LENGTH:
                    return self._checked_start_response(status, response_headers, exc_info)
                try:
                    length = int(value.strip())
                except ValueError:
                    return self._checked_start_response(status, response_headers, exc_info)
            flat.append(name)
            flat.append(value)
        headers = '\0'.join(flat)
        # names are plain (no NUL, CR, LF, latin-1): a NUL too many, a CR, an LF or a
        # character beyond latin-1 can only be in a value or in the status
        if ((flat and headers.count('\0') != len(flat) - 1) or '\r' in headers or '\n' in headers
                or '\r' in status or '\n' in status or not _is_latin1(headers) or not _is_latin1(status)):
            return self._checked_start_response(status, response_headers, exc_info)
        self.status = status
        self.headers = headers
        self.length = length
        if self.request is not None:
            self.request.response_started(status, response_headers, exc_info)
        return self.write

    def _checked_start_response(self, status, response_headers, exc_info=None):
        if exc_info is not None:
            try:
                if self.sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.status is not None:
            raise RuntimeError('start_response() called a second time without exc_info')
        if type(status) is not str:
            raise TypeError('status must be str, not %s' % type(status).__name__)
        if len(status) < 4 or not status[:3].isdigit() or status[3] != ' ' or status[0] == '0':
            raise ValueError('invalid status line %r: expected "NNN Reason"' % (status,))
        if '\r' in status or '\n' in status:
            raise ValueError('status line contains a line break: %r' % (status,))
        try:
            status.encode('latin-1')
        except UnicodeEncodeError:
            raise ValueError('status line is not latin-1: %r' % (status,))
        if type(response_headers) is not list:
            raise TypeError('response headers must be a list, not %s' % type(response_headers).__name__)
        flat = []
        length = -1
        for item in response_headers:
            if type(item) is not tuple or len(item) != 2:
                raise TypeError('response header must be a (name, value) tuple: %r' % (item,))
            name, value = item
            if type(name) is not str or type(value) is not str:
                raise TypeError('response header name and value must be str: %r' % (item,))
            lname = name.lower()
            if lname in _HOP_BY_HOP:
                raise ValueError('hop-by-hop header not allowed in a WSGI response: %r' % (name,))
            if not name or '\0' in name or ':' in name or '\r' in name or '\n' in name or ' ' in name:
                raise ValueError('invalid response header name: %r' % (name,))
            if '\0' in value or '\r' in value or '\n' in value:
                raise ValueError('response header %r contains a control character' % (name,))
            try:
                name.encode('latin-1')
                value.encode('latin-1')
            except UnicodeEncodeError:
                raise ValueError('response header is not latin-1: %r' % (item,))
            if lname == 'content-length':
                try:
                    length = int(value.strip())
                except ValueError:
                    raise ValueError('invalid Content-Length header: %r' % (value,))
            flat.append(name)
            flat.append(value)
        self.status = status
        self.headers = '\0'.join(flat)
        self.length = length
        if self.request is not None:
            self.request.response_started(status, response_headers, exc_info)
        return self.write

    def _send_headers(self):
        if self.status is None:
            raise RuntimeError('response body produced before start_response() was called')
        if not self.sent:
            self.bridge.start(self.status, self.headers)
            self.sent = True

    def write(self, data):
        """The write() callable returned by start_response()."""
        if type(data) is not bytes:
            raise TypeError('write() argument must be bytes, not %s' % type(data).__name__)
        self._send_headers()
        if data:
            self.written += len(data)
            self.writes += 1
            if not _waiting(self.bridge.write, data):
                raise OSError('client connection closed')


def _body_chunk(chunk):
    if type(chunk) is not bytes:
        raise TypeError('response iterable must yield bytes, not %s' % type(chunk).__name__)
    return chunk


def _complete(bridge, response, body):
    if body:
        response.written += len(body)
        response.writes += 1
    if len(body) <= _SMALL_BODY:
        bridge.complete(response.status, response.headers, body)
    else:
        _waiting(bridge.complete, response.status, response.headers, body)


def _format_exc():
    import traceback
    return traceback.format_exc()


def _parse_cgi(cgi):
    """The CGI part of the environ from "KEY\0value\0KEY\0value". GraalPy
    builds the dict this way in about half the time of split() and
    dict(zip()) (measured with the gateway's JMH benchmark)."""
    environ = {}
    find = cgi.find
    end = len(cgi)
    i = 0
    while i < end:
        j = find('\0', i)
        if j < 0:
            break
        k = find('\0', j + 1)
        if k < 0:
            k = end
        environ[cgi[i:j]] = cgi[j + 1:k]
        i = k + 1
    return environ


# the request running on each thread of this interpreter: mod_wsgi.request_data()
_current = _thread._local()


def _publish(name, callbacks, event, log):
    """Calls each subscriber as mod_wsgi does: callback(name, **event); a dict
    it returns is merged into the event the next one sees; an exception is
    logged with its traceback and the next subscriber still runs."""
    for callback in list(callbacks):
        try:
            result = callback(name, **event)
        except BaseException:
            log.log('Exception occurred within event callback "%s".' % name)
            for line in _format_exc().rstrip('\n').split('\n'):
                log.log(line)
            continue
        if isinstance(result, dict):
            event.update(result)


def _no_server_metrics():
    """mod_wsgi.server_metrics(): None, as without WSGIServerMetrics On."""
    return None


def _request_data():
    """mod_wsgi.request_data(): the dict of the request running on this thread,
    shared with the events of that request."""
    data = getattr(_current, 'data', None)
    if data is None:
        raise RuntimeError('no active request for thread')
    return data


class _Request(object):
    """The events of one request, for an interpreter with event subscribers."""

    __slots__ = ('gateway', 'id', 'data', 'callbacks', 'start')

    def __init__(self, gateway, request_id, data, callbacks):
        self.gateway = gateway
        self.id = request_id
        self.data = data
        self.callbacks = callbacks
        self.start = time.time()

    def started(self, application, environ):
        """request_started; returns the application to call (a subscriber may
        return {'application_object': wrapper})."""
        try:
            request_start = int(environ.get('mod_wsgi.request_start', '0')) / 1000000.0
        except ValueError:
            request_start = self.start
        event = {
            'request_id': self.id,
            'thread_id': self.gateway.thread_number(),
            'daemon_connects': 1 if self.gateway.daemon else 0,
            'daemon_restarts': 0,
            'request_start': request_start,
            'queue_start': request_start,
            'daemon_start': request_start,
            'application_object': application,
            'request_environ': environ,
            'application_start': self.start,
            'request_data': self.data,
        }
        _publish('request_started', self.callbacks, event, self.gateway.log)
        return event.get('application_object', application)

    def response_started(self, status, headers, exc_info):
        _publish('response_started', self.callbacks, {
            'request_id': self.id,
            'response_status': status,
            'response_headers': headers,
            'exception_info': exc_info,
            'request_data': self.data,
        }, self.gateway.log)

    def exception(self, exc_info):
        _publish('request_exception', self.callbacks, {
            'request_id': self.id,
            'exception_info': exc_info,
            'request_data': self.data,
        }, self.gateway.log)

    def finished(self, input_stream, response):
        finish = time.time()
        _publish('request_finished', self.callbacks, {
            'request_id': self.id,
            'request_data': self.data,
            'application_finish': finish,
            'application_time': finish - self.start,
            'input_length': input_stream._length,
            'input_reads': input_stream._reads,
            'output_length': response.written,
            'output_writes': response.writes,
        }, self.gateway.log)


class Gateway(object):
    """Per-interpreter state: loaded scripts, constant environ entries."""

    def __init__(self, process_group, application_group, processes, threads, multiprocess, run_once, held_body,
                 stdout_log, stderr_log, process):
        global _SMALL_BODY
        _SMALL_BODY = held_body
        _log_streams(stdout_log, stderr_log)
        _restrict_signals(stderr_log)
        _restrict_self_signals(process)
        sys.argv = ['mod_wsgi']
        # the gateway's names stay in the globals of its own functions; applications see an
        # empty __main__, as under mod_wsgi
        sys.modules['__main__'] = _ModuleType('__main__')
        self.constants = {
            'wsgi.version': (1, 0),
            'wsgi.multithread': threads > 1,
            'wsgi.multiprocess': bool(multiprocess),
            'wsgi.run_once': bool(run_once),
            'wsgi.input_terminated': True,
            'mod_wsgi.version': (4, 9, 4),
            'mod_wsgi.process_group': process_group,
            'mod_wsgi.application_group': application_group,
        }
        self.modules = {}
        self.errors = {}
        self.log = stderr_log
        self.daemon = process_group != ''
        self.active = {}
        self._ids = itertools.count(1)
        self._threads = {}
        mod = _ModuleType('mod_wsgi')
        mod.process_group = process_group
        mod.application_group = application_group
        mod.maximum_processes = processes
        mod.threads_per_process = threads
        mod.version = (4, 9, 4)
        # mod_wsgi's event API: subscribers are called with (name, **event)
        mod.event_callbacks = []
        mod.shutdown_callbacks = []

        def subscribe_events(callback):
            mod.event_callbacks.append(callback)

        def subscribe_shutdown(callback):
            mod.shutdown_callbacks.append(callback)

        mod.subscribe_events = subscribe_events
        mod.subscribe_shutdown = subscribe_shutdown
        mod.request_data = _request_data
        mod.active_requests = self.active
        mod.server_metrics = _no_server_metrics
        mod.FileWrapper = FileWrapper
        self.mod = mod
        sys.modules['mod_wsgi'] = mod

    def thread_number(self):
        """mod_wsgi's thread_id: 1, 2, ... for the threads that ran requests here."""
        ident = _thread.get_ident()
        number = self._threads.get(ident)
        if number is None:
            number = self._threads.setdefault(ident, len(self._threads) + 1)
        return number

    def stopping(self):
        """mod_wsgi's process_stopping event, before this interpreter is closed:
        event subscribers first, then shutdown subscribers."""
        mod = self.mod
        event = {'shutdown_reason': ''}
        _publish('process_stopping', mod.event_callbacks, event, self.log)
        _publish('process_stopping', mod.shutdown_callbacks, event, self.log)

    def adopt(self, application_group):
        """Names the application group of an interpreter created before its
        name was known (before any script is loaded into it)."""
        self.constants['mod_wsgi.application_group'] = application_group
        sys.modules['mod_wsgi'].application_group = application_group

    def load(self, module_name, filename, source, log):
        """Loads (or reloads) a script as a module; returns None or the
        formatted traceback of the failure."""
        try:
            if source is None:
                with open(filename, 'rb') as f:
                    source = f.read()
            code = compile(source, filename, 'exec', dont_inherit=True)
            module = _ModuleType(module_name)
            module.__file__ = filename
            sys.modules[module_name] = module
            try:
                exec(code, module.__dict__)
            except BaseException:
                if sys.modules.get(module_name) is module:
                    del sys.modules[module_name]
                raise
            self.modules[filename] = module
            self.errors[filename] = Errors(log)
            return None
        except BaseException:
            self.modules.pop(filename, None)
            return _format_exc()

    def handle(self, filename, callable_name, cgi, bridge):
        kept = _keep_gil(True)
        try:
            self._handle(filename, callable_name, cgi, bridge)
        finally:
            _keep_gil(kept)

    def _handle(self, filename, callable_name, cgi, bridge):
        module = self.modules[filename]
        application = getattr(module, callable_name, None)
        if application is None:
            bridge.fail("Target WSGI script '%s' does not contain WSGI application '%s'." % (filename, callable_name))
            return
        environ = _parse_cgi(cgi)
        environ.update(self.constants)
        # mod_wsgi: HTTPS (from TLS or SetEnv) decides the scheme and is not passed on
        https = environ.pop('HTTPS', None)
        environ['wsgi.url_scheme'] = 'https' if https is not None and https.lower() in ('on', '1') else 'http'
        environ['wsgi.input'] = stream = Input(bridge)
        environ['wsgi.errors'] = self.errors[filename]
        environ['wsgi.file_wrapper'] = FileWrapper
        response = _Response(bridge)
        # mod_wsgi.active_requests and mod_wsgi.request_data(), kept for every request as
        # mod_wsgi keeps them; events only when the application subscribed to them
        data = {}
        request_id = str(next(self._ids))
        active = self.active
        active[request_id] = data
        _current.data = data
        callbacks = self.mod.event_callbacks
        request = None
        result = None
        try:
            if callbacks:
                request = response.request = _Request(self, request_id, data, callbacks)
                application = request.started(application, environ)
            result = application(environ, response.start_response)
            if type(result) is FileWrapper and not response.sent:
                region = _file_region(result)
                if region is not None and response.status is not None:
                    name, offset, size = region
                    if response.length >= 0:
                        size = min(size, response.length)
                    response.sent = True
                    response.written += size
                    response.writes += 1
                    _waiting(bridge.sendfile, response.status, response.headers, name, offset, size)
                    return
            if (type(result) is list or type(result) is tuple) and not response.sent:
                if response.status is None:
                    raise RuntimeError('the application returned without calling start_response()')
                if len(result) == 1:
                    body = _body_chunk(result[0])
                else:
                    body = b''.join([_body_chunk(c) for c in result])
                response.sent = True
                _complete(bridge, response, body)
                return
            for chunk in result:
                _body_chunk(chunk)
                if chunk:
                    if not response.sent:
                        if response.length == len(chunk):
                            # the whole body (Content-Length says so) in the first chunk, as
                            # frameworks answer (Flask, Django): one crossing, no flush of its own
                            response.sent = True
                            _complete(bridge, response, chunk)
                            continue
                        response._send_headers()
                    response.written += len(chunk)
                    response.writes += 1
                    if not _waiting(bridge.write, chunk):
                        return
            if not response.sent:
                if response.status is None:
                    raise RuntimeError('the application returned without calling start_response()')
                response.sent = True
                bridge.complete(response.status, response.headers, b'')
        except BaseException:
            if request is not None:
                request.exception(sys.exc_info())
            bridge.fail(_format_exc())
        finally:
            close = getattr(result, 'close', None)
            if close is not None:
                try:
                    close()
                except BaseException:
                    if request is not None:
                        request.exception(sys.exc_info())
                    bridge.fail('exception in close() of the response iterable:\n' + _format_exc())
            _current.data = None
            active.pop(request_id, None)
            if request is not None:
                request.finished(stream, response)


Gateway
