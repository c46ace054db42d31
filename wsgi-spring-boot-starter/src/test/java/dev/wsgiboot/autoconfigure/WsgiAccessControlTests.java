package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access rules over real HTTP: {@code Allow from env=} and {@code Require env}
 * with a SetEnvIf variable, {@code <RequireAny>}, {@code <RequireAll>} with a
 * {@code <RequireNone>}, {@code Satisfy Any}, the same rules as
 * {@code wsgi.locations[i].access} properties, and symbolic links refused
 * without {@code Options FollowSymLinks}.
 */
class WsgiAccessControlTests {

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() throws IOException {
		Path scripts = Files.createDirectories(directory.resolve("scripts"));
		try (InputStream script = WsgiAccessControlTests.class.getResourceAsStream("/wsgi/body.wsgi")) {
			Files.copy(script, scripts.resolve("app.wsgi"));
		}
		Path outside = Files.createDirectories(directory.resolve("outside"));
		Files.writeString(outside.resolve("secret.txt"), "secret\n");
		Path strict = Files.createDirectories(directory.resolve("strict"));
		Files.writeString(strict.resolve("plain.txt"), "plain\n");
		Files.createSymbolicLink(strict.resolve("escape.txt"), outside.resolve("secret.txt"));
		Path followed = Files.createDirectories(directory.resolve("followed"));
		Files.createSymbolicLink(followed.resolve("escape.txt"), outside.resolve("secret.txt"));
		Path users = directory.resolve("htpasswd");
		Files.writeString(users, "alice:$2y$05$GEpW3fNs9n7wASc.yO1tJu9wJaUBL1CQilU6lTVAFldnYjSFAhkka\n");
		Path conf = directory.resolve("site.conf");
		Files.writeString(conf, """
				ServerName access.test
				SetEnvIf X-Trusted ^yes$ trusted
				SetEnvIf X-Blocked ^yes$ blocked
				Alias /strict %2$s
				Alias /followed %3$s
				WSGIScriptAlias / %1$s/app.wsgi
				<Directory %2$s>
				Options None
				</Directory>
				<Directory %3$s>
				Options FollowSymLinks
				</Directory>
				<Location /compat>
				Order deny,allow
				Deny from all
				Allow from env=trusted
				</Location>
				<Location /any>
				<RequireAny>
				Require env trusted
				Require ip 10.0.0.0/8
				</RequireAny>
				</Location>
				<Location /all>
				<RequireAll>
				Require ip 127.0.0.1
				<RequireNone>
				Require env blocked
				</RequireNone>
				</RequireAll>
				</Location>
				<Location /satisfy>
				Order allow,deny
				Allow from env=trusted
				AuthType Basic
				AuthName "Satisfy"
				AuthUserFile %4$s
				Require valid-user
				Satisfy Any
				</Location>
				""".formatted(scripts, strict, followed, users));
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=access-control", "--wsgi.apache-config=file:" + conf,
				"--wsgi.locations[0].path=/props", "--wsgi.locations[0].access.require[0]=all: local; not env blocked");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// the first request creates the interpreter: slow on a busy machine
		new RawHttpClient(port).withTimeout(180_000).get("/warm-up");
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void allowFromEnvLetsInRequestsWithTheVariable() throws IOException {
		assertThat(get("/compat/x", "").status()).isEqualTo(403);
		assertThat(get("/compat/x", "X-Trusted: yes\r\n").status()).isEqualTo(200);
	}

	@Test
	void requireAnyGrantsOnOneLine() throws IOException {
		assertThat(get("/any/x", "").status()).isEqualTo(403);
		assertThat(get("/any/x", "X-Trusted: yes\r\n").status()).isEqualTo(200);
	}

	@Test
	void requireNoneInsideRequireAllDenies() throws IOException {
		assertThat(get("/all/x", "").status()).isEqualTo(200);
		assertThat(get("/all/x", "X-Blocked: yes\r\n").status()).isEqualTo(403);
	}

	@Test
	void satisfyAnyLetsTheHostRulesOrTheUserIn() throws IOException {
		assertThat(get("/satisfy/x", "X-Trusted: yes\r\n").status()).isEqualTo(200);
		RawResponse anonymous = get("/satisfy/x", "");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Satisfy\"");
		String alice = Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
		assertThat(get("/satisfy/x", "Authorization: Basic " + alice + "\r\n").status()).isEqualTo(200);
	}

	@Test
	void accessPropertiesApplyLikeTheFilesRules() throws IOException {
		assertThat(get("/props/x", "").status()).isEqualTo(200);
		assertThat(get("/props/x", "X-Blocked: yes\r\n").status()).isEqualTo(403);
	}

	@Test
	void symbolicLinksAreRefusedWithoutFollowSymLinks() throws IOException {
		RawResponse plain = get("/strict/plain.txt", "");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.text()).isEqualTo("plain\n");
		assertThat(get("/strict/escape.txt", "").status()).isEqualTo(403);
		RawResponse followed = get("/followed/escape.txt", "");
		assertThat(followed.status()).isEqualTo(200);
		assertThat(followed.text()).isEqualTo("secret\n");
		// dot segments are resolved before the mounts are matched: the request leaves /strict for the script
		RawResponse encodedDots = get("/strict/%2e%2e/outside/secret.txt", "");
		assertThat(encodedDots.status()).isEqualTo(200);
		assertThat(encodedDots.text()).startsWith("{").doesNotContain("secret");
		RawResponse dots = get("/strict/../outside/secret.txt", "");
		assertThat(dots.status()).isEqualTo(200);
		assertThat(dots.text()).startsWith("{").doesNotContain("secret");
	}

	private static RawResponse get(String target, String headers) throws IOException {
		return new RawHttpClient(port).send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
				+ "Connection: close\r\n\r\n");
	}

}
