package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The warm-up's connection against a scripted server on a real socket: every
 * way a response can end, reuse of the connection, a connection the server
 * closed while idle, and answers that are not HTTP.
 */
class WarmUpConnectionTests {

	private static final byte[] GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private ServerSocket server;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void readsEachFramingAndKeepsTheConnection() throws IOException {
		InetSocketAddress address = serve(List.of(
				"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
				"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n",
				"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
				"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"), false);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThat(connection.send(GET, false)).isEqualTo(200);
			assertThat(connection.send(GET, false)).isEqualTo(201);
			assertThat(connection.send(GET, false)).isEqualTo(204);
			assertThat(connection.send(GET, false)).isEqualTo(404);
		}
		assertThat(this.accepted).hasValue(1);
		assertThat(this.requestLines).containsExactly("GET / HTTP/1.1", "GET / HTTP/1.1", "GET / HTTP/1.1",
				"GET / HTTP/1.1");
	}

	@Test
	void headRequestHasNoBodyEvenWithALength() throws IOException {
		InetSocketAddress address = serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n",
				"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), false);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThat(connection.send(GET, true)).isEqualTo(200);
			assertThat(connection.send(GET, false)).isEqualTo(200);
		}
		assertThat(this.accepted).hasValue(1);
	}

	@Test
	void bodyToTheEndOfTheConnectionAndConnectionCloseOpenANewOne() throws IOException {
		InetSocketAddress address = serve(List.of("HTTP/1.1 200 OK\r\n\r\nuntil the end",
				"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx",
				"HTTP/1.0 302 Found\r\nContent-Length: 0\r\n\r\n"), true);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThat(connection.send(GET, false)).isEqualTo(200);
			assertThat(connection.send(GET, false)).isEqualTo(200);
			assertThat(connection.send(GET, false)).isEqualTo(302);
		}
		assertThat(this.accepted).hasValue(3);
	}

	@Test
	void aConnectionClosedWhileIdleIsOpenedAgain() throws IOException {
		// the server answers one request per connection, then closes without saying so
		InetSocketAddress address = serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
				"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), true);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThat(connection.send(GET, false)).isEqualTo(200);
			assertThat(connection.send(GET, false)).isEqualTo(200);
		}
		assertThat(this.accepted).hasValue(2);
	}

	@Test
	void notHttpIsAnError() throws IOException {
		InetSocketAddress address = serve(List.of("SSH-2.0-OpenSSH\r\n"), false);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThatIOException().isThrownBy(() -> connection.send(GET, false))
				.withMessageContaining("not an HTTP/1.x status line");
		}
	}

	@Test
	void truncatedBodyIsAnError() throws IOException {
		InetSocketAddress address = serve(List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), true);
		try (WarmUpConnection connection = new WarmUpConnection(address, 5000)) {
			assertThatIOException().isThrownBy(() -> connection.send(GET, false))
				.withMessageContaining("bytes before the end of the response body");
		}
	}

	@Test
	void refusedConnectionIsAnError() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		try (WarmUpConnection connection = new WarmUpConnection(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000)) {
			assertThatIOException().isThrownBy(() -> connection.send(GET, false));
		}
	}

	/**
	 * Answers the requests it reads with the given responses in turn. With
	 * {@code closeEach} every connection is closed after one answer.
	 */
	private InetSocketAddress serve(List<String> responses, boolean closeEach) throws IOException {
		this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		ServerSocket listening = this.server;
		Thread thread = new Thread(() -> {
			int next = 0;
			try {
				while (next < responses.size()) {
					try (Socket socket = listening.accept()) {
						this.accepted.incrementAndGet();
						InputStream in = socket.getInputStream();
						OutputStream out = socket.getOutputStream();
						do {
							String requestLine = RawHttpClient.readLine(in);
							if (requestLine == null) {
								break;
							}
							this.requestLines.add(requestLine);
							while (!RawHttpClient.readLine(in).isEmpty()) {
								// request headers
							}
							out.write(responses.get(next++).getBytes(StandardCharsets.ISO_8859_1));
							out.flush();
						}
						while (!closeEach && next < responses.size());
						if (!closeEach) {
							// let the client read to the end
							in.read();
						}
					}
				}
			}
			catch (IOException ex) {
				// the test ended
			}
		}, "scripted-http-server");
		thread.setDaemon(true);
		thread.start();
		return (InetSocketAddress) this.server.getLocalSocketAddress();
	}

}
