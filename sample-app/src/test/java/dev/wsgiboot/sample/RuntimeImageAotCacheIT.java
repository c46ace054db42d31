package dev.wsgiboot.sample;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Start in half the time" recipe, step by step, on the packaged sample
 * jar: a runtime image of this JDK without its own Graal compiler, the compiler on
 * {@code --module-path}, Spring's training run ({@code -Dspring.context.exit=onRefresh})
 * that records an AOT cache holding what the preloaded scripts loaded, and a start
 * that must use it ({@code -XX:AOTMode=on}) with the JIT on and GraalPy's classes
 * taken from the cache.
 */
@TestInstance(Lifecycle.PER_CLASS)
class RuntimeImageAotCacheIT {

	private static final Path TARGET = Path.of("target");

	private static final Path WORK = TARGET.resolve("runtime-image-it");

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Path runtime;

	private Path jar;

	private Path cache;

	private int port;

	@BeforeAll
	void linkRuntimeAndExtractJar() throws Exception {
		FileSystemUtils.deleteRecursively(WORK);
		Files.createDirectories(WORK);
		Path javaHome = Path.of(System.getProperty("java.home"));
		this.runtime = WORK.resolve("jre");
		String modules = ModuleFinder.ofSystem()
			.findAll()
			.stream()
			.map((reference) -> reference.descriptor().name())
			.filter((name) -> !name.startsWith("jdk.graal.compiler") && !name.equals("jdk.jlink")
					&& !name.equals("jdk.jpackage"))
			.sorted()
			.collect(Collectors.joining(","));
		run(WORK.resolve("jlink.log"), javaHome.resolve("bin/jlink").toString(), "--output", this.runtime.toString(),
				"--add-modules", modules);
		Path packaged;
		try (Stream<Path> files = Files.list(TARGET)) {
			packaged = files.filter((file) -> file.getFileName().toString().matches("sample-app-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no packaged sample jar in " + TARGET.toAbsolutePath()));
		}
		Path app = WORK.resolve("app");
		run(WORK.resolve("extract.log"), javaHome.resolve("bin/java").toString(), "-Djarmode=tools", "-jar",
				packaged.toString(), "extract", "--destination", app.toString());
		this.jar = app.resolve(packaged.getFileName());
		this.cache = WORK.resolve("app.aot");
	}

	@Test
	void startsFromTheAotCacheWithTheJitOn() throws Exception {
		assertThat(moduleNames(this.runtime)).contains("jdk.internal.vm.ci").doesNotContain("jdk.graal.compiler");

		Path trainingLog = WORK.resolve("training.log");
		// Spring's training run: the JVM halts once the context is refreshed, and writes the cache
		Process training = start(trainingLog, "-XX:AOTCacheOutput=" + this.cache, "-Dspring.context.exit=onRefresh");
		assertThat(training.waitFor(STARTUP_LIMIT.toMinutes(), TimeUnit.MINUTES)).as("training run ended by itself")
			.isTrue();
		assertThat(training.exitValue()).as("training run's exit status; log: %s", tail(trainingLog)).isZero();
		assertThat(Files.readString(trainingLog)).contains("Training run: WSGI scripts loaded");
		assertThat(this.cache).as("AOT cache written by %s", trainingLog).isNotEmptyFile();

		Path productionLog = WORK.resolve("production.log");
		Path classLog = WORK.resolve("classes.log");
		Process production = start(productionLog, "-XX:AOTCache=" + this.cache, "-XX:AOTMode=on", "-Xms64m",
				"-Xlog:class+load=info:file=" + classLog);
		try {
			awaitHello(production, productionLog);
			assertThat(graalPyClassesFromTheCache(classLog)).as("share of GraalPy's classes loaded from the cache")
				.isGreaterThan(0.9);
			assertThat(Files.readString(productionLog)).contains("JIT compiler on")
				.doesNotContain("JIT compiler OFF");
			HttpResponse<String> java = get("/java/hello");
			assertThat(java.body()).isEqualTo("Hello, World");
		}
		finally {
			production.destroy();
			production.waitFor(1, TimeUnit.MINUTES);
		}
	}

	/**
	 * The share of GraalPy's classes that the JVM took from the AOT cache, by its
	 * class loading log ({@code ... source: shared objects file}): about a third when
	 * the training run halts before the scripts are loaded, nearly all when they are.
	 */
	private static double graalPyClassesFromTheCache(Path classLog) throws IOException {
		List<String> graalPy = Files.readAllLines(classLog)
			.stream()
			.filter((line) -> line.contains(" com.oracle.graal.python."))
			.toList();
		assertThat(graalPy).as("GraalPy classes in %s", classLog).isNotEmpty();
		long cached = graalPy.stream().filter((line) -> line.endsWith("source: shared objects file")).count();
		return (double) cached / graalPy.size();
	}

	private Process start(Path log, String... cacheOptions) throws IOException {
		this.port = freePort();
		List<String> command = new ArrayList<>(List.of(this.runtime.resolve("bin/java").toString(),
				"-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--module-path=" + graalJit(),
				"--add-modules=jdk.graal.compiler", "--enable-native-access=ALL-UNNAMED",
				"--sun-misc-unsafe-memory-access=allow"));
		command.addAll(List.of(cacheOptions));
		command.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + this.port));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private void awaitHello(Process process, Path log) throws Exception {
		long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("the JVM ended before /hello answered; its log: " + tail(log));
			}
			try {
				HttpResponse<String> response = get("/hello");
				if (response.statusCode() == 200) {
					assertThat(response.body()).isEqualTo("Hello, World");
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no answer from /hello within " + STARTUP_LIMIT + "; log: " + tail(log));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofMinutes(1))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static Path graalJit() throws IOException {
		Path dir = TARGET.resolve("graal-jit").toAbsolutePath();
		try (Stream<Path> jars = Files.list(dir)) {
			assertThat(jars.map((jar) -> jar.getFileName().toString()))
				.as("the Graal compiler jars copied by the build into %s", dir)
				.anyMatch((name) -> name.startsWith("compiler-"));
		}
		return dir;
	}

	private static List<String> moduleNames(Path runtime) throws Exception {
		Path log = WORK.resolve("list-modules.log");
		run(log, runtime.resolve("bin/java").toString(), "--list-modules");
		return Files.readAllLines(log).stream().map((line) -> line.replaceAll("@.*", "")).toList();
	}

	private static void run(Path log, String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
		assertThat(process.exitValue()).as("%s exit status; output: %s", String.join(" ", command), tail(log))
			.isZero();
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
