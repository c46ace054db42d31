package dev.wsgiboot.core.runtime;

import org.graalvm.polyglot.HostAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives lines of Python output and logs each to an SLF4J logger, as mod_wsgi
 * sends them to Apache's error log: an application's {@code wsgi.errors} (logger
 * {@code wsgi.app.<script file name>}, WARN), and every interpreter's
 * {@code sys.stdout} (logger {@code wsgi.python.stdout}, INFO) and
 * {@code sys.stderr} (logger {@code wsgi.python.stderr}, WARN).
 */
public final class LogLineSink {

	static final LogLineSink STDOUT = new LogLineSink(LoggerFactory.getLogger("wsgi.python.stdout"), false);

	static final LogLineSink STDERR = new LogLineSink(LoggerFactory.getLogger("wsgi.python.stderr"), true);

	private final Logger logger;

	private final boolean warn;

	private LogLineSink(Logger logger, boolean warn) {
		this.logger = logger;
		this.warn = warn;
	}

	/** The {@code wsgi.errors} sink of an application's script. */
	static LogLineSink forScript(String scriptName) {
		return new LogLineSink(LoggerFactory.getLogger(loggerName(scriptName)), true);
	}

	static String loggerName(String scriptName) {
		String base = scriptName;
		int slash = base.lastIndexOf('/');
		if (slash >= 0) {
			base = base.substring(slash + 1);
		}
		StringBuilder sb = new StringBuilder("wsgi.app.");
		for (int i = 0; i < base.length(); i++) {
			char c = base.charAt(i);
			sb.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
		}
		return sb.toString();
	}

	@HostAccess.Export
	public void log(String line) {
		if (this.warn) {
			this.logger.warn(line);
		}
		else {
			this.logger.info(line);
		}
	}

}
