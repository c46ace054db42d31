package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wsgi.locations[].auth} (AuthType Basic, AuthName, AuthUserFile,
 * Require): 401 with the realm's challenge before the application; after a
 * valid password AUTH_TYPE and REMOTE_USER reach the environ, the
 * Authorization header only with pass-authorization; the htpasswd file is read
 * again when it changes.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=basic-auth", "wsgi.script-aliases[0].url=/",
				"wsgi.script-aliases[0].path=classpath:wsgi/body.wsgi" })
class WsgiBasicAuthTests {

	/** alice:wonderland (bcrypt), bob:builder ($apr1$); carol is added by a test. */
	private static final Path USERS = createUsers();

	@LocalServerPort
	int port;

	/** The locations in one property source (a list is bound from one source), with the user file's path. */
	@DynamicPropertySource
	static void locations(DynamicPropertyRegistry registry) {
		registry.add("wsgi.locations[0].path", () -> "/secure");
		registry.add("wsgi.locations[0].auth.realm", () -> "Test \"Realm\"");
		registry.add("wsgi.locations[1].path", () -> "/bob-only");
		registry.add("wsgi.locations[1].auth.realm", () -> "Bob");
		registry.add("wsgi.locations[1].auth.require", () -> "user bob");
		registry.add("wsgi.locations[2].path", () -> "/passauth");
		registry.add("wsgi.locations[2].auth.realm", () -> "Pass");
		registry.add("wsgi.locations[2].pass-authorization", () -> "true");
		for (int i = 0; i < 3; i++) {
			registry.add("wsgi.locations[" + i + "].auth.user-file", USERS::toString);
		}
	}

	@BeforeEach
	void warmUp() throws IOException {
		// the first request creates the interpreter: slow on a busy machine
		assertThat(new RawHttpClient(this.port).withTimeout(180_000).get("/warm-up").status()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsTheChallengeComesBeforeTheApplication() throws IOException {
		RawResponse response = request("GET", "/secure/x", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Test \\\"Realm\\\"\"");
		assertThat(response.text()).doesNotContain("body_length");
		RawResponse head = request("HEAD", "/secure/x", null);
		assertThat(head.status()).isEqualTo(401);
		assertThat(head.body()).isEmpty();
	}

	@Test
	void wrongPasswordUnknownUserAndOtherSchemesAreChallenged() throws IOException {
		assertThat(request("GET", "/secure/x", RawHttpClient.basic("alice", "wrong")).status()).isEqualTo(401);
		assertThat(request("GET", "/secure/x", RawHttpClient.basic("mallory", "wonderland")).status()).isEqualTo(401);
		assertThat(request("GET", "/secure/x", "Bearer abc").status()).isEqualTo(401);
	}

	@Test
	void validUserReachesTheApplicationAsRemoteUser() throws IOException {
		Map<String, Object> environ = request("GET", "/secure/x", RawHttpClient.basic("alice", "wonderland")).okJson();
		assertThat(environ).containsEntry("AUTH_TYPE", "Basic")
			.containsEntry("REMOTE_USER", "alice")
			.containsEntry("HTTP_AUTHORIZATION", null);
		assertThat(request("GET", "/secure", RawHttpClient.basic("bob", "builder")).okJson()).containsEntry("REMOTE_USER", "bob");
	}

	@Test
	void requireUserAdmitsOnlyTheNamedUsers() throws IOException {
		RawResponse alice = request("GET", "/bob-only/x", RawHttpClient.basic("alice", "wonderland"));
		assertThat(alice.status()).isEqualTo(401);
		assertThat(alice.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bob\"");
		assertThat(request("GET", "/bob-only/x", RawHttpClient.basic("bob", "builder")).okJson()).containsEntry("REMOTE_USER", "bob");
	}

	@Test
	void passAuthorizationPassesTheHeaderToo() throws IOException {
		String authorization = RawHttpClient.basic("alice", "wonderland");
		assertThat(request("GET", "/passauth/x", authorization).okJson()).containsEntry("REMOTE_USER", "alice")
			.containsEntry("HTTP_AUTHORIZATION", authorization);
	}

	@Test
	void changedUserFileIsReadAgain() throws IOException {
		assertThat(request("GET", "/secure/x", RawHttpClient.basic("carol", "s3cret:x")).status()).isEqualTo(401);
		Files.writeString(USERS, "carol:{SHA}FEI6rNnb7XvP5yNyknSZvByyHbQ=\n", StandardCharsets.ISO_8859_1,
				java.nio.file.StandardOpenOption.APPEND);
		Files.setLastModifiedTime(USERS, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(request("GET", "/secure/x", RawHttpClient.basic("carol", "s3cret:x")).okJson()).containsEntry("REMOTE_USER",
				"carol");
	}

	private RawResponse request(String method, String target, String authorization) throws IOException {
		return new RawHttpClient(this.port).send(method, target, authorization);
	}

	private static Path createUsers() {
		try {
			Path file = Files.createTempFile("htpasswd", "");
			file.toFile().deleteOnExit();
			Files.writeString(file, """
					alice:$2y$05$GEpW3fNs9n7wASc.yO1tJu9wJaUBL1CQilU6lTVAFldnYjSFAhkka
					bob:$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1
					""", StandardCharsets.ISO_8859_1);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
