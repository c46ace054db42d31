package dev.wsgiboot.autoconfigure.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends byte-exact HTTP/1.x requests over a plain socket (no URL normalising
 * client in the way) and reads the response to the end of the connection.
 */
public final class RawHttpClient {

	private final int port;

	private final int timeoutMillis;

	public RawHttpClient(int port) {
		this(port, 30_000);
	}

	/** A client waiting up to {@code timeoutMillis} for each read, e.g. for a request that starts an interpreter. */
	public RawHttpClient(int port, int timeoutMillis) {
		this.port = port;
		this.timeoutMillis = timeoutMillis;
	}

	/** A client that waits up to {@code millis} for answers, e.g. for a first request that creates an interpreter. */
	public RawHttpClient withTimeout(int millis) {
		return new RawHttpClient(this.port, millis);
	}

	/** Sends {@code GET target} with a Host header and {@code Connection: close}. */
	public RawResponse get(String target) throws IOException {
		return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n");
	}

	/** Sends {@code method target} with {@code Connection: close} and, unless {@code null}, an Authorization header. */
	public RawResponse send(String method, String target, String authorization) throws IOException {
		return send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ ((authorization != null) ? "Authorization: " + authorization + "\r\n" : "")
				+ "Connection: close\r\n\r\n");
	}

	/** An {@code Authorization} header value for HTTP basic authentication. */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public RawResponse send(String head) throws IOException {
		return send(head.getBytes(StandardCharsets.UTF_8), new byte[0]);
	}

	public RawResponse send(byte[] head, byte[] body) throws IOException {
		try (Socket socket = open()) {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.write(body);
			out.flush();
			return RawResponse.parse(socket.getInputStream().readAllBytes());
		}
	}

	public Socket open() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		socket.setSoTimeout(this.timeoutMillis);
		return socket;
	}

	/** Reads one CRLF-terminated line (without the CRLF), or {@code null} at the end of the stream. */
	public static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	/** A parsed response; the body is de-chunked, {@code complete} is false for a truncated chunked body. */
	public record RawResponse(int status, List<String[]> headers, byte[] body, boolean complete) {

		public String header(String name) {
			for (String[] header : this.headers) {
				if (header[0].equalsIgnoreCase(name)) {
					return header[1];
				}
			}
			return null;
		}

		/** The JSON document of a 200 answer (the probe's or a test application's). */
		public Map<String, Object> okJson() {
			assertThat(this.status).as(text()).isEqualTo(200);
			return OracleGolden.parse(this.body);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * The status line and headers of a response (after any interim 1xx
		 * response), read up to the blank line; the body is left in the stream.
		 */
		public static RawResponse readHead(InputStream in) throws IOException {
			String statusLine = readLine(in);
			while (statusLine != null && statusLine.startsWith("HTTP/1.1 1") && !statusLine.startsWith("HTTP/1.1 1 ")) {
				// interim 1xx response: skip its headers
				while (!readLine(in).isEmpty()) {
				}
				statusLine = readLine(in);
			}
			if (statusLine == null) {
				throw new IOException("empty response");
			}
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			String line;
			while ((line = readLine(in)) != null && !line.isEmpty()) {
				int colon = line.indexOf(':');
				headers.add(new String[] { line.substring(0, colon).trim(), line.substring(colon + 1).trim() });
			}
			return new RawResponse(status, headers, new byte[0], true);
		}

		public static RawResponse parse(byte[] raw) throws IOException {
			InputStream in = new java.io.ByteArrayInputStream(raw);
			RawResponse head = readHead(in);
			int status = head.status();
			List<String[]> headers = head.headers();
			String encoding = head.header("Transfer-Encoding");
			if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				while (true) {
					String size = readLine(in);
					if (size == null) {
						return new RawResponse(status, headers, body.toByteArray(), false);
					}
					int n = Integer.parseInt(size.split(";")[0].trim(), 16);
					if (n == 0) {
						return new RawResponse(status, headers, body.toByteArray(), true);
					}
					byte[] chunk = in.readNBytes(n);
					body.write(chunk);
					if (chunk.length < n || readLine(in) == null) {
						return new RawResponse(status, headers, body.toByteArray(), false);
					}
				}
			}
			byte[] body = in.readAllBytes();
			String length = head.header("Content-Length");
			boolean complete = length == null || Long.parseLong(length) == body.length;
			return new RawResponse(status, headers, body, complete);
		}

	}

}
