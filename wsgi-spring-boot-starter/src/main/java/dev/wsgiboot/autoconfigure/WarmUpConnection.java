package dev.wsgiboot.autoconfigure;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of the warm-up to the application's own
 * server. Requests are written byte for byte as built (no client normalises the
 * target or refuses a Host header); each response is read to its end (by
 * Content-Length, chunked, or to the connection's end) and only its status is
 * kept. A connection the server closed between two requests is opened again.
 */
final class WarmUpConnection implements Closeable {

	private static final int MAX_LINE = 16 * 1024;

	private final SocketAddress address;

	private final int timeoutMillis;

	private final byte[] skipBuffer = new byte[8192];

	private Socket socket;

	/** Whether a byte of the current response has been read (a request is sent again only before that). */
	private boolean responseStarted;

	private InputStream in;

	private OutputStream out;

	WarmUpConnection(InetSocketAddress address, int timeoutMillis) {
		this.address = address;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Sends one request and reads its response.
	 * @param request the whole request: head and body
	 * @param head whether it is a HEAD request (the response has no body)
	 * @return the response's status code
	 * @throws IOException when the server cannot be reached, does not answer in
	 * time, or answers something that is not HTTP/1.x; the connection is closed
	 * then (the next request opens a new one)
	 */
	int send(byte[] request, boolean head) throws IOException {
		boolean fresh = this.socket == null;
		try {
			return openAndExchange(request, head);
		}
		catch (IOException ex) {
			if (fresh || this.responseStarted || ex instanceof SocketTimeoutException) {
				throw ex;
			}
			// the server closed the idle connection before answering this request: once more on a new one
			return openAndExchange(request, head);
		}
	}

	/** Sends on the open connection (or a new one) and reads the answer; closes the connection when that fails. */
	private int openAndExchange(byte[] request, boolean head) throws IOException {
		this.responseStarted = false;
		try {
			if (this.socket == null) {
				open();
			}
			return exchange(request, head);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		try {
			opened.setTcpNoDelay(true);
			opened.connect(this.address, this.timeoutMillis);
			opened.setSoTimeout(this.timeoutMillis);
			this.in = new BufferedInputStream(opened.getInputStream(), 8192);
			this.out = opened.getOutputStream();
			this.socket = opened;
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
	}

	private int exchange(byte[] request, boolean head) throws IOException {
		this.out.write(request);
		this.out.flush();
		while (true) {
			String statusLine = readLine(true);
			if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
				throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
			}
			int status = parseStatus(statusLine);
			long length = -1;
			boolean chunked = false;
			boolean close = statusLine.startsWith("HTTP/1.0");
			for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
				int colon = line.indexOf(':');
				if (colon <= 0) {
					throw new IOException("malformed response header: '" + line + "'");
				}
				String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> length = parseLength(value);
					case "transfer-encoding" -> chunked = value.endsWith("chunked");
					case "connection" -> {
						if (value.contains("close")) {
							close = true;
						}
						else if (value.contains("keep-alive")) {
							close = false;
						}
					}
					default -> {
					}
				}
			}
			if (status >= 100 && status < 200) {
				continue; // an interim response; the final one follows
			}
			if (head || status == 204 || status == 304) {
				// no body
			}
			else if (chunked) {
				skipChunks();
			}
			else if (length >= 0) {
				skip(length);
			}
			else {
				skipToEnd();
				close = true;
			}
			if (close) {
				close();
			}
			return status;
		}
	}

	private static int parseStatus(String statusLine) throws IOException {
		try {
			return Integer.parseInt(statusLine.substring(9, 12));
		}
		catch (NumberFormatException ex) {
			throw new IOException("not an HTTP/1.x status line: '" + statusLine + "'");
		}
	}

	private static long parseLength(String value) throws IOException {
		try {
			long length = Long.parseLong(value);
			if (length < 0) {
				throw new NumberFormatException();
			}
			return length;
		}
		catch (NumberFormatException ex) {
			throw new IOException("bad Content-Length: '" + value + "'");
		}
	}

	private void skipChunks() throws IOException {
		while (true) {
			String sizeLine = readLine(false);
			int end = sizeLine.indexOf(';');
			String hex = ((end >= 0) ? sizeLine.substring(0, end) : sizeLine).trim();
			long size;
			try {
				size = Long.parseLong(hex, 16);
			}
			catch (NumberFormatException ex) {
				throw new IOException("bad chunk size: '" + sizeLine + "'");
			}
			if (size == 0) {
				while (!readLine(false).isEmpty()) {
					// trailer fields
				}
				return;
			}
			skip(size);
			if (!readLine(false).isEmpty()) {
				throw new IOException("chunk not followed by CRLF");
			}
		}
	}

	private void skip(long length) throws IOException {
		long left = length;
		while (left > 0) {
			int read = this.in.read(this.skipBuffer, 0, (int) Math.min(left, this.skipBuffer.length));
			if (read < 0) {
				throw new IOException("connection closed " + left + " bytes before the end of the response body");
			}
			left -= read;
		}
	}

	private void skipToEnd() throws IOException {
		while (this.in.read(this.skipBuffer) >= 0) {
			// a body delimited by the connection's end
		}
	}

	/**
	 * One line without its CRLF (a bare LF is accepted).
	 * @param first whether it is a response's first line: a connection that ends
	 * before it is an {@link EOFException}
	 */
	private String readLine(boolean first) throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			this.responseStarted |= b >= 0;
			if (b < 0) {
				if (first && line.isEmpty()) {
					throw new EOFException("connection closed by the server");
				}
				throw new IOException("connection closed in the middle of a response head");
			}
			if (b == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new IOException("response head line longer than " + MAX_LINE + " bytes");
			}
			line.append((char) b);
		}
	}

	/** The request as bytes: request line, Host, the given headers, Content-Length when there is a body. */
	static byte[] encode(WsgiWarmUpProperties.WarmUpRequest request, String defaultHost) {
		StringBuilder head = new StringBuilder(128).append(request.method())
			.append(' ')
			.append(request.target())
			.append(" HTTP/1.1\r\n");
		if (!request.hasHost()) {
			head.append("Host: ").append(defaultHost).append("\r\n");
		}
		boolean userAgent = false;
		for (var header : request.headers().entrySet()) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
			userAgent |= header.getKey().equalsIgnoreCase("user-agent");
		}
		if (!userAgent) {
			head.append("User-Agent: wsgi-spring-boot-warm-up\r\n");
		}
		byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
		String method = request.method();
		if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, all, 0, headBytes.length);
		System.arraycopy(body, 0, all, headBytes.length, body.length);
		return all;
	}

	@Override
	public void close() {
		Socket current = this.socket;
		this.socket = null;
		this.in = null;
		this.out = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// nothing left to do with it
			}
		}
	}

}
