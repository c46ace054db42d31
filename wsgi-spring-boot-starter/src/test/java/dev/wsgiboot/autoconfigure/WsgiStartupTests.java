package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;
import dev.wsgiboot.core.runtime.ProcessGroupState;
import dev.wsgiboot.core.runtime.WsgiRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes a start faster. A process group with a preloaded script starts
 * creating its first interpreter while the application starts, before the port
 * (part of the default group name) is known; the preload takes it over and names
 * it after its application group. Imported modules leave their compiled bytecode
 * under {@code wsgi.python-cache-prefix} for the next start.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=startup", "logging.level.dev.wsgiboot.core.runtime.InterpreterPool=debug",
				"wsgi.daemon-processes.early.processes=2",
				"wsgi.script-aliases[0].url=/early", "wsgi.script-aliases[0].path=classpath:wsgi/lifecycle.wsgi",
				"wsgi.script-aliases[0].process-group=early", "wsgi.script-aliases[0].application-group=first",
				"wsgi.script-aliases[0].preload=true",
				"wsgi.script-aliases[1].url=/late", "wsgi.script-aliases[1].path=classpath:wsgi/lifecycle.wsgi",
				"wsgi.script-aliases[1].process-group=early", "wsgi.script-aliases[1].application-group=second" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiStartupTests {

	private static final Path PYCACHE = createTempDirectory();

	@DynamicPropertySource
	static void pythonCachePrefix(DynamicPropertyRegistry registry) {
		registry.add("wsgi.python-cache-prefix", PYCACHE::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	WsgiRuntime runtime;

	@Test
	void preloadTakesTheInterpreterCreatedAheadOfTimeAndNamesIt(CapturedOutput output) throws IOException {
		assertThat(output).contains("Process group 'early': created an interpreter ahead of its first use")
			.doesNotContain("created interpreter for application group 'first'");
		// the first slot holds the preloaded group (and "second" once requested), no unnamed interpreter
		ProcessGroupState early = this.runtime.processGroups()
			.stream()
			.filter((state) -> state.name().equals("early"))
			.findFirst()
			.orElseThrow();
		assertThat(early.slots().get(0).applicationGroups()).contains("first").doesNotContain("");
		Map<String, Object> first = document("/early/x");
		assertThat(first).containsEntry("application_group", "first")
			.containsEntry("module_application_group", "first")
			.containsEntry("process_group", "early");
	}

	@Test
	void laterGroupsGetInterpretersOfTheirOwn(CapturedOutput output) throws IOException {
		Map<String, Object> first = document("/early/x");
		Map<String, Object> second = document("/late/x");
		assertThat(second).containsEntry("application_group", "second")
			.containsEntry("module_application_group", "second");
		assertThat(second.get("interpreter")).isNotEqualTo(first.get("interpreter"));
		assertThat(output).contains("created interpreter for application group 'second'");
	}

	@Test
	void importedModulesLeaveTheirBytecodeUnderThePythonCachePrefix() throws IOException {
		// lifecycle.wsgi imports urllib.parse (from GraalPy's standard library)
		document("/early/x");
		try (Stream<Path> files = Files.walk(PYCACHE)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.anyMatch((name) -> name.startsWith("parse.") && name.endsWith(".pyc"));
		}
	}

	private static Path createTempDirectory() {
		try {
			return Files.createTempDirectory("wsgi-pycache-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, Object> document(String target) throws IOException {
		RawResponse response = new RawHttpClient(this.port)
			.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return OracleGolden.parse(response.body());
	}

}
