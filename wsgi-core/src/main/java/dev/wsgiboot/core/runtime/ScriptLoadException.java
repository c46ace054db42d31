package dev.wsgiboot.core.runtime;

/**
 * A WSGI script that could not be loaded: missing, a syntax error, or an
 * exception while its module code ran. The message carries the Python
 * traceback, which names the file and line.
 */
public final class ScriptLoadException extends RuntimeException {

	private final String scriptName;

	private final String detail;

	public ScriptLoadException(String scriptName, String detail) {
		super("Failed to load WSGI script " + scriptName + ":\n" + detail);
		this.scriptName = scriptName;
		this.detail = detail;
	}

	public String getScriptName() {
		return this.scriptName;
	}

	/** The Python traceback or the I/O error. */
	public String getDetail() {
		return this.detail;
	}

}
