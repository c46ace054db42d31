package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.ScenarioReplay;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * The conformance suite: every scenario recorded against real Apache +
 * mod_wsgi (the oracle) is run through the starter with the scenario's own
 * Apache configuration ({@code wsgi.apache-config}), preceded by the oracle's
 * base settings (ServerName, DocumentRoot), on a fresh server; every request is
 * replayed and compared with the golden. A scenario whose configuration uses
 * something not built yet fails to start with a startup error naming
 * {@code file:line}: its requests are reported as skipped, "not supported yet",
 * never as passed. The totals are written to
 * {@code target/conformance-summary.txt}.
 */
class ApacheConformanceTests {

	private static final Map<String, int[]> totals = new java.util.TreeMap<>();

	/**
	 * Scenarios whose configuration starts but whose behaviour needs a feature
	 * that is not built yet.
	 */
	private static final Map<String, String> NOT_YET = Map.of();

	static Stream<String> scenarios() {
		try (Stream<Path> files = Files.list(OracleGolden.oracleDirectory().resolve("golden"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.map((name) -> name.substring(0, name.length() - ".json".length()))
				.filter(ApacheConformanceTests::selected)
				.sorted()
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a scenario is in {@code -Dconformance.scenarios=07,08} (number
	 * prefixes; all when unset), for running a few while working on them.
	 */
	private static boolean selected(String name) {
		String only = System.getProperty("conformance.scenarios", "").strip();
		return only.isEmpty() || Stream.of(only.split(",")).map(String::strip).anyMatch(name::startsWith);
	}

	@TestFactory
	Stream<DynamicNode> oracleScenarios() {
		return scenarios().map((name) -> DynamicContainer.dynamicContainer(name,
				Stream.of(name).flatMap(ApacheConformanceTests::runScenario)));
	}

	/** Starts a fresh server with the scenario's configuration, replays its requests, stops the server. */
	private static Stream<DynamicNode> runScenario(String name) {
		OracleGolden golden = OracleGolden.load(name);
		int[] counts = totals.computeIfAbsent(name, (key) -> new int[3]);
		String notYet = NOT_YET.get(name);
		if (notYet != null) {
			return ScenarioReplay.skipAll(golden, "not supported yet: " + notYet, counts).stream();
		}
		ConfigurableApplicationContext context;
		try {
			Path run = Files.createTempDirectory("conformance-" + name.substring(0, 2));
			Path conf = run.resolve(name + ".conf");
			Files.writeString(conf, configuration(golden.config(), run), StandardCharsets.UTF_8);
			context = start(conf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			WsgiConfigException unsupported = findConfigException(ex);
			if (unsupported == null) {
				throw ex;
			}
			return ScenarioReplay.skipAll(golden, "not supported yet: "
					+ unsupported.getOrigin().replaceAll(".*/", "") + ": " + unsupported.getReason(), counts).stream();
		}
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			return ScenarioReplay.replay(golden, port, Map.of(), counts).stream();
		}
		finally {
			context.close();
		}
	}

	private static ConfigurableApplicationContext start(Path conf) {
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		application.setLogStartupInfo(false);
		return application.run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=conformance", "--wsgi.apache-config=file:" + conf,
				// scenarios 27 and 39 give daemon groups user=/home=: run them in the JVM
				"--wsgi.ignore-os-process-options=true");
	}

	/** The oracle's base settings, then the fragment with its placeholders filled in. */
	static String configuration(String fragment, Path run) {
		String apps = OracleGolden.oracleDirectory().resolve("apps").toString();
		return "ServerName oracle.test\nDocumentRoot " + apps + "/docroot\n"
				+ fragment.replace("@APPS@", apps)
					.replace("@ORACLE@", OracleGolden.oracleDirectory().toString())
					.replace("@RUN@", run.toString());
	}

	private static WsgiConfigException findConfigException(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof WsgiConfigException config) {
				return config;
			}
		}
		return null;
	}

	@AfterAll
	static void writeSummary() throws IOException {
		StringBuilder sb = new StringBuilder(String.format("%-45s %8s %7s %7s%n", "scenario", "passed", "failed",
				"skipped"));
		AtomicInteger passed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger skipped = new AtomicInteger();
		totals.forEach((name, counts) -> {
			sb.append(String.format("%-45s %8d %7d %7d%n", name, counts[0], counts[1], counts[2]));
			passed.addAndGet(counts[0]);
			failed.addAndGet(counts[1]);
			skipped.addAndGet(counts[2]);
		});
		sb.append(String.format("oracle requests: %d matched, %d differ, %d not run (not supported yet or known "
				+ "difference)%n", passed.get(), failed.get(), skipped.get()));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "conformance-summary.txt"), sb.toString());
	}

}
