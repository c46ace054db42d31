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
 * A servlet context path: mount URLs are whole URL paths (the context path
 * included), the WSGI application sees them in {@code SCRIPT_NAME}, and a Java
 * controller inside the mount (its mapping relative to the context path, as
 * always in Spring MVC) still wins.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=context-path", "server.servlet.context-path=/ctx",
				"wsgi.embedded.processes=1", "wsgi.script-aliases[0].url=/ctx/py",
				"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi" })
class WsgiContextPathTests {

	@LocalServerPort
	int port;

	@Test
	void mountUnderTheContextPathSeesItInScriptName() throws IOException {
		RawResponse response = new RawHttpClient(this.port).get("/ctx/py/a?x=1");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> environ = (Map<String, Object>) OracleGolden.parse(response.body()).get("environ");
		assertThat(environ).containsEntry("SCRIPT_NAME", "/ctx/py")
			.containsEntry("PATH_INFO", "/a")
			.containsEntry("REQUEST_URI", "/ctx/py/a?x=1");
	}

	@Test
	void javaControllerInsideTheMountWins() throws IOException {
		RawResponse response = new RawHttpClient(this.port).get("/ctx/py/java");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("answered by Java");
	}

	@Test
	void pathsOutsideTheContextPathAreNotServed() throws IOException {
		assertThat(new RawHttpClient(this.port).get("/py/a").status()).isEqualTo(404);
	}

}
