package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.RequestBodyLimits;

/**
 * The Java half of one WSGI request, called from the Python gateway: body in
 * ({@code wsgi.input}), status, headers and body out. Only the methods marked
 * {@link HostAccess.Export} are visible to Python.
 */
public final class RequestBridge {

	private static final Logger logger = LoggerFactory.getLogger(RequestBridge.class);

	private static final int MAX_READ = 64 * 1024;

	/**
	 * Whole bodies up to this size (Tomcat's response buffer) are sent after the
	 * request leaves Python; the gateway keeps the GIL while it hands them over.
	 */
	static final int HELD_BODY = 8192;

	private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final String scriptName;

	private InputStream input;

	private byte[] readBuffer;

	private byte[] writeBuffer;

	private OutputStream output;

	private boolean completed;

	/** A whole small body from {@link #complete}, sent by {@link #sendHeldBody()}. */
	private byte[] heldBody;

	private boolean clientGone;

	private String failure;

	/** The most a chunked request body may hold (LimitRequestBody); 0 for no limit. */
	private long bodyLimit;

	private long bodyRead;

	private boolean bodyTooLarge;

	private String readError;

	RequestBridge(HttpServletRequest request, HttpServletResponse response, String scriptName) {
		this.request = request;
		this.response = response;
		this.scriptName = scriptName;
	}

	/**
	 * Up to {@code n} bytes of the request body as a latin-1 string;
	 * {@code null} at its end or when it cannot be read ({@link #readError()}
	 * then says why, and {@code wsgi.input} raises {@code OSError}).
	 */
	@HostAccess.Export
	public String read(int n) {
		if (n <= 0) {
			return "";
		}
		if (this.readError != null) {
			return null;
		}
		int size = Math.min(n, MAX_READ);
		if (this.readBuffer == null || this.readBuffer.length < size) {
			this.readBuffer = new byte[Math.max(size, 8192)];
		}
		int count;
		try {
			count = input().read(this.readBuffer, 0, size);
		}
		catch (IOException ex) {
			this.readError = "request data read error: " + ex.getMessage();
			logger.debug("Cannot read the request body of {}", this.request.getRequestURI(), ex);
			return null;
		}
		if (count < 0) {
			long declared = this.request.getContentLengthLong();
			if (declared > this.bodyRead) {
				// Tomcat reports a client that went away early as an IOException (above); an end
				// before Content-Length means something in this JVM read the body first
				this.readError = "request data read error: the request body ended after " + this.bodyRead
						+ " of its " + declared + " bytes: it was read before the WSGI application ran"
						+ " (a servlet filter asking for the request's parameters or parts?)";
				logger.warn("The body of {} {} was read before its WSGI application ran (it found {} of {} bytes)."
						+ " A servlet filter that asks for the request's parameters or parts reads it;"
						+ " exclude the mount's URLs from such filters", this.request.getMethod(),
						this.request.getRequestURI(), this.bodyRead, declared);
			}
			return null;
		}
		this.bodyRead += count;
		if (this.bodyLimit > 0 && this.bodyRead > this.bodyLimit) {
			this.bodyTooLarge = true;
			this.readError = "request data read error: the request body is larger than LimitRequestBody ("
					+ this.bodyLimit + " bytes)";
			return null;
		}
		return new String(this.readBuffer, 0, count, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Like {@link #read(int)}, but only when it does not have to wait for the
	 * client: the body has a length and some of it is already buffered.
	 * Otherwise {@code ""}, and the gateway calls {@link #read(int)} after
	 * releasing the interpreter's lock for the wait.
	 */
	@HostAccess.Export
	public String readBuffered(int n) {
		if (this.readError != null) {
			return null;
		}
		if (n <= 0 || this.request.getContentLengthLong() < 0) {
			return "";
		}
		try {
			if (input().available() <= 0) {
				return "";
			}
		}
		catch (IOException ex) {
			return "";
		}
		return read(n);
	}

	/** Why the last {@link #read(int)} returned {@code null}, or {@code null} at the end of the body. */
	@HostAccess.Export
	public String readError() {
		return this.readError;
	}

	/** Enforces LimitRequestBody while a body of unknown length (chunked) is read. */
	void limitBody(RequestBodyLimits limits) {
		this.bodyLimit = (limits.limit() != null) ? limits.limit() : 0;
	}

	/** Whether the application asked for the request body at all. */
	boolean hasReadBody() {
		return this.input != null;
	}

	/** Whether the application read past LimitRequestBody. */
	boolean isBodyTooLarge() {
		return this.bodyTooLarge;
	}

	/** Status and headers, before the first body chunk. */
	@HostAccess.Export
	public void start(String status, String headers) {
		if (this.bodyTooLarge) {
			return;
		}
		applyHead(status, headers);
	}

	/** One chunk of the body, sent to the client at once; false when the client has gone. */
	@HostAccess.Export
	public boolean write(Value chunk) {
		if (this.clientGone || this.bodyTooLarge) {
			return false;
		}
		try {
			OutputStream out = output();
			writeValue(chunk, out);
			out.flush();
			return true;
		}
		catch (IOException ex) {
			clientGone(ex);
			return false;
		}
	}

	/** The whole response at once: the fast path for a one-element list. */
	@HostAccess.Export
	public void complete(String status, String headers, Value body) {
		if (this.bodyTooLarge) {
			// the answer is the 413 (the runtime sends it), not the application's
			this.completed = true;
			return;
		}
		applyHead(status, headers);
		int size = (int) body.getBufferSize();
		if (!this.response.containsHeader("Content-Length")) {
			this.response.setContentLength(size);
		}
		this.completed = true;
		if (size == 0) {
			return;
		}
		if (size <= HELD_BODY) {
			// Tomcat sends a response as soon as its Content-Length is written: that socket
			// write (and waking the client) happens after Python returns, without its GIL
			this.heldBody = new byte[size];
			body.readBuffer(0, this.heldBody, 0, size);
			return;
		}
		try {
			writeValue(body, output());
		}
		catch (IOException ex) {
			clientGone(ex);
		}
	}

	/**
	 * Sends a body {@link #complete} held back; called once the request has left
	 * its interpreter.
	 */
	void sendHeldBody() {
		byte[] body = this.heldBody;
		if (body == null) {
			return;
		}
		this.heldBody = null;
		try {
			output().write(body);
		}
		catch (IOException ex) {
			clientGone(ex);
		}
	}

	/** A {@code wsgi.file_wrapper} around a real file: copied by Java, zero-copy where Tomcat can. */
	@HostAccess.Export
	public void sendfile(String status, String headers, String path, long offset, long length) {
		if (this.bodyTooLarge) {
			this.completed = true;
			return;
		}
		applyHead(status, headers);
		if (!this.response.containsHeader("Content-Length")) {
			this.response.setContentLengthLong(length);
		}
		this.completed = true;
		if (length <= 0) {
			return;
		}
		if (Boolean.TRUE.equals(this.request.getAttribute(SENDFILE_SUPPORT))) {
			this.request.setAttribute("org.apache.tomcat.sendfile.filename", path);
			this.request.setAttribute("org.apache.tomcat.sendfile.start", offset);
			this.request.setAttribute("org.apache.tomcat.sendfile.end", offset + length);
			return;
		}
		try (FileChannel channel = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
			OutputStream out = output();
			long position = offset;
			long end = offset + length;
			var target = Channels.newChannel(out);
			while (position < end) {
				long sent = channel.transferTo(position, end - position, target);
				if (sent <= 0) {
					break;
				}
				position += sent;
			}
		}
		catch (IOException ex) {
			clientGone(ex);
		}
	}

	/** The application failed; {@code text} is its Python traceback. */
	@HostAccess.Export
	public void fail(String text) {
		if (this.failure == null) {
			this.failure = text;
		}
		else {
			this.failure = this.failure + "\n" + text;
		}
	}

	String failure() {
		return this.failure;
	}

	boolean isCompleted() {
		return this.completed;
	}

	private InputStream input() throws IOException {
		if (this.input == null) {
			this.input = this.request.getInputStream();
		}
		return this.input;
	}

	private OutputStream output() throws IOException {
		if (this.output == null) {
			this.output = this.response.getOutputStream();
		}
		return this.output;
	}

	/**
	 * Copies a Python bytes object to the output in bulk. GraalPy 25.0's
	 * {@code readBuffer} rejects a destination array longer than the bytes left to
	 * read, so every piece is read into an array of exactly its size.
	 */
	private void writeValue(Value chunk, OutputStream out) throws IOException {
		int size = (int) chunk.getBufferSize();
		for (int offset = 0; offset < size;) {
			int n = Math.min(MAX_READ, size - offset);
			byte[] buffer = this.writeBuffer;
			if (buffer == null || buffer.length != n) {
				buffer = new byte[n];
				if (n == MAX_READ) {
					this.writeBuffer = buffer;
				}
			}
			chunk.readBuffer(offset, buffer, 0, n);
			out.write(buffer, 0, n);
			offset += n;
		}
	}

	private void applyHead(String status, String headers) {
		int code = Integer.parseInt(status, 0, 3, 10);
		HttpServletResponse response = this.response;
		response.setStatus(code);
		if (!headers.isEmpty()) {
			int start = 0;
			int length = headers.length();
			while (start < length) {
				int sep = headers.indexOf('\0', start);
				int end = headers.indexOf('\0', sep + 1);
				if (end < 0) {
					end = length;
				}
				response.addHeader(headers.substring(start, sep), headers.substring(sep + 1, end));
				start = end + 1;
			}
		}
	}

	private void clientGone(IOException ex) {
		if (!this.clientGone) {
			this.clientGone = true;
			logger.debug("Client closed the connection while {} was answering {}", this.scriptName,
					this.request.getRequestURI(), ex);
		}
	}

}
