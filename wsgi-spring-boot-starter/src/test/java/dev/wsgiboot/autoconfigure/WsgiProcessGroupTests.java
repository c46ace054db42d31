package dev.wsgiboot.autoconfigure;

import java.io.IOException;
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
 * Daemon process groups ({@code wsgi.daemon-processes}) selected per location:
 * their own interpreters, mod_wsgi's multiprocess / multithread / run_once
 * rules, fresh module state after maximum-requests, WSGIMapHEADToGet, and a 500
 * for an unknown group.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=process-groups", "wsgi.script-aliases[0].url=/opt",
				"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi",
				"wsgi.script-aliases[0].process-group=pg-two", "wsgi.script-aliases[1].url=/",
				"wsgi.script-aliases[1].path=classpath:wsgi/envprobe.wsgi",
				"wsgi.daemon-processes.pg-max.threads=1", "wsgi.daemon-processes.pg-max.maximum-requests=3",
				"wsgi.daemon-processes.pg-two.processes=2", "wsgi.daemon-processes.pg-two.threads=2",
				"wsgi.locations[0].path=/max", "wsgi.locations[0].process-group=pg-max",
				"wsgi.locations[1].path=/two", "wsgi.locations[1].process-group=pg-two",
				"wsgi.locations[1].map-head-to-get=true", "wsgi.locations[2].path=/nowhere",
				"wsgi.locations[2].process-group=no-such-group" })
class WsgiProcessGroupTests {

	@LocalServerPort
	int port;

	@Test
	void daemonGroupFlagsFollowModWsgi() throws IOException {
		Map<String, Object> two = environ(document("GET", "/two/x"));
		assertThat(two).containsEntry("mod_wsgi.process_group", "pg-two")
			.containsEntry("wsgi.multiprocess", Map.of("type", "bool", "value", true))
			.containsEntry("wsgi.multithread", Map.of("type", "bool", "value", true))
			.containsEntry("wsgi.run_once", Map.of("type", "bool", "value", false));
		Map<String, Object> max = environ(document("GET", "/max/x"));
		assertThat(max).containsEntry("mod_wsgi.process_group", "pg-max")
			.containsEntry("wsgi.multiprocess", Map.of("type", "bool", "value", false))
			.containsEntry("wsgi.multithread", Map.of("type", "bool", "value", false));
		Map<String, Object> embedded = environ(document("GET", "/x"));
		assertThat(embedded).containsEntry("mod_wsgi.process_group", "");
	}

	@Test
	void mountOptionChoosesTheProcessGroup() throws IOException {
		assertThat(environ(document("GET", "/opt/x"))).containsEntry("mod_wsgi.process_group", "pg-two");
	}

	@Test
	void moduleStateRestartsAfterMaximumRequests() throws IOException {
		// whatever the other tests did, the counter climbs to 3 and then restarts at 1
		int previous = 0;
		boolean restarted = false;
		for (int i = 0; i < 7; i++) {
			int requests = ((Number) document("GET", "/max/count").get("requests")).intValue();
			assertThat(requests).isBetween(1, 3);
			if (requests <= previous) {
				assertThat(requests).isEqualTo(1);
				assertThat(previous).isEqualTo(3);
				restarted = true;
			}
			previous = requests;
		}
		assertThat(restarted).isTrue();
	}

	@Test
	void headIsMappedToGetWhereConfigured() throws IOException {
		assertThat(send("HEAD", "/two/x").header("X-Request-Method")).isEqualTo("GET");
		assertThat(send("HEAD", "/x").header("X-Request-Method")).isEqualTo("HEAD");
	}

	@Test
	void unknownProcessGroupIs500() throws IOException {
		assertThat(send("GET", "/nowhere/x").status()).isEqualTo(500);
	}

	private RawResponse send(String method, String target) throws IOException {
		return new RawHttpClient(this.port)
			.send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
	}

	private Map<String, Object> document(String method, String target) throws IOException {
		RawResponse response = send(method, target);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return OracleGolden.parse(response.body());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environ(Map<String, Object> document) {
		return (Map<String, Object>) document.get("environ");
	}

}
