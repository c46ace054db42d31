package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wsgi.warm-up}: the configured requests reach the application as
 * written (method, target, headers, body), round-robin, answers of every
 * framing are read, statuses other than 2xx/3xx are reported with the property
 * to check, and the application reports ready only after the warm-up.
 */
@SpringBootTest(classes = { WsgiTestApplication.class, WsgiWarmUpTests.ReadyAt.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wsgi.script-aliases[0].url=/warm", "wsgi.script-aliases[0].path=classpath:wsgi/warm_up.wsgi",
				"wsgi.script-aliases[0].preload=true", "wsgi.warm-up.requests[0].url=/warm/count?x=1",
				"wsgi.warm-up.requests[1].url=/warm/echo", "wsgi.warm-up.requests[1].method=POST",
				"wsgi.warm-up.requests[1].body=ping", "wsgi.warm-up.requests[1].headers.X-Warm=yes",
				"wsgi.warm-up.requests[2].url=/warm/missing", "wsgi.warm-up.requests[3].url=/warm/chunked",
				"wsgi.warm-up.duration=2s", "wsgi.warm-up.until-compiled=false", "wsgi.warm-up.concurrency=3" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiWarmUpTests {

	@LocalServerPort
	int port;

	@Autowired
	ReadyAt readyAt;

	@Autowired
	ApplicationAvailability availability;

	@Test
	@SuppressWarnings("unchecked")
	void sendsTheConfiguredRequestsBeforeTheApplicationIsReady() throws IOException {
		Map<String, Object> stats = new RawHttpClient(this.port).get("/warm/stats").okJson();
		Map<String, Object> counts = (Map<String, Object>) stats.get("counts");
		assertThat(counts).containsOnlyKeys("GET /count?x=1", "POST /echo", "GET /missing", "GET /chunked");
		// each once in order, then round-robin for 2 s on 3 connections
		assertThat(counts.values()).allSatisfy((count) -> assertThat(((Number) count).longValue()).isGreaterThan(1));
		assertThat(stats).containsEntry("body", "ping").containsEntry("x_warm", "yes");
		// the address it connects to, as a local client would send it
		assertThat(stats).containsEntry("host", "127.0.0.1:" + this.port);
		long lastWarmUpRequest = (long) (((Number) stats.get("last")).doubleValue() * 1000);
		assertThat(lastWarmUpRequest).isLessThanOrEqualTo(this.readyAt.millis.get());
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void logsTheAnswersAndWarnsAboutUnsuccessfulOnes(CapturedOutput output) {
		// the context (and its log) may have been started by the other test: the output of the whole JVM run
		assertThat(output.getAll()).contains("WSGI warm-up: 4 request(s) on 3 connection(s) for 2s before the application reports ready")
			.containsPattern("WSGI warm-up: \\d+ answers in \\d+ ms, ended after 2s \\(GET /warm/count\\?x=1 200 x \\d+, POST /warm/echo 200 x \\d+, "
					+ "GET /warm/missing 404 x \\d+, GET /warm/chunked 200 x \\d+\\)")
			.containsPattern("WSGI warm-up: GET /warm/missing got \\d+ answer\\(s\\) other than 2xx/3xx \\(404 x \\d+\\); "
					+ "check wsgi.warm-up.requests\\[2\\]")
			.doesNotContain("not sent again");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReadyAt implements ApplicationListener<ApplicationReadyEvent> {

		final AtomicLong millis = new AtomicLong();

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			this.millis.compareAndSet(0, System.currentTimeMillis());
		}

	}

}
