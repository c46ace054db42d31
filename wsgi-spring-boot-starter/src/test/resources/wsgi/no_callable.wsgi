# defines no WSGI callable
value = 42
