package dev.wsgiboot.core.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestHost}. The expected values were recorded from a real
 * Apache httpd ({@code UseCanonicalName Off}).
 */
class RequestHostTests {

	@Test
	void hostWithPortIsSplit() {
		assertThat(RequestHost.of("127.0.0.1:8080", "server.test", false))
			.isEqualTo(new RequestHost("127.0.0.1", 8080));
	}

	@Test
	void hostWithoutPortUsesHttpDefaultPort() {
		assertThat(RequestHost.of("localhost", "server.test", false)).isEqualTo(new RequestHost("localhost", 80));
	}

	@Test
	void hostWithoutPortUsesHttpsDefaultPortWhenSecure() {
		assertThat(RequestHost.of("localhost", "server.test", true)).isEqualTo(new RequestHost("localhost", 443));
	}

	@Test
	void explicitDefaultPortIsKept() {
		assertThat(RequestHost.of("www.example.com:80", "server.test", false))
			.isEqualTo(new RequestHost("www.example.com", 80));
	}

	@Test
	void hostNameIsLowerCased() {
		assertThat(RequestHost.of("WWW.Example.COM:8080", "server.test", false))
			.isEqualTo(new RequestHost("www.example.com", 8080));
	}

	@Test
	void ipv6LiteralWithPortKeepsBrackets() {
		assertThat(RequestHost.of("[::1]:8080", "server.test", false)).isEqualTo(new RequestHost("[::1]", 8080));
	}

	@Test
	void ipv6LiteralWithoutPortUsesDefaultPort() {
		assertThat(RequestHost.of("[::1]", "server.test", false)).isEqualTo(new RequestHost("[::1]", 80));
	}

	@Test
	void trailingDotIsRemoved() {
		assertThat(RequestHost.of("www.example.com.", "server.test", false))
			.isEqualTo(new RequestHost("www.example.com", 80));
	}

	@Test
	void missingHostUsesServerName() {
		assertThat(RequestHost.of(null, "server.test", false)).isEqualTo(new RequestHost("server.test", 80));
	}

	@Test
	void emptyHostUsesServerName() {
		assertThat(RequestHost.of("", "server.test", false)).isEqualTo(new RequestHost("server.test", 80));
	}

	@Test
	void missingHostUsesServerNameAndHttpsPortWhenSecure() {
		assertThat(RequestHost.of(null, "server.test", true)).isEqualTo(new RequestHost("server.test", 443));
		assertThat(RequestHost.of("", "server.test", true)).isEqualTo(new RequestHost("server.test", 443));
	}

	@Test
	void withPortLeavesOutHttpDefaultPort() {
		assertThat(RequestHost.withPort("h", 80)).isEqualTo("h");
	}

	@Test
	void withPortLeavesOutHttpsDefaultPort() {
		assertThat(RequestHost.withPort("h", 443)).isEqualTo("h");
	}

	@Test
	void withPortAppendsOtherPorts() {
		assertThat(RequestHost.withPort("h", 8080)).isEqualTo("h:8080");
	}

	@Test
	void asciiLowerCaseLowersAsciiLettersOnly() {
		assertThat(RequestHost.asciiLowerCase("WWW.Ex\u00C9mple.COM")).isEqualTo("www.ex\u00C9mple.com");
	}

	@Test
	void asciiLowerCaseReturnsSameInstanceWhenAlreadyLowerCase() {
		String name = "www.example.com";
		assertThat(RequestHost.asciiLowerCase(name)).isSameAs(name);
	}

}
