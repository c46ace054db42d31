package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wsgi.env} (SetEnv) and {@code wsgi.locations}: variables reach the
 * WSGI environ of the requests they apply to, never {@code os.environ};
 * computed CGI variables win; PATH is never passed; HTTPS switches the scheme.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=environment", "wsgi.script-aliases[0].url=/",
				"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi", "wsgi.env[demo.templates]=/srv/templates",
				"wsgi.env[demo.mailhost]=mailhost", "wsgi.locations[0].path=/override",
				"wsgi.locations[0].env[demo.mailhost]=other-mailhost", "wsgi.locations[0].env[demo.empty]=",
				"wsgi.locations[0].env[SCRIPT_NAME]=/spoofed", "wsgi.locations[0].env[PATH]=/spoofed/bin",
				"wsgi.locations[1].path=/secure", "wsgi.locations[1].env[HTTPS]=on",
				"wsgi.locations[1].pass-authorization=true" })
class WsgiEnvironmentTests {

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void setEnvReachesTheEnvironButNotOsEnviron() throws IOException {
		Map<String, Object> document = get("/page", "");
		assertThat(environ(document)).containsEntry("demo.templates", "/srv/templates")
			.containsEntry("demo.mailhost", "mailhost")
			.doesNotContainKey("demo.empty");
		assertThat((List<Object>) document.get("os_environ_keys")).doesNotContain("demo.templates", "demo.mailhost");
	}

	@Test
	void locationOverridesAndComputedVariablesWin() throws IOException {
		Map<String, Object> environ = environ(get("/override/x", ""));
		assertThat(environ).containsEntry("demo.mailhost", "other-mailhost")
			.containsEntry("demo.empty", "")
			.containsEntry("demo.templates", "/srv/templates")
			.containsEntry("SCRIPT_NAME", "")
			.doesNotContainKey("PATH");
		assertThat(environ(get("/overridex", ""))).containsEntry("demo.mailhost", "mailhost");
	}

	@Test
	void httpsSwitchesTheSchemeAndLocationPassesAuthorization() throws IOException {
		String authorization = "Authorization: Basic YWxpY2U6d29uZGVybGFuZA==\r\n";
		Map<String, Object> secure = environ(get("/secure/x", authorization));
		assertThat(secure).containsEntry("wsgi.url_scheme", "https")
			.doesNotContainKey("HTTPS")
			.containsEntry("HTTP_AUTHORIZATION", "Basic YWxpY2U6d29uZGVybGFuZA==");
		Map<String, Object> plain = environ(get("/x", authorization));
		assertThat(plain).containsEntry("wsgi.url_scheme", "http").doesNotContainKey("HTTP_AUTHORIZATION");
	}

	private Map<String, Object> get(String target, String headers) throws IOException {
		RawResponse response = new RawHttpClient(this.port)
			.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return OracleGolden.parse(response.body());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environ(Map<String, Object> document) {
		return (Map<String, Object>) document.get("environ");
	}

}
