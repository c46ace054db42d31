package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wsgi.limit-request-body} (LimitRequestBody) and
 * {@code wsgi.chunked-request} (WSGIChunkedRequest), server-wide and per
 * location: a declared length over the limit is a 413 before the application,
 * without reading the body or sending {@code 100 Continue}; chunked bodies are
 * a 411 unless allowed, and then the limit is enforced while the application
 * reads.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=limits", "wsgi.script-aliases[0].url=/",
				"wsgi.script-aliases[0].path=classpath:wsgi/body.wsgi", "wsgi.locations[0].path=/small",
				"wsgi.locations[0].limit-request-body=1024", "wsgi.locations[1].path=/chunked",
				"wsgi.locations[1].limit-request-body=1KB", "wsgi.locations[1].chunked-request=true",
				"wsgi.locations[2].path=/unlimited", "wsgi.locations[2].limit-request-body=0" })
class WsgiRequestLimitsTests {

	private static final long GIB = 1L << 30;

	@LocalServerPort
	int port;

	@BeforeEach
	void warmUp() throws IOException {
		// the first request creates the interpreter: slow on a busy machine
		assertThat(new RawHttpClient(this.port).withTimeout(180_000)
			.send("GET /warm-up HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			.status()).isEqualTo(200);
	}

	@Test
	void declaredLengthOverTheLimitIsRefusedAtOnceWithoutTheBody() throws IOException {
		try (Socket socket = new RawHttpClient(this.port).open()) {
			socket.setSoTimeout(10_000);
			// headers only: the body is never sent, so an answer proves nothing waited for it
			send(socket, "POST /small/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
			String answer = readToEnd(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 413 ").containsIgnoringCase("Connection: close");
		}
	}

	@Test
	void expectContinueOverTheLimitGets413AndNo100Continue() throws IOException {
		try (Socket socket = new RawHttpClient(this.port).open()) {
			socket.setSoTimeout(10_000);
			send(socket, "POST /small/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
					+ "Expect: 100-continue\r\n\r\n");
			assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
		}
	}

	@Test
	void expectContinueUnderTheLimitGets100ContinueWhenTheApplicationReads() throws IOException {
		try (Socket socket = new RawHttpClient(this.port).open()) {
			socket.setSoTimeout(30_000);
			send(socket, "POST /small/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n"
					+ "Expect: 100-continue\r\nConnection: close\r\n\r\n");
			InputStream in = socket.getInputStream();
			assertThat(RawHttpClient.readLine(in)).isEqualTo("HTTP/1.1 100 ");
			assertThat(RawHttpClient.readLine(in)).isEmpty();
			send(socket, "x".repeat(1024));
			String answer = readToEnd(in);
			assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"body_length\": 1024");
		}
	}

	@Test
	void defaultLimitIsOneGibibyte() throws IOException {
		RawResponse over = new RawHttpClient(this.port).send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: "
				+ (GIB + 1) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
		assertThat(over.status()).isEqualTo(413);
	}

	@Test
	void unreadBodyTheClientWaitsToSendClosesTheConnectionAtOnce() throws IOException {
		try (Socket socket = new RawHttpClient(this.port).open()) {
			// well under Tomcat's maxSwallowSize: Tomcat alone would wait for these bytes until it timed out
			socket.setSoTimeout(10_000);
			send(socket, "POST /upload?noread HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
					+ "Expect: 100-continue\r\n\r\n");
			String answer = readToEnd(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 200 ").doesNotContain("100 Continue")
				.contains("\"body_length\": 0");
		}
	}

	@Test
	void zeroMeansNoLimit() throws IOException {
		RawResponse response = new RawHttpClient(this.port).send("POST /unlimited/x?noread HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Length: " + (2 * GIB) + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.okJson()).containsEntry("CONTENT_LENGTH", Long.toString(2 * GIB));
	}

	@Test
	void chunkedBodyIsLengthRequiredUnlessAllowed() throws IOException {
		RawResponse response = new RawHttpClient(this.port).send(chunked("/small/upload", 10), new byte[0]);
		assertThat(response.status()).isEqualTo(411);
	}

	@Test
	void allowedChunkedBodyUnderTheLimitIsRead() throws IOException {
		RawResponse response = new RawHttpClient(this.port).send(chunked("/chunked/upload", 1000), new byte[0]);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.okJson()).containsEntry("body_length", 1000).containsEntry("read_error", null);
	}

	@Test
	void allowedChunkedBodyOverTheLimitMakesTheReadRaiseAndTheAnswerA413() throws IOException {
		RawResponse response = new RawHttpClient(this.port).send(chunked("/chunked/upload", 2000), new byte[0]);
		assertThat(response.status()).isEqualTo(413);
		// same Host, so same application group (interpreter) as the upload
		Map<String, Object> last = new RawHttpClient(this.port)
			.send("GET /chunked/last-error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").okJson();
		assertThat((String) last.get("last_error")).startsWith("OSError: ").contains("LimitRequestBody");
	}

	private byte[] chunked(String target, int length) {
		String head = "POST " + target + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ Integer.toHexString(length) + "\r\n" + "x".repeat(length) + "\r\n0\r\n\r\n";
		return head.getBytes(StandardCharsets.US_ASCII);
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String readToEnd(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
	}

}
