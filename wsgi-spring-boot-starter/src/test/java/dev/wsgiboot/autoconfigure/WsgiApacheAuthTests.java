package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * Basic authentication from an Apache configuration, merged as Apache merges
 * sections: a {@code <Directory>} asks for a user, a {@code <Location>}'s own
 * {@code Require} lines replace the directory's, {@code Require} lines of one
 * section are alternatives, and static files of the directory are protected
 * too.
 */
class WsgiApacheAuthTests {

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() throws IOException {
		Path scripts = Files.createDirectories(directory.resolve("scripts"));
		try (InputStream script = WsgiApacheAuthTests.class.getResourceAsStream("/wsgi/body.wsgi")) {
			Files.copy(script, scripts.resolve("app.wsgi"));
		}
		Files.writeString(scripts.resolve("notes.txt"), "private notes\n");
		Path users = directory.resolve("htpasswd");
		Files.writeString(users, """
				alice:$2y$05$GEpW3fNs9n7wASc.yO1tJu9wJaUBL1CQilU6lTVAFldnYjSFAhkka
				bob:$apr1$frubl30U$QElkz/gMsOI4zCYElxRBq1
				""");
		Path conf = directory.resolve("site.conf");
		Files.writeString(conf, """
				ServerName auth.test
				WSGIScriptAlias / %1$s/app.wsgi
				Alias /notes.txt %1$s/notes.txt
				<Directory %1$s>
				AuthType Basic
				AuthName "Directory Realm"
				AuthUserFile %2$s
				Require user alice
				</Directory>
				<Location /open>
				Require all granted
				</Location>
				<Location /local>
				Require ip 127.0.0.1
				Require valid-user
				</Location>
				<Location /anyone>
				Require valid-user
				</Location>
				""".formatted(scripts, users));
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		context = application.run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=apache-auth", "--wsgi.apache-config=file:" + conf);
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// the first request creates the interpreter: slow on a busy machine
		new RawHttpClient(port).withTimeout(180_000).get("/open/warm-up");
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void directoryRequiresItsUser() throws IOException {
		RawResponse anonymous = get("/x", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Directory Realm\"");
		assertThat(get("/x", RawHttpClient.basic("bob", "builder")).status()).isEqualTo(401);
		assertThat(get("/x", RawHttpClient.basic("alice", "wonderland")).okJson()).containsEntry("REMOTE_USER", "alice")
			.containsEntry("AUTH_TYPE", "Basic");
	}

	@Test
	void locationRequireReplacesTheDirectorys() throws IOException {
		assertThat(get("/open/x", null).okJson()).containsEntry("REMOTE_USER", null);
		assertThat(get("/anyone/x", RawHttpClient.basic("bob", "builder")).okJson()).containsEntry("REMOTE_USER", "bob");
	}

	@Test
	void aGrantingHostLineNeedsNoPassword() throws IOException {
		assertThat(get("/local/x", null).okJson()).containsEntry("REMOTE_USER", null).containsEntry("AUTH_TYPE", null);
	}

	@Test
	void staticFilesOfTheDirectoryAreProtectedToo() throws IOException {
		assertThat(get("/notes.txt", null).status()).isEqualTo(401);
		RawResponse allowed = get("/notes.txt", RawHttpClient.basic("alice", "wonderland"));
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.text()).isEqualTo("private notes\n");
	}

	private static RawResponse get(String target, String authorization) throws IOException {
		return new RawHttpClient(port).send("GET", target, authorization);
	}

}
