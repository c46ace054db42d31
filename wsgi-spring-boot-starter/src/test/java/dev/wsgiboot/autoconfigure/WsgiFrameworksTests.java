package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real frameworks from Debian's packages (python3-flask, python3-django, which
 * {@code .ci/run} installs) served through daemon process groups whose
 * python-path names {@code /usr/lib/python3/dist-packages}.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=frameworks", "wsgi.script-aliases[0].url=/flask",
				"wsgi.script-aliases[0].path=classpath:wsgi/flask_app.wsgi",
				"wsgi.script-aliases[0].process-group=flask", "wsgi.script-aliases[1].url=/django",
				"wsgi.script-aliases[1].path=classpath:wsgi/django_app.wsgi",
				"wsgi.script-aliases[1].process-group=django", "wsgi.script-aliases[0].preload=true",
				"wsgi.script-aliases[1].preload=true", "wsgi.daemon-processes.flask.threads=4",
				"wsgi.daemon-processes.flask.python-path[0]=" + WsgiFrameworksTests.DEBIAN_PACKAGES,
				"wsgi.daemon-processes.django.threads=4",
				"wsgi.daemon-processes.django.python-path[0]=" + WsgiFrameworksTests.DEBIAN_PACKAGES,
				// asks every POST for its parameters: it must leave the mounts' forms alone
				"spring.mvc.hiddenmethod.filter.enabled=true" })
class WsgiFrameworksTests {

	static final String DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages";

	@LocalServerPort
	int port;

	@BeforeAll
	static void frameworksAreInstalled() {
		assertThat(Path.of(DEBIAN_PACKAGES, "flask")).as("apt-get install python3-flask (see .ci/run)").isDirectory();
		assertThat(Path.of(DEBIAN_PACKAGES, "django")).as("apt-get install python3-django (see .ci/run)")
			.isDirectory();
	}

	@Test
	void flaskRendersATemplate() throws IOException {
		RawResponse response = send("GET /flask/hello/graal HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.text()).endsWith("<h1>Hello graal</h1><p>3 items</p>");
	}

	@Test
	void flaskReadsAJsonBodyAndSeesItsMountPoint() throws IOException {
		String json = "{\"a\": [1, 2, \"\u00e9\"]}";
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		RawResponse response = send("POST", "/flask/echo", "application/json", body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		Map<String, Object> document = OracleGolden.parse(response.body());
		assertThat(document).containsEntry("script_name", "/flask").containsEntry("path", "/echo");
		assertThat(document.get("received")).isEqualTo(Map.of("a", java.util.List.of(1, 2, "\u00e9")));
	}

	@Test
	void flaskReceivesAFileUpload() throws IOException {
		// Spring's multipart resolver would parse (and so consume) the body before any handler
		String boundary = "----wsgi-boundary-7d1";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfirst \u00e9\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nline one\nline two\r\n--" + boundary + "--\r\n";
		byte[] body = multipart.getBytes(StandardCharsets.UTF_8);
		RawResponse response = send("POST", "/flask/upload", "multipart/form-data; boundary=" + boundary, body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(OracleGolden.parse(response.body())).containsEntry("filename", "notes.txt")
			.containsEntry("content", "line one\nline two")
			.containsEntry("note", "first \u00e9");
	}

	@Test
	void flaskReadsAFormSentWithPutOrPatch() throws IOException {
		// Spring's form-content filter would turn the body into request parameters before any handler
		for (String method : new String[] { "PUT", "PATCH" }) {
			byte[] body = "name=py&count=2".getBytes(StandardCharsets.US_ASCII);
			RawResponse response = send(method, "/flask/form", "application/x-www-form-urlencoded", body);
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			assertThat(OracleGolden.parse(response.body())).containsEntry("method", method)
				.containsEntry("form", Map.of("name", "py", "count", "2"));
		}
	}

	@Test
	void flaskReadsAPostFormAsSentWithTheHiddenMethodFilterOn() throws IOException {
		byte[] body = "name=py&_method=PUT".getBytes(StandardCharsets.US_ASCII);
		RawResponse response = send("POST", "/flask/form", "application/x-www-form-urlencoded", body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		// as under mod_wsgi: the method the client sent, and the whole form
		assertThat(OracleGolden.parse(response.body())).containsEntry("method", "POST")
			.containsEntry("form", Map.of("name", "py", "_method", "PUT"));
	}

	@Test
	void flaskAnswers404ForAnUnknownRoute() throws IOException {
		assertThat(send("GET /flask/nothing HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n").status())
			.isEqualTo(404);
	}

	@Test
	void djangoRendersATemplateAndSeesItsMountPoint() throws IOException {
		RawResponse page = send("GET /django/hello/pony HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n");
		assertThat(page.status()).as(page.text()).isEqualTo(200);
		assertThat(page.text()).endsWith("<h1>Hello pony</h1>");
		RawResponse info = send("GET /django/info HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n");
		assertThat(info.status()).as(info.text()).isEqualTo(200);
		assertThat(OracleGolden.parse(info.body())).containsEntry("script_name", "/django")
			.containsEntry("path", "/django/info")
			.containsEntry("path_info", "/info");
	}

	@Test
	void djangoAnswers404ForAnUnknownRoute() throws IOException {
		assertThat(send("GET /django/nothing HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n").status())
			.isEqualTo(404);
	}

	private RawResponse send(String method, String target, String contentType, byte[] body) throws IOException {
		String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nContent-Type: "
				+ contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
		return new RawHttpClient(this.port).send(head.getBytes(StandardCharsets.ISO_8859_1), body);
	}

	private RawResponse send(String request) throws IOException {
		return new RawHttpClient(this.port).send(request);
	}

}
