package dev.wsgiboot.core.runtime;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * GraalPy's and Truffle's own log records reach SLF4J loggers, at the matching
 * level, instead of each context's error stream.
 */
class TruffleLogHandlerTests {

	private final ListAppender<ILoggingEvent> graalPy = new ListAppender<>();

	private final ListAppender<ILoggingEvent> stderr = new ListAppender<>();

	@BeforeEach
	void attach() {
		attach("wsgi.graalpy", this.graalPy, ch.qos.logback.classic.Level.DEBUG);
		attach("wsgi.python.stderr", this.stderr, ch.qos.logback.classic.Level.DEBUG);
	}

	@AfterEach
	void detach() {
		((Logger) LoggerFactory.getLogger("wsgi.graalpy")).detachAppender(this.graalPy);
		((Logger) LoggerFactory.getLogger("wsgi.python.stderr")).detachAppender(this.stderr);
	}

	@Test
	void levelsAreMappedAndTheLoggerIsNamedAfterTruffles() {
		TruffleLogHandler handler = new TruffleLogHandler();
		handler.publish(record(Level.SEVERE, "engine", "severe {0}", "one"));
		handler.publish(record(Level.WARNING, "engine", "a compilation failed", null));
		handler.publish(record(Level.INFO, "python.Something", "info", null));
		handler.publish(record(Level.CONFIG, "python.Something", "config", null));
		handler.publish(record(Level.FINE, "python.Something", "fine", null));
		handler.publish(record(Level.FINEST, null, "finest", null));
		assertThat(this.graalPy.list).extracting(ILoggingEvent::getLoggerName, (e) -> e.getLevel().toString(),
				ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple("wsgi.graalpy.engine", "ERROR", "severe one"),
					tuple("wsgi.graalpy.engine", "WARN", "a compilation failed"),
					tuple("wsgi.graalpy.python.Something", "INFO", "info"),
					tuple("wsgi.graalpy.python.Something", "DEBUG", "config"),
					tuple("wsgi.graalpy.python.Something", "DEBUG", "fine"));
	}

	@Test
	void aNewInterpretersNoticesGoToTheLoggerNotToItsErrorStream() {
		InterpreterSpec spec = new InterpreterSpec("", "log-test", 1, 1, false, List.of(), null, false, null, null);
		try (Interpreter interpreter = new Interpreter(PythonEngine.shared(), spec)) {
			assertThat(interpreter.applicationGroup()).isEqualTo("log-test");
		}
		// GraalPy's notice about the native POSIX backend, which the gateway's standard streams make moot
		assertThat(this.graalPy.list).filteredOn((e) -> e.getFormattedMessage()
			.startsWith(TruffleLogHandler.NATIVE_POSIX_NOTICE))
			.isNotEmpty()
			.allSatisfy((e) -> assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG));
		assertThat(this.stderr.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((line) -> line.contains("Truffle log output") || line.contains("Native Posix"));
	}

	private static void attach(String name, ListAppender<ILoggingEvent> appender, ch.qos.logback.classic.Level level) {
		Logger logger = (Logger) LoggerFactory.getLogger(name);
		logger.setLevel(level);
		appender.start();
		logger.addAppender(appender);
	}

	private static LogRecord record(Level level, String loggerName, String message, Object parameter) {
		LogRecord record = new LogRecord(level, message);
		record.setLoggerName(loggerName);
		if (parameter != null) {
			record.setParameters(new Object[] { parameter });
		}
		return record;
	}

}
