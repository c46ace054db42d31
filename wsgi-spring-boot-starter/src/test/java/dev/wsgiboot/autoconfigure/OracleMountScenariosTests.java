package dev.wsgiboot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.OracleReplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The mount-related oracle scenarios, configured through {@code wsgi.*}
 * properties equivalent to each scenario's WSGIScriptAlias lines: every request
 * recorded against real Apache + mod_wsgi is replayed and must give the same
 * answer (status, SCRIPT_NAME, PATH_INFO, REQUEST_URI, SERVER_NAME/PORT,
 * HTTP_* keys, application group, counters...). The oracle's own probe
 * application answers, verbatim. The embedded group runs one interpreter, as
 * the oracle's Apache runs one child process.
 */
class OracleMountScenariosTests {

	static final String SCRIPTS = "target/test-classes/oracle/apps/scripts/";

	static final String COMMON = "wsgi.server-name=oracle.test";

	static final String ONE_PROCESS = "wsgi.embedded.processes=1";

	/**
	 * Requests that Tomcat refuses with 400 before any application (Spring MVC or
	 * WSGI) can see them; README lists them as known differences.
	 */
	static final Map<String, String> REFUSED_BY_TOMCAT = Map.of(
			"raw UTF-8 bytes in the request line", "Tomcat refuses raw non-ASCII bytes in the request target (400)",
			"NUL byte escape in path", "Tomcat refuses %00 in the path with 400 where Apache answers 404",
			"absolute-form request target",
			"Tomcat refuses an absolute-form target whose host differs from the Host header (400)",
			"absolute-form target overrides Host",
			"Tomcat refuses an absolute-form target whose host differs from the Host header (400)");

	static Stream<DynamicTest> scenario(String name, int port, Map<String, String> notYetSupported) {
		OracleGolden golden = OracleGolden.load(name);
		OracleReplay replay = new OracleReplay(port);
		// per application group: probe requests Apache served there that we could not replay
		Map<Object, Integer> missed = new java.util.HashMap<>();
		return golden.requests().stream().map((request) -> {
			String label = (String) request.get("label");
			return DynamicTest.dynamicTest(name + ": " + label, () -> {
				String reason = notYetSupported.getOrDefault(label, REFUSED_BY_TOMCAT.get(label));
				if (reason != null) {
					if (((Map<?, ?>) request.get("response")).get("probe") != null) {
						missed.merge(group(request), 1, Integer::sum);
					}
					abort((notYetSupported.containsKey(label) ? "not supported yet: " : "known difference: ") + reason);
				}
				List<String> differences = replay.replay(request, missed.getOrDefault(group(request), 0));
				assertThat(differences).as(label).isEmpty();
			});
		});
	}

	private static Object group(Map<String, Object> request) {
		return ((Map<?, ?>) request.get("summary")).get("mod_wsgi.application_group");
	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-01", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/myapp",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi" })
	class ScriptAliasPrefix {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario01() {
			return scenario("01-scriptalias-prefix", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-02", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi" })
	class ScriptAliasRoot {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario02() {
			return scenario("02-scriptalias-root", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-03", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/wiki",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "mywiki.wsgi", "wsgi.script-aliases[1].url=/blog",
					"wsgi.script-aliases[1].path=" + SCRIPTS + "myblog.wsgi", "wsgi.script-aliases[2].url=/",
					"wsgi.script-aliases[2].path=" + SCRIPTS + "myapp.wsgi" })
	class MultipleMounts {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario03() {
			return scenario("03-multiple-mounts", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-04", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi", "wsgi.script-aliases[1].url=/wiki",
					"wsgi.script-aliases[1].path=" + SCRIPTS + "mywiki.wsgi", "wsgi.script-aliases[2].url=/blog",
					"wsgi.script-aliases[2].path=" + SCRIPTS + "myblog.wsgi" })
	class MultipleMountsRootFirst {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario04() {
			return scenario("04-multiple-mounts-root-first", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-32", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/myapp",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi" })
	class UriEdgeCases {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario32() {
			return scenario("32-uri-edge-cases", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-35", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/h",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "a.wsgi" })
	class RequestHeaders {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario35() {
			return scenario("35-request-headers", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-36", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/emb",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "a.wsgi" })
	class HeadRequests {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario36() {
			return scenario("36-head-requests", this.port,
					Map.of("HEAD daemon", "daemon process groups (WSGIDaemonProcess)", "HEAD with WSGIMapHEADToGet On",
							"WSGIMapHEADToGet"));
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-37", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/myapp",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi" })
	class HostAndPort {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario37() {
			return scenario("37-host-and-port", this.port, Map.of());
		}

	}

	@Nested
	@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.application.name=scenario-42", COMMON, ONE_PROCESS, "wsgi.script-aliases[0].url=/MyApp",
					"wsgi.script-aliases[0].path=" + SCRIPTS + "myapp.wsgi", "wsgi.script-aliases[1].url=/myapp",
					"wsgi.script-aliases[1].path=" + SCRIPTS + "a.wsgi" })
	class ApplicationGroupCase {

		@LocalServerPort
		int port;

		@TestFactory
		Stream<DynamicTest> scenario42() {
			return scenario("42-application-group-case", this.port, Map.of());
		}

	}

}
