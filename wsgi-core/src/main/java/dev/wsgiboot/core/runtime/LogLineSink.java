package dev.wsgiboot.core.runtime;

import org.graalvm.polyglot.HostAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives {@code wsgi.errors} lines of one application and logs them to an
 * SLF4J logger named after the application's script ({@code wsgi.app.<file>}).
 */
public final class LogLineSink {

	private final Logger logger;

	LogLineSink(String scriptName) {
		this.logger = LoggerFactory.getLogger(loggerName(scriptName));
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
		this.logger.warn(line);
	}

}
