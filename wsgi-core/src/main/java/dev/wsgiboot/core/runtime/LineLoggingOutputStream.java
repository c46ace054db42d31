package dev.wsgiboot.core.runtime;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;

/**
 * A context's output and error streams: each line is logged. Python's
 * {@code sys.stdout} and {@code sys.stderr} do not write here (with the native
 * POSIX backend they would write to the JVM's file descriptors 1 and 2; the
 * gateway replaces them, see {@link LogLineSink}); what GraalPy itself writes to
 * the context's streams does.
 */
final class LineLoggingOutputStream extends OutputStream {

	private static final int MAX_LINE = 16 * 1024;

	private final Logger logger;

	private final boolean error;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	LineLoggingOutputStream(Logger logger, boolean error) {
		this.logger = logger;
		this.error = error;
	}

	@Override
	public synchronized void write(int b) {
		if (b == '\n' || this.line.size() >= MAX_LINE) {
			emit();
			if (b == '\n') {
				return;
			}
		}
		this.line.write(b);
	}

	@Override
	public synchronized void write(byte[] b, int off, int len) {
		for (int i = off; i < off + len; i++) {
			write(b[i]);
		}
	}

	@Override
	public synchronized void flush() {
		if (this.line.size() > 0) {
			emit();
		}
	}

	private void emit() {
		String text = this.line.toString(StandardCharsets.UTF_8);
		this.line.reset();
		if (this.error) {
			this.logger.warn(text);
		}
		else {
			this.logger.info(text);
		}
	}

}
