package dev.wsgiboot.core.runtime;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own log records (GraalPy's and Truffle's, e.g. a compilation
 * that failed) to SLF4J loggers named {@code wsgi.graalpy.<Truffle logger>}.
 * Without it they go to each context's error stream, behind a banner on how to
 * redirect them.
 */
final class TruffleLogHandler extends Handler {

	static final String LOGGER_PREFIX = "wsgi.graalpy.";

	/**
	 * GraalPy's notice in every context created with the native POSIX backend:
	 * that standard I/O uses file descriptors 0, 1 and 2. The gateway replaces
	 * {@code sys.stdin}, {@code sys.stdout} and {@code sys.stderr}, so it is
	 * logged at debug level only.
	 */
	static final String NATIVE_POSIX_NOTICE = "Native Posix backend is not fully supported when embedding";

	private final Formatter formatter = new SimpleFormatter();

	@Override
	public void publish(LogRecord record) {
		String name = record.getLoggerName();
		Logger logger = LoggerFactory.getLogger(LOGGER_PREFIX + ((name != null) ? name : "engine"));
		String message = this.formatter.formatMessage(record);
		Throwable thrown = record.getThrown();
		int level = record.getLevel().intValue();
		if (message != null && message.startsWith(NATIVE_POSIX_NOTICE)) {
			logger.debug(message, thrown);
		}
		else if (level >= Level.SEVERE.intValue()) {
			logger.error(message, thrown);
		}
		else if (level >= Level.WARNING.intValue()) {
			logger.warn(message, thrown);
		}
		else if (level >= Level.INFO.intValue()) {
			logger.info(message, thrown);
		}
		else if (level >= Level.FINE.intValue()) {
			logger.debug(message, thrown);
		}
		else {
			logger.trace(message, thrown);
		}
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

}
