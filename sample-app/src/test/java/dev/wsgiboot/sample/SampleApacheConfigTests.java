package dev.wsgiboot.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as the oracle comparison starts it: with an Apache
 * configuration (and the profile the application then activates), the file alone
 * decides the mounts, nothing asks for a password and no request firewall
 * refuses what Apache serves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "wsgi.apache-config=classpath:sample-apache.conf")
@ActiveProfiles(SampleApplication.APACHE_CONFIG_PROFILE)
class SampleApacheConfigTests {

	@LocalServerPort
	int port;

	@Test
	void theFileDecidesTheMountsAndTheyStayOpen() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> fromFile = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/from-apache")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(fromFile.statusCode()).isEqualTo(200);
		assertThat(fromFile.body()).isEqualTo("Hello, World");
		HttpResponse<String> sampleMount = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/wiki/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(sampleMount.statusCode()).isEqualTo(404);
		// no request firewall in front: an encoded percent reaches the mount, as with Apache
		HttpResponse<String> encodedPercent = client.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/from-apache/a%2520b")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(encodedPercent.statusCode()).isEqualTo(200);
	}

}
