package dev.wsgiboot.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application as a user starts it: Java controllers and the Python
 * mounts of its application.yml answer side by side.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void pythonHelloAtItsPrefix() throws Exception {
		HttpResponse<String> response = get("/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello, World");
		assertThat(response.headers().firstValue("Content-Length")).hasValue("12");
	}

	@Test
	void javaControllersAnswerNextToPython() throws Exception {
		assertThat(get("/java/hello").body()).isEqualTo("Hello, World");
		assertThat(get("/java/runtime").body()).contains("\"graalpy\"").contains("\"python\"");
	}

	@Test
	void javaEchoReturnsTheRequestBody() throws Exception {
		byte[] body = new byte[1024];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) i;
		}
		HttpRequest post = HttpRequest.newBuilder(uri("/java/echo"))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<byte[]> response = this.client.send(post, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(response.body()).isEqualTo(body);
	}

	@Test
	void wikiKeepsPagesInItsInterpreter() throws Exception {
		HttpResponse<String> missing = get("/wiki/NewPage");
		assertThat(missing.statusCode()).isEqualTo(404);
		HttpRequest post = HttpRequest.newBuilder(uri("/wiki/NewPage"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("text=Written+from+a+test"))
			.build();
		assertThat(this.client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
		HttpResponse<String> page = get("/wiki/NewPage");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Written from a test");
	}

	@Test
	void homePageAtTheRootMount() throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("It works").contains("/wiki");
	}

	@Test
	void javaControllerWinsInsideThePythonMount() throws Exception {
		assertThat(get("/wiki/java").body()).isEqualTo("This /wiki URL is answered by a Java controller");
	}

	@Test
	void privateMountNeedsTheSampleUserAndSeesItAsRemoteUser() throws Exception {
		HttpResponse<String> anonymous = get("/private/whoami");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Basic"));
		String credentials = java.util.Base64.getEncoder()
			.encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> user = this.client.send(
				HttpRequest.newBuilder(uri("/private/whoami")).header("Authorization", "Basic " + credentials).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(user.body()).contains("\"REMOTE_USER\": \"demo\"").contains("\"AUTH_TYPE\": \"Basic\"");
		// the other mounts stay open
		assertThat(get("/hello").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
