package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Python mount protected by Spring Security (HTTP Basic, an in-memory user)
 * instead of Apache-style configuration: the user Spring Security
 * authenticated reaches the environ as REMOTE_USER, with AUTH_TYPE from the
 * Authorization scheme; the other mount stays open.
 */
@SpringBootTest(classes = WsgiSpringSecurityTests.SecuredApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=spring-security", "wsgi.script-aliases[0].url=/private",
				"wsgi.script-aliases[0].path=classpath:wsgi/body.wsgi", "wsgi.script-aliases[1].url=/public",
				"wsgi.script-aliases[1].path=classpath:wsgi/body.wsgi" })
class WsgiSpringSecurityTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void warmUp() throws IOException {
		// the first request creates the interpreter: slow on a busy machine
		assertThat(new RawHttpClient(this.port).withTimeout(180_000).get("/public/warm-up").status()).isEqualTo(200);
	}

	@Test
	void springSecurityGuardsTheMount() throws IOException {
		RawResponse response = get("/private/x", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic ");
		assertThat(get("/private/x", RawHttpClient.basic("carol", "wrong")).status()).isEqualTo(401);
	}

	@Test
	void theAuthenticatedUserIsRemoteUser() throws IOException {
		Map<String, Object> environ = get("/private/x", RawHttpClient.basic("carol", "secret")).okJson();
		assertThat(environ).containsEntry("REMOTE_USER", "carol")
			.containsEntry("AUTH_TYPE", "Basic")
			.containsEntry("HTTP_AUTHORIZATION", null);
	}

	@Test
	void theOpenMountHasNoUser() throws IOException {
		Map<String, Object> environ = get("/public/x", null).okJson();
		assertThat(environ).containsEntry("REMOTE_USER", null).containsEntry("AUTH_TYPE", null);
	}

	private RawResponse get(String target, String authorization) throws IOException {
		return new RawHttpClient(this.port).send("GET", target, authorization);
	}

	/** Auto-configuration with Spring Security on: /private/** needs a user, everything else is open. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/private/**")
				.authenticated()
				.anyRequest()
				.permitAll()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("carol").password("{noop}secret").roles("USER").build());
		}

	}

}
