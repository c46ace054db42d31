package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rewrite rules, SetEnvIf and the scoped mod_env directives over real HTTP with
 * real scripts: once from an Apache file (server and per-directory rules,
 * internal redirects, the redirect limit, a directory's process group), once
 * from {@code wsgi.rewrite.*} properties.
 */
class WsgiRewriteTests {

	static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		application.setLogStartupInfo(false);
		return application.run(args);
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	static Path probe(Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		try (InputStream in = WsgiRewriteTests.class.getResourceAsStream("/wsgi/envprobe.wsgi")) {
			Path script = directory.resolve(name);
			Files.copy(in, script);
			return script;
		}
	}

	/**
	 * A first request that may wait for the interpreter to start on a busy
	 * machine, longer than the client's usual read timeout.
	 */
	static void warmUp(RawHttpClient client, String target) throws IOException {
		try (Socket socket = client.open()) {
			socket.setSoTimeout(300_000);
			socket.getOutputStream()
				.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getInputStream().readAllBytes();
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> environ(RawResponse response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return (Map<String, Object>) OracleGolden.parse(response.body()).get("environ");
	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class FromApacheFile {

		Path dir;

		ConfigurableApplicationContext context;

		RawHttpClient client;

		@BeforeAll
		void startServer() throws IOException {
			this.dir = Files.createTempDirectory("rewrite-tests");
			Path scripts = this.dir.resolve("scripts");
			Path app = probe(scripts, "app.wsgi");
			probe(scripts, "alias.wsgi");
			probe(scripts, "loop.wsgi");
			Path pg = probe(scripts.resolve("pg"), "pg.wsgi");
			Files.writeString(Files.createDirectories(this.dir.resolve("docroot")).resolve("hello.txt"), "hello\n");
			Path conf = this.dir.resolve("rewrite.conf");
			Files.writeString(conf, """
					ServerName rewrite.test
					DocumentRoot DIR/docroot
					WSGIDaemonProcess pg-a threads=2
					WSGIScriptAlias /app APP
					WSGIScriptAlias /pg PG
					WSGIScriptAlias /dir/ DIR/scripts/
					SetEnv from.setenv 0
					SetEnv dropped 1
					UnsetEnv dropped
					SetEnvIf Remote_Addr ^127\\.0\\.0\\.1$ from.setenvif=1
					RewriteEngine On
					RewriteMap lower int:tolower
					RewriteRule ^/old/(.*)$ /app/$1 [R=301,L]
					RewriteRule ^/secret - [F]
					RewriteRule ^/gone - [G]
					RewriteRule ^/short/(.*)$ /app/${lower:$1} [PT,QSA,E=via.short:1]
					RewriteRule ^/nowhere/(.*)$ /nothing/$1 [PT]
					RewriteRule ^/app - [E=from.setenv:1,E=from.rule:1]
					RewriteRule ^/static/(.*)$ /$1
					RewriteRule ^/source$ DIR/scripts/app.wsgi
					<Directory DIR/scripts>
					RewriteEngine On
					RewriteRule ^alias\\.wsgi(.*)$ /app$1 [E=per.dir:1]
					RewriteRule ^loop\\.wsgi(.*)$ /dir/loop.wsgi/again$1
					RewriteCond %{REQUEST_FILENAME} !-f
					RewriteRule ^missing(.*)$ /app/from-missing$1
					</Directory>
					<Directory DIR/scripts/pg>
					WSGIProcessGroup pg-a
					</Directory>
					""".replace("DIR", this.dir.toString()).replace("APP", app.toString()).replace("PG", pg.toString()));
			this.context = start("--server.port=0", "--server.address=127.0.0.1", "--spring.application.name=rewrite",
					"--wsgi.apache-config=file:" + conf);
			this.client = new RawHttpClient(port(this.context));
			warmUp(this.client, "/app/warm-up");
		}

		@AfterAll
		void stopServer() {
			if (this.context != null) {
				this.context.close();
			}
		}

		@Test
		void setEnvWinsOverRuleVariablesAndSetEnvIfIsSeen() throws IOException {
			Map<String, Object> environ = environ(this.client.get("/app/x"));
			assertThat(environ).containsEntry("from.setenv", "0")
				.containsEntry("from.rule", "1")
				.containsEntry("from.setenvif", "1")
				.containsEntry("SCRIPT_URL", "/app/x")
				.doesNotContainKey("dropped");
		}

		@Test
		void passThroughMapsTheNewUrlWithItsQuery() throws IOException {
			Map<String, Object> environ = environ(this.client.get("/short/ABC?q=1"));
			assertThat(environ).containsEntry("SCRIPT_NAME", "/app")
				.containsEntry("PATH_INFO", "/abc")
				.containsEntry("QUERY_STRING", "q=1")
				.containsEntry("REQUEST_URI", "/short/ABC?q=1")
				.containsEntry("via.short", "1");
		}

		@Test
		void redirectForbiddenGoneAndNotFoundAreAnsweredByRules() throws IOException {
			RawResponse redirect = this.client.get("/old/a?b=1");
			assertThat(redirect.status()).isEqualTo(301);
			assertThat(redirect.header("Location")).isEqualTo("http://127.0.0.1:" + port(this.context) + "/app/a?b=1");
			assertThat(this.client.get("/secret/x").status()).isEqualTo(403);
			assertThat(this.client.get("/gone").status()).isEqualTo(410);
			assertThat(this.client.get("/nowhere/x").status()).isEqualTo(404);
		}

		@Test
		void directoryRulesRedirectInternally() throws IOException {
			Map<String, Object> environ = environ(this.client.get("/dir/alias.wsgi/x?y=2"));
			assertThat(environ).containsEntry("SCRIPT_NAME", "/app")
				.containsEntry("PATH_INFO", "/x")
				.containsEntry("QUERY_STRING", "y=2")
				.containsEntry("REQUEST_URI", "/dir/alias.wsgi/x?y=2")
				.containsEntry("REDIRECT_per.dir", "1")
				.containsEntry("REDIRECT_URL", "/dir/alias.wsgi/x")
				.containsEntry("REDIRECT_STATUS", "200")
				.containsEntry("REDIRECT_QUERY_STRING", "y=2")
				.containsEntry("from.setenv", "0")
				.doesNotContainKey("per.dir");
		}

		@Test
		void substitutionWithoutPassThroughNamesAFile() throws IOException {
			RawResponse file = this.client.get("/static/hello.txt");
			assertThat(file.status()).isEqualTo(200);
			assertThat(file.text()).isEqualTo("hello\n");
			assertThat(this.client.get("/static/missing.txt").status()).isEqualTo(404);
			// a file outside the DocumentRoot is refused rather than sending a script's source
			assertThat(this.client.get("/source").status()).isEqualTo(403);
		}

		@Test
		void directoryRulesSeeTheFileAMountDidNotFind() throws IOException {
			Map<String, Object> environ = environ(this.client.get("/dir/missing/x"));
			assertThat(environ).containsEntry("SCRIPT_NAME", "/app").containsEntry("PATH_INFO", "/from-missing/x");
			assertThat(this.client.get("/dir/absent").status()).isEqualTo(404);
		}

		@Test
		void endlessInternalRedirectsEndIn500() throws IOException {
			assertThat(this.client.get("/dir/loop.wsgi").status()).isEqualTo(500);
		}

		@Test
		void directoryChoosesTheProcessGroup() throws IOException {
			assertThat(environ(this.client.get("/pg"))).containsEntry("mod_wsgi.process_group", "pg-a");
			assertThat(environ(this.client.get("/app"))).containsEntry("mod_wsgi.process_group", "");
		}

		@Test
		void urlsNoRuleTouchedAndNoMountMapsAreLeftToOthers() throws IOException {
			RawResponse response = this.client.get("/unmapped");
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.header("Content-Type")).doesNotStartWith("text/html; charset=iso-8859-1");
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class FromProperties {

		ConfigurableApplicationContext context;

		RawHttpClient client;

		@BeforeAll
		void startServer() throws IOException {
			this.context = start("--server.port=0", "--server.address=127.0.0.1",
					"--spring.application.name=rewrite-properties", "--wsgi.script-aliases[0].url=/app",
					"--wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi",
					"--wsgi.rewrite.rules[0].pattern=^/v1/(.*)$", "--wsgi.rewrite.rules[0].substitution=/app/$1",
					"--wsgi.rewrite.rules[0].flags=PT,E=api:v1",
					"--wsgi.rewrite.rules[0].conditions[0]=%{REQUEST_METHOD} =GET",
					"--wsgi.rewrite.rules[1].pattern=^/v1/", "--wsgi.rewrite.rules[1].substitution=-",
					"--wsgi.rewrite.rules[1].flags=F", "--wsgi.rewrite.set-env-if[0].attribute=User-Agent",
					"--wsgi.rewrite.set-env-if[0].pattern=^probe/(.*)",
					"--wsgi.rewrite.set-env-if[0].variables[0]=agent=$1", "--wsgi.env[kept]=1",
					"--wsgi.env[dropped]=1", "--wsgi.rewrite.unset-env[0]=dropped");
			this.client = new RawHttpClient(port(this.context));
			warmUp(this.client, "/app/warm-up");
		}

		@AfterAll
		void stopServer() {
			if (this.context != null) {
				this.context.close();
			}
		}

		@Test
		void rulesAndSetEnvIfFromProperties() throws IOException {
			RawResponse response = this.client.send("GET /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: probe/7\r\n"
					+ "Connection: close\r\n\r\n");
			Map<String, Object> environ = environ(response);
			assertThat(environ).containsEntry("SCRIPT_NAME", "/app")
				.containsEntry("PATH_INFO", "/items")
				.containsEntry("api", "v1")
				.containsEntry("agent", "7")
				.containsEntry("kept", "1")
				.doesNotContainKey("dropped");
			RawResponse post = this.client.send("POST /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
					+ "Connection: close\r\n\r\n");
			assertThat(post.status()).isEqualTo(403);
		}

	}

}
