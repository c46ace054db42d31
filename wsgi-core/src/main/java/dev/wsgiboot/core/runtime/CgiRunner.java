package dev.wsgiboot.core.runtime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a CGI script (RFC 3875) as mod_cgi does: the file is executed directly
 * (its {@code #!} line names the interpreter) in its own directory, with the
 * CGI variables as its whole environment (plus {@code PATH}); the request body
 * goes to its standard input, its standard error to the log. The header block
 * it writes is parsed ({@code Status}, {@code Location}, others passed on) and
 * the rest streamed to the client. A script that writes nothing for
 * {@code timeout} is killed (504 when no header came yet); one that ends or
 * fails before its headers, or writes a malformed header, gives a 500 with the
 * reason logged. Thread-safe.
 */
final class CgiRunner {

	private static final Logger logger = LoggerFactory.getLogger(CgiRunner.class);

	private static final int MAX_HEADER_BYTES = 64 * 1024;

	private final Duration timeout;

	CgiRunner(Duration timeout) {
		this.timeout = timeout;
	}

	void run(HttpServletRequest request, HttpServletResponse response, Path script, Map<String, String> env)
			throws IOException {
		String where = request.getMethod() + " " + request.getRequestURI();
		ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(script.getParent().toFile());
		builder.environment().clear();
		builder.environment().putAll(env);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			logger.error("{}: cannot run CGI script {}: {}", where, script, ex.getMessage());
			WsgiRuntime.sendError(response, 500, "Internal Server Error");
			return;
		}
		Watchdog watchdog = new Watchdog(process, this.timeout);
		Thread.ofVirtual().name("cgi-stderr").start(() -> logErrors(process.getErrorStream(), script));
		Thread.ofVirtual().name("cgi-timeout").start(watchdog);
		feedBody(request, process, where);
		try (InputStream out = new BufferedInputStream(process.getInputStream())) {
			ActivityInput output = new ActivityInput(out, watchdog);
			List<String[]> headers = new ArrayList<>();
			String problem = readHeaders(output, headers);
			if (problem != null) {
				boolean timedOut = watchdog.timedOut;
				logger.error("{}: {} {}", where, timedOut ? "timeout waiting for output from CGI script" : problem,
						script);
				WsgiRuntime.sendError(response, timedOut ? 504 : 500,
						timedOut ? "Gateway Timeout" : "Internal Server Error");
				return;
			}
			if (respond(request, response, headers, script, where)) {
				output.transferTo(OutputStream.nullOutputStream());
				return;
			}
			OutputStream client = response.getOutputStream();
			if (request.getMethod().equals("HEAD")) {
				output.transferTo(OutputStream.nullOutputStream());
			}
			else {
				byte[] buffer = new byte[16 * 1024];
				int n;
				while ((n = output.read(buffer)) >= 0) {
					client.write(buffer, 0, n);
					if (output.available() == 0) {
						client.flush();
					}
				}
			}
			if (watchdog.timedOut) {
				throw new ResponseAbortedException("CGI script " + script + " timed out while sending its output");
			}
		}
		finally {
			watchdog.finished();
			try {
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					kill(process);
				}
				else if (process.exitValue() != 0) {
					logger.warn("{}: CGI script {} exited with status {}", where, script, process.exitValue());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill(process);
			}
		}
	}

	/** Kills the script and whatever it started (which would otherwise keep its output open). */
	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

	/**
	 * Applies the script's headers.
	 * @return {@code true} when the response is complete without the script's body
	 * (a local redirect)
	 */
	private static boolean respond(HttpServletRequest request, HttpServletResponse response, List<String[]> headers,
			Path script, String where) throws IOException {
		int status = 200;
		String location = null;
		boolean statusGiven = false;
		for (String[] header : headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			switch (name) {
				case "status" -> {
					statusGiven = true;
					status = Integer.parseInt(header[1].strip().split(" ", 2)[0]);
				}
				case "location" -> location = header[1];
				default -> {
				}
			}
		}
		if (location != null && location.startsWith("/") && !statusGiven) {
			// a local redirect: the server answers the new path itself (RFC 3875 section 6.2.2)
			try {
				request.getRequestDispatcher(location).forward(request, response);
			}
			catch (ServletException ex) {
				throw new IOException("local redirect of CGI script " + script + " to " + location + " failed", ex);
			}
			return true;
		}
		if (location != null && !statusGiven) {
			status = HttpServletResponse.SC_FOUND;
		}
		response.setStatus(status);
		for (String[] header : headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			switch (name) {
				case "status", "connection", "transfer-encoding", "keep-alive" -> {
				}
				case "content-type" -> response.setContentType(header[1]);
				case "content-length" -> {
					try {
						response.setContentLengthLong(Long.parseLong(header[1].strip()));
					}
					catch (NumberFormatException ex) {
						logger.warn("{}: CGI script {} sent a bad Content-Length '{}': ignored", where, script,
								header[1]);
					}
				}
				default -> response.addHeader(header[0], header[1]);
			}
		}
		return false;
	}

	/**
	 * Reads the header block into {@code headers}.
	 * @return {@code null}, or why the script's output is not a CGI response
	 */
	static String readHeaders(InputStream in, List<String[]> headers) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int total = 0;
		while (true) {
			int c = in.read();
			if (c < 0) {
				return "end of script output before headers:";
			}
			if (++total > MAX_HEADER_BYTES) {
				return "headers of more than " + MAX_HEADER_BYTES + " bytes from script";
			}
			if (c != '\n') {
				line.write(c);
				continue;
			}
			String text = line.toString(StandardCharsets.ISO_8859_1);
			line.reset();
			if (text.endsWith("\r")) {
				text = text.substring(0, text.length() - 1);
			}
			if (text.isEmpty()) {
				return headers.isEmpty() ? "no headers from script:" : null;
			}
			int colon = text.indexOf(':');
			String name = (colon > 0) ? text.substring(0, colon) : "";
			if (!HttpSyntax.isToken(name)) {
				return "malformed header from script (bad header: " + text + "):";
			}
			String value = text.substring(colon + 1).strip();
			if (name.equalsIgnoreCase("Status") && !value.matches("[1-5][0-9][0-9]( .*)?")) {
				return "malformed header from script (bad Status: " + value + "):";
			}
			headers.add(new String[] { name, value });
		}
	}

	/** The request body to the script's standard input, from another thread so neither side can block the other. */
	private static void feedBody(HttpServletRequest request, Process process, String where) throws IOException {
		boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (!hasBody) {
			process.getOutputStream().close();
			return;
		}
		InputStream body = request.getInputStream();
		Thread.ofVirtual().name("cgi-stdin").start(() -> {
			try (OutputStream in = process.getOutputStream()) {
				body.transferTo(in);
			}
			catch (IOException ex) {
				logger.debug("{}: request body not fully passed to the CGI script: {}", where, ex.toString());
			}
		});
	}

	private static void logErrors(InputStream errors, Path script) {
		try {
			for (String line : new String(errors.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					logger.error("CGI script {}: {}", script, line.stripTrailing());
				}
			}
		}
		catch (IOException ex) {
			// the process is gone
		}
	}

	/** Kills the script when it has been silent for the timeout. */
	private static final class Watchdog implements Runnable {

		private final Process process;

		private final long timeoutNanos;

		private volatile long lastActivity = System.nanoTime();

		private volatile boolean done;

		volatile boolean timedOut;

		Watchdog(Process process, Duration timeout) {
			this.process = process;
			this.timeoutNanos = timeout.toNanos();
		}

		void active() {
			this.lastActivity = System.nanoTime();
		}

		void finished() {
			this.done = true;
		}

		@Override
		public void run() {
			long tick = Math.max(10, Math.min(1000, this.timeoutNanos / 4_000_000));
			while (!this.done && this.process.isAlive()) {
				if (System.nanoTime() - this.lastActivity > this.timeoutNanos) {
					this.timedOut = true;
					kill(this.process);
					return;
				}
				try {
					Thread.sleep(tick);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

	/** The script's output, telling the watchdog whenever bytes arrive. */
	private static final class ActivityInput extends InputStream {

		private final InputStream in;

		private final Watchdog watchdog;

		ActivityInput(InputStream in, Watchdog watchdog) {
			this.in = in;
			this.watchdog = watchdog;
		}

		@Override
		public int read() throws IOException {
			int c = this.in.read();
			this.watchdog.active();
			return c;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = this.in.read(b, off, len);
			this.watchdog.active();
			return n;
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

	}

}
