package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wsgi.warm-up.hold-readiness=false}: the application is ready at once
 * and the warm-up goes on in the background, next to other requests, until the
 * JIT compilers have been quiet for the quiet period; a {@code Host} header
 * replaces the default one.
 */
@SpringBootTest(classes = { WsgiTestApplication.class, WsgiWarmUpTests.ReadyAt.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wsgi.script-aliases[0].url=/warm", "wsgi.script-aliases[0].path=classpath:wsgi/warm_up.wsgi",
				"wsgi.warm-up.requests[0].url=/warm/background",
				"wsgi.warm-up.requests[0].headers.Host=warm.example:1234", "wsgi.warm-up.duration=150s",
				"wsgi.warm-up.quiet-period=2s",
				"wsgi.warm-up.concurrency=1", "wsgi.warm-up.hold-readiness=false" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiWarmUpInBackgroundTests {

	@LocalServerPort
	int port;

	@Autowired
	WsgiWarmUpTests.ReadyAt readyAt;

	@Test
	void runsAfterTheApplicationIsReady(CapturedOutput output) throws IOException, InterruptedException {
		long deadline = System.currentTimeMillis() + 180_000;
		while (!output.getAll().contains("answers in") && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(output.getAll())
			.contains("WSGI warm-up: 1 request(s) on 1 connection(s) for at most 150s (until the JIT compilers have been "
					+ "quiet for 2s), in the background")
			.containsPattern("WSGI warm-up: \\d+ answers in \\d+ ms, ended once the JIT compilers had been quiet for 2s "
					+ "\\(GET /warm/background 200 x \\d+\\)");
		// the Host header names the application group (interpreter) the warm-up ran in
		Map<String, Object> stats = new RawHttpClient(this.port)
			.send("GET /warm/stats HTTP/1.1\r\nHost: warm.example:1234\r\nConnection: close\r\n\r\n")
			.okJson();
		assertThat(stats).containsEntry("host", "warm.example:1234");
		long lastWarmUpRequest = (long) (((Number) stats.get("last")).doubleValue() * 1000);
		assertThat(lastWarmUpRequest).isGreaterThan(this.readyAt.millis.get());
	}

}
