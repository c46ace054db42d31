package dev.wsgiboot.core.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpSyntaxTests {

	@Test
	void tokens() {
		assertThat(HttpSyntax.isToken("GET")).isTrue();
		assertThat(HttpSyntax.isToken("X-Custom_header.1~!#$%&'*+^`|")).isTrue();
		assertThat(HttpSyntax.isToken("")).isFalse();
		assertThat(HttpSyntax.isToken("GET /x")).isFalse();
		assertThat(HttpSyntax.isToken("Bad:Name")).isFalse();
		assertThat(HttpSyntax.isToken("tab\there")).isFalse();
		assertThat(HttpSyntax.isToken("caf\u00e9")).isFalse();
		assertThat(HttpSyntax.isToken("a\u007f")).isFalse();
	}

}
