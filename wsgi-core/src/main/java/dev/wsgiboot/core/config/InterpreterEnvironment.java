package dev.wsgiboot.core.config;

import java.util.List;

/**
 * What a daemon process group's interpreters see beyond the server-wide
 * settings: mod_wsgi's {@code python-path}, {@code python-home}, {@code lang}
 * and {@code locale} options.
 *
 * @param pythonPath directories added to {@code sys.path} after the server's
 * {@code WSGIPythonPath}
 * @param pythonHome a Python virtual environment whose {@code site-packages}
 * directories are added to {@code sys.path} (GraalPy's own standard library is
 * always used), or {@code null}
 * @param lang {@code LANG} in the interpreters' {@code os.environ}, or
 * {@code null}
 * @param locale {@code LC_ALL} in the interpreters' {@code os.environ}, or
 * {@code null}
 */
public record InterpreterEnvironment(List<String> pythonPath, String pythonHome, String lang, String locale) {

	public static final InterpreterEnvironment NONE = new InterpreterEnvironment(List.of(), null, null, null);

	public InterpreterEnvironment {
		pythonPath = List.copyOf(pythonPath);
	}

}
