package dev.wsgiboot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.wsgiboot.autoconfigure.WsgiWarmUpProperties.WarmUpRequest;
import dev.wsgiboot.core.config.WsgiConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Binding and checking {@code wsgi.warm-up.*}; a bad value names its property.
 */
class WsgiWarmUpPropertiesTests {

	@Test
	void noRequestsMeansNoWarmUp() {
		WsgiWarmUpProperties properties = bind(Map.of());
		assertThat(properties.toRequests()).isEmpty();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getDuration()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.isUntilCompiled()).isTrue();
		assertThat(properties.getQuietPeriod()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(properties.isHoldReadiness()).isTrue();
		assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void switchedOffMeansNoWarmUpEvenWithRequests() {
		WsgiWarmUpProperties properties = bind(
				Map.of("wsgi.warm-up.enabled", "false", "wsgi.warm-up.requests[0].url", "/app/"));
		assertThat(properties.getRequests()).hasSize(1);
		assertThat(properties.toRequests()).isEmpty();
	}

	@Test
	void requestsDefaultToGetWithoutBody() {
		List<WarmUpRequest> requests = bind(Map.of("wsgi.warm-up.requests[0].url", "/app/?q=1",
				"wsgi.warm-up.requests[1].url", "/echo", "wsgi.warm-up.requests[1].method", "POST",
				"wsgi.warm-up.requests[1].body", "é", "wsgi.warm-up.requests[1].headers.Content-Type", "text/plain"))
			.toRequests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).describe()).isEqualTo("GET /app/?q=1");
		assertThat(requests.get(0).property()).isEqualTo("wsgi.warm-up.requests[0]");
		String get = new String(WarmUpConnection.encode(requests.get(0), "web:8080"), StandardCharsets.ISO_8859_1);
		assertThat(get).isEqualTo(
				"GET /app/?q=1 HTTP/1.1\r\nHost: web:8080\r\nUser-Agent: wsgi-spring-boot-warm-up\r\n\r\n");
		String post = new String(WarmUpConnection.encode(requests.get(1), "web:8080"), StandardCharsets.UTF_8);
		assertThat(post).startsWith("POST /echo HTTP/1.1\r\nHost: web:8080\r\n")
			.containsIgnoringCase("Content-Type: text/plain\r\n")
			.endsWith("Content-Length: 2\r\n\r\né");
	}

	@Test
	void emptyPostSendsZeroLength() {
		WarmUpRequest post = bind(Map.of("wsgi.warm-up.requests[0].url", "/p", "wsgi.warm-up.requests[0].method", "POST"))
			.toRequests()
			.get(0);
		assertThat(new String(WarmUpConnection.encode(post, "h"), StandardCharsets.ISO_8859_1))
			.contains("Content-Length: 0\r\n\r\n");
	}

	@Test
	void missingUrlIsNamed() {
		assertFailure(Map.of("wsgi.warm-up.requests[0].method", "GET"), "wsgi.warm-up.requests[0].url", "not set");
	}

	@Test
	void urlMustBeAPath() {
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "http://example.com/"), "wsgi.warm-up.requests[0].url",
				"must be a path");
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/a b"), "wsgi.warm-up.requests[0].url", "must be a path");
	}

	@Test
	void badMethodIsNamed() {
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.requests[0].method", "GET /x"),
				"wsgi.warm-up.requests[0].method", "not a request method");
	}

	@Test
	void headersTheWarmUpWritesItselfAreRefused() {
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.requests[0].headers.Content-Length", "3"),
				"wsgi.warm-up.requests[0].headers.Content-Length", "set by the warm-up itself");
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.requests[0].headers.Connection", "close"),
				"wsgi.warm-up.requests[0].headers.Connection", "set by the warm-up itself");
	}

	@Test
	void badDurationsAndConcurrencyAreNamed() {
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.duration", "-1s"),
				"wsgi.warm-up.duration", "must not be negative");
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.concurrency", "0"),
				"wsgi.warm-up.concurrency", "at least 1");
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.quiet-period", "0s"),
				"wsgi.warm-up.quiet-period", "positive");
		assertFailure(Map.of("wsgi.warm-up.requests[0].url", "/", "wsgi.warm-up.request-timeout", "0s"),
				"wsgi.warm-up.request-timeout", "positive");
	}

	private static void assertFailure(Map<String, String> values, String origin, String reason) {
		WsgiWarmUpProperties properties = bind(values);
		assertThatExceptionOfType(WsgiConfigException.class).isThrownBy(properties::toRequests)
			.satisfies((ex) -> assertThat(ex.getOrigin()).isEqualTo(origin))
			.satisfies((ex) -> assertThat(ex.getReason()).contains(reason));
	}

	private static WsgiWarmUpProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("wsgi.warm-up",
				WsgiWarmUpProperties.class);
	}

}
