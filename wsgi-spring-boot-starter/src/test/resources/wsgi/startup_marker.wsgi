# Loaded at startup by WSGIImportScript (wsgi.import-scripts): leaves a marker
# module that the application in the same interpreter can see.
import sys
import types

sys.modules['wsgi_startup_marker'] = types.ModuleType('wsgi_startup_marker')
