package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.wsgiboot.core.config.InterpreterPoolSettings;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;
import dev.wsgiboot.core.routing.RouteMatch;

/**
 * The gateway's own cost per request, without HTTP, Tomcat or Spring MVC: the
 * CGI environ built in Java, one request through an {@link Interpreter} (environ
 * crossing, {@code start_response}, the body handed back), 1 KiB of request body
 * read through {@code wsgi.input}, 1 KiB of response body written, and the whole
 * {@link WsgiRuntime} path (route, pool lease, script reload check, handle) for a
 * hello application. Requests and responses are Spring's servlet mocks, with
 * body streams that copy in bulk ({@link BulkStreamMocks}).
 * <p>
 * The JVM must run with the Graal JIT (the setup fails otherwise); see
 * bench/README.md for the command line. Forked JVMs inherit the launching JVM's
 * options.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class GatewayBenchmarks {

	private static final String HELLO = """
			BODY = b'Hello, World'
			HEADERS = [('Content-Type', 'text/plain'), ('Content-Length', str(len(BODY)))]

			def application(environ, start_response):
			    start_response('200 OK', HEADERS)
			    return [BODY]
			""";

	/** Reads the whole request body, answers 2 bytes. */
	private static final String BODY_IN = """
			def application(environ, start_response):
			    length = int(environ.get('CONTENT_LENGTH') or 0)
			    body = environ['wsgi.input'].read(length)
			    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', '2')])
			    return [b'ok' if len(body) == length else b'no']
			""";

	/** Answers a 1 KiB body. */
	private static final String BODY_OUT = """
			BODY = b'x' * 1024
			HEADERS = [('Content-Type', 'application/octet-stream'), ('Content-Length', str(len(BODY)))]

			def application(environ, start_response):
			    start_response('200 OK', HEADERS)
			    return [BODY]
			""";

	private static final byte[] KIB = "y".repeat(1024).getBytes(StandardCharsets.ISO_8859_1);

	private Path directory;

	private Interpreter interpreter;

	private WsgiRuntime runtime;

	private Mount hello;

	private Mount bodyIn;

	private Mount bodyOut;

	private MockHttpServletRequest runtimeRequest;

	@Setup
	public void setUp() throws IOException {
		PythonEngine engine = PythonEngine.shared();
		if (!engine.isJitEnabled()) {
			throw new IllegalStateException(engine.describe());
		}
		this.directory = Files.createTempDirectory("wsgi-jmh");
		this.hello = mount("/hello", "hello.wsgi", HELLO, null);
		this.bodyIn = mount("/in", "in.wsgi", BODY_IN, KIB);
		this.bodyOut = mount("/out", "out.wsgi", BODY_OUT, null);
		this.interpreter = new Interpreter(engine,
				new InterpreterSpec("", "bench", 1, 1, false, List.of(), null, false, null, null));
		for (Mount mount : List.of(this.hello, this.bodyIn, this.bodyOut)) {
			this.interpreter.ensureLoaded(mount.alias.script(), true);
		}
		WsgiConfig config = new WsgiConfig(List.of(this.hello.alias), "localhost", WsgiConfig.DEFAULT_APPLICATION_GROUP,
				WsgiConfig.DEFAULT_CALLABLE_OBJECT, true, false, List.of(),
				new InterpreterPoolSettings(1, 4, Duration.ofSeconds(60)), List.of(), EncodedSlashes.OFF, Map.of(),
				List.of(), false, null, Map.of(), WsgiConfig.GLOBAL, List.of());
		this.runtime = new WsgiRuntime(config, engine, null);
		this.runtimeRequest = request("/hello", null);
		// every benchmark must answer what it should, twice in a row
		for (int i = 0; i < 2; i++) {
			check(helloHandle(), "Hello, World");
			check(bodyIn1KiB(), "ok");
			check(bodyOut1KiB(), "x".repeat(1024));
			try {
				check(helloService(), "Hello, World");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@TearDown
	public void tearDown() throws IOException {
		this.runtime.close();
		this.interpreter.close();
		delete(this.directory);
	}

	/** The CGI environ of a GET with browser-like headers, as one string. */
	@Benchmark
	public String environ() {
		return environ(this.hello);
	}

	/** A hello application through the interpreter: environ, call, start_response, 12-byte body out. */
	@Benchmark
	public MockHttpServletResponse helloHandle() {
		return handle(this.hello);
	}

	/** A POST whose 1 KiB body the application reads through wsgi.input. */
	@Benchmark
	public MockHttpServletResponse bodyIn1KiB() {
		this.bodyIn.request.setContent(KIB);
		return handle(this.bodyIn);
	}

	/** An application answering a 1 KiB body. */
	@Benchmark
	public MockHttpServletResponse bodyOut1KiB() {
		return handle(this.bodyOut);
	}

	/** The whole gateway for hello: route, pool lease, reload check, environ, call, response. */
	@Benchmark
	public MockHttpServletResponse helloService() throws IOException {
		MockHttpServletResponse response = new BulkStreamMocks.Response();
		RouteMatch match = this.runtime.route(this.runtimeRequest);
		this.runtime.service(this.runtimeRequest, response, match);
		return response;
	}

	/**
	 * The whole gateway for hello from 4 threads at once, with the sample app's
	 * pool on 2 cores (2 slots of 4 threads): adds the pool's lease and the
	 * interpreters' locks (GIL) under contention. Score: time per operation per
	 * thread.
	 */
	@Benchmark
	@Threads(4)
	public MockHttpServletResponse helloServiceThreads4(PooledRuntime pooled) throws IOException {
		MockHttpServletResponse response = new BulkStreamMocks.Response();
		RouteMatch match = pooled.runtime.route(pooled.request);
		pooled.runtime.service(pooled.request, response, match);
		return response;
	}

	/** A runtime with the sample app's default pool on 2 cores: 2 slots, 4 threads each. */
	@State(Scope.Benchmark)
	public static class PooledRuntime {

		/** Interpreter slots x threads per slot. */
		@Param({ "2x4", "2x1", "2x2" })
		public String pool;

		private Path directory;

		private WsgiRuntime runtime;

		private MockHttpServletRequest request;

		@Setup
		public void setUp() throws IOException {
			this.directory = Files.createTempDirectory("wsgi-jmh-pool");
			Path script = this.directory.resolve("hello.wsgi");
			Files.writeString(script, HELLO);
			ScriptAlias alias = ScriptAlias.of("/hello", "file:" + script, null, null, true, "jmh /hello",
					getClass().getClassLoader());
			String[] slotsByThreads = this.pool.split("x");
			InterpreterPoolSettings poolSettings = new InterpreterPoolSettings(Integer.parseInt(slotsByThreads[0]),
					Integer.parseInt(slotsByThreads[1]), Duration.ofSeconds(60));
			WsgiConfig config = new WsgiConfig(List.of(alias), "localhost", WsgiConfig.DEFAULT_APPLICATION_GROUP,
					WsgiConfig.DEFAULT_CALLABLE_OBJECT, true, false, List.of(), poolSettings, List.of(), EncodedSlashes.OFF,
					Map.of(), List.of(), false, null, Map.of(), WsgiConfig.GLOBAL, List.of());
			this.runtime = new WsgiRuntime(config, PythonEngine.shared(), null);
			this.runtime.preload(8080);
			this.request = request("/hello", null);
		}

		@TearDown
		public void tearDown() throws IOException {
			this.runtime.close();
			delete(this.directory);
		}

	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private String environ(Mount mount) {
		return CgiEnvironment.build(mount.request, mount.request.getMethod(), mount.request.getQueryString(),
				mount.match, mount.host, mount.alias.script().name(), "", "bench", "application", true, false, Map.of(),
				RequestGuard.Admission.OPEN);
	}

	private MockHttpServletResponse handle(Mount mount) {
		MockHttpServletResponse response = new BulkStreamMocks.Response();
		String name = mount.alias.script().name();
		RequestBridge bridge = new RequestBridge(mount.request, response, name);
		this.interpreter.handle(name, "application", environ(mount), bridge);
		bridge.sendHeldBody();
		if (bridge.failure() != null) {
			throw new IllegalStateException(bridge.failure());
		}
		return response;
	}

	private Mount mount(String url, String file, String source, byte[] body) throws IOException {
		Path script = this.directory.resolve(file);
		Files.writeString(script, source);
		ScriptAlias alias = ScriptAlias.of(url, "file:" + script, null, null, false, "jmh " + url,
				getClass().getClassLoader());
		MockHttpServletRequest request = request(url, body);
		return new Mount(alias, request, new RouteMatch(alias, url, ""),
				RequestHost.of(request.getHeader("Host"), "localhost", false));
	}

	private static MockHttpServletRequest request(String url, byte[] body) {
		MockHttpServletRequest request = new BulkStreamMocks.Request((body != null) ? "POST" : "GET", url);
		request.setProtocol("HTTP/1.1");
		request.setRemoteAddr("127.0.0.1");
		request.setRemotePort(54321);
		request.setLocalAddr("127.0.0.1");
		request.setLocalPort(8080);
		request.addHeader("Host", "127.0.0.1:8080");
		request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0");
		request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		request.addHeader("Accept-Language", "en-US,en;q=0.5");
		request.addHeader("Accept-Encoding", "gzip, deflate");
		request.addHeader("Connection", "keep-alive");
		if (body != null) {
			request.setContentType("application/octet-stream");
			request.addHeader("Content-Length", Integer.toString(body.length));
			request.setContent(body);
		}
		return request;
	}

	private static void check(MockHttpServletResponse response, String expected) {
		String body = new String(response.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
		if (response.getStatus() != 200 || !body.equals(expected)) {
			throw new IllegalStateException("unexpected answer " + response.getStatus() + " "
					+ body.substring(0, Math.min(body.length(), 100)));
		}
	}

	private record Mount(ScriptAlias alias, MockHttpServletRequest request, RouteMatch match, RequestHost host) {
	}

}
