package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PEP 3333 gateway over real HTTP against the embedded Tomcat, with real
 * GraalPy. Well-behaved test applications are wrapped in
 * {@code wsgiref.validate.validator}, which also checks the server's side of
 * PEP 3333; misbehaving ones are not (they test our own checks).
 */
@SpringBootTest(classes = { WsgiTestApplication.class, WsgiGatewayTests.ParameterReadingFilter.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=gateway", "wsgi.server-name=test.local",
				"wsgi.embedded.processes=2", "wsgi.chunked-request=true",
				// one interpreter of two threads: what one request does to its lock, the other sees
				"wsgi.daemon-processes.single.processes=1", "wsgi.daemon-processes.single.threads=2",
				"wsgi.daemon-processes.exiting.processes=1", "wsgi.daemon-processes.exiting.threads=1",
				"wsgi.daemon-processes.events.processes=1", "wsgi.daemon-processes.events.threads=1",
				"wsgi.daemon-processes.events.maximum-requests=5" })
@ExtendWith(OutputCaptureExtension.class)
class WsgiGatewayTests {

	static final String BOUNDARY = "----wsgi-boundary-3f2";

	static final Path work = createWorkDirectory();

	static final Path reloadable = work.resolve("reloadable.wsgi");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void reloadableScript(DynamicPropertyRegistry registry) throws IOException {
		writeReloadable("first version");
		// a list property must come from one property source: all mounts are declared here
		String[][] mounts = { { "/py", "classpath:wsgi/envprobe.wsgi" }, { "/stream", "classpath:wsgi/stream.wsgi" },
				{ "/files", "classpath:wsgi/files.wsgi" }, { "/bad", "classpath:wsgi/misbehaving.wsgi" },
				{ "/syntax", "classpath:wsgi/broken_syntax.wsgi" }, { "/nocallable", "classpath:wsgi/no_callable.wsgi" },
				{ "/custom", "classpath:wsgi/custom_callable.wsgi" }, { "/reload", reloadable.toString() },
				{ "/direct-files", "classpath:wsgi/files.wsgi" }, { "/sandbox", "classpath:wsgi/sandbox.wsgi" },
				{ "/lock", "classpath:wsgi/interpreter_lock.wsgi" }, { "/exiting", "classpath:wsgi/exiting.wsgi" },
				{ "/events", "classpath:wsgi/events.wsgi" },
				{ "/startup-modules", "classpath:wsgi/startup_modules.wsgi" } };
		for (int i = 0; i < mounts.length; i++) {
			String[] mount = mounts[i];
			registry.add("wsgi.script-aliases[" + i + "].url", () -> mount[0]);
			registry.add("wsgi.script-aliases[" + i + "].path", () -> mount[1]);
		}
		registry.add("wsgi.script-aliases[6].callable-object", () -> "app");
		registry.add("wsgi.script-aliases[8].callable-object", () -> "direct");
		registry.add("wsgi.script-aliases[10].process-group", () -> "single");
		registry.add("wsgi.script-aliases[11].process-group", () -> "exiting");
		registry.add("wsgi.script-aliases[12].process-group", () -> "events");
	}

	@Test
	void environHasTheCgiAndWsgiKeys() throws IOException {
		Map<String, Object> environ = environ(http().get("/py/a/b?x=1&y=two%20words"));
		assertThat(environ).containsEntry("REQUEST_METHOD", "GET")
			.containsEntry("SCRIPT_NAME", "/py")
			.containsEntry("PATH_INFO", "/a/b")
			.containsEntry("QUERY_STRING", "x=1&y=two%20words")
			.containsEntry("REQUEST_URI", "/py/a/b?x=1&y=two%20words")
			.containsEntry("SERVER_NAME", "127.0.0.1")
			.containsEntry("SERVER_PORT", Integer.toString(this.port))
			.containsEntry("SERVER_PROTOCOL", "HTTP/1.1")
			.containsEntry("REMOTE_ADDR", "127.0.0.1")
			.containsEntry("SCRIPT_FILENAME", "classpath:wsgi/envprobe.wsgi")
			.containsEntry("HTTP_HOST", "127.0.0.1:" + this.port)
			.containsEntry("wsgi.url_scheme", "http")
			.containsEntry("wsgi.version", Map.of("type", "tuple", "value", List.of(1, 0)))
			.containsEntry("wsgi.input_terminated", Map.of("type", "bool", "value", true))
			.containsEntry("wsgi.multithread", Map.of("type", "bool", "value", true))
			.containsEntry("wsgi.multiprocess", Map.of("type", "bool", "value", true))
			.containsEntry("wsgi.run_once", Map.of("type", "bool", "value", false))
			.containsEntry("mod_wsgi.process_group", "")
			.containsEntry("mod_wsgi.application_group", "test.local:" + this.port + "|/py")
			.containsEntry("mod_wsgi.callable_object", "application")
			.containsEntry("mod_wsgi.script_reloading", "1")
			.containsEntry("mod_wsgi.request_handler", "wsgi-script")
			.containsKeys("REMOTE_PORT", "wsgi.input", "wsgi.errors", "wsgi.file_wrapper", "mod_wsgi.version")
			.doesNotContainKeys("CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_AUTHORIZATION");
	}

	@Test
	void headersFollowModWsgiRules() throws IOException {
		RawResponse response = http().send("GET /py/h HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nX_Under: u\r\nX-Dup: a\r\nX-Dup: b\r\nAuthorization: Basic YTpi\r\n"
				+ "Proxy: http://evil\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
		Map<String, Object> environ = environ(response);
		assertThat(environ).containsEntry("HTTP_X_DUP", "a, b")
			.containsEntry("CONTENT_TYPE", "text/plain")
			.doesNotContainKeys("HTTP_X_UNDER", "HTTP_AUTHORIZATION", "HTTP_PROXY", "HTTP_CONTENT_TYPE");
	}

	@Test
	void postBodyIsReadInPieces() throws IOException {
		byte[] body = "name=value&other=1".getBytes(StandardCharsets.US_ASCII);
		Map<String, Object> document = document(post("/py/form", body, "application/x-www-form-urlencoded"));
		assertThat(document).containsEntry("body_length", body.length).containsEntry("body_sha256", sha256(body));
		assertThat(environOf(document)).containsEntry("CONTENT_LENGTH", Integer.toString(body.length))
			.containsEntry("CONTENT_TYPE", "application/x-www-form-urlencoded")
			.containsEntry("REQUEST_METHOD", "POST");
	}

	@Test
	void inputSupportsReadlinesAndReadline() throws IOException {
		byte[] body = "one\ntwo\n\nthree".getBytes(StandardCharsets.US_ASCII);
		assertThat(document(post("/py/x?mode=lines", body, "text/plain"))).containsEntry("lines",
				List.of("one\n", "two\n", "\n", "three"));
		assertThat(document(post("/py/x?mode=iterate", body, "text/plain"))).containsEntry("lines",
				List.of("one\n", "two\n", "\n", "three"));
	}

	@Test
	void tenMegabyteUploadIsStreamedToTheApplication() throws Exception {
		byte[] body = new byte[10 * 1024 * 1024];
		new Random(42).nextBytes(body);
		Map<String, Object> document = document(post("/py/upload", body, "application/octet-stream"));
		assertThat(document).containsEntry("body_length", body.length).containsEntry("body_sha256", sha256(body));
	}

	@Test
	void chunkedUploadIsReadToItsEnd() throws IOException {
		String head = "POST /py/chunked HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
		RawResponse response = http().send(head.getBytes(StandardCharsets.US_ASCII),
				"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		// no CONTENT_LENGTH: the probe reads nothing, but the request is served (wsgi.chunked-request=true;
		// without it a chunked body is a 411, see WsgiRequestLimitsTests)
		assertThat(response.status()).isEqualTo(200);
		assertThat(environ(response)).doesNotContainKey("CONTENT_LENGTH");
	}

	@Test
	void responseChunksAreSentAsTheyAreProduced() throws Exception {
		Path signal = work.resolve("signal-" + System.nanoTime());
		Path closed = work.resolve("closed-" + System.nanoTime());
		try (Socket socket = http().open()) {
			send(socket, "GET /stream/chunks?signal=" + signal + "&closed=" + closed + " HTTP/1.1\r\nHost: x\r\n"
					+ "Connection: close\r\n\r\n");
			InputStream in = socket.getInputStream();
			assertThat(RawHttpClient.readLine(in)).startsWith("HTTP/1.1 200");
			String line;
			while (!(line = RawHttpClient.readLine(in)).isEmpty()) {
				assertThat(line).doesNotStartWithIgnoringCase("Content-Length");
			}
			// the application is now waiting for the signal file: its first chunk must already be here
			assertThat(RawHttpClient.readLine(in)).isEqualTo("6");
			assertThat(RawHttpClient.readLine(in)).isEqualTo("first");
			assertThat(Files.exists(signal)).isFalse();
			Files.writeString(signal, "go");
			String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(rest).contains("second\n").contains("third\n").endsWith("0\r\n\r\n");
		}
		awaitFile(closed);
	}

	@Test
	void iterableOfOneSizedChunkIsAnsweredWhole() throws Exception {
		Path closed = work.resolve("closed-sized-" + System.nanoTime());
		RawResponse response = http().get("/stream/sized?closed=" + closed);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Length")).isEqualTo("28");
		assertThat(response.header("Transfer-Encoding")).isNull();
		assertThat(response.text()).isEqualTo("the whole body in one chunk\n");
		awaitFile(closed);
	}

	@Test
	void smallWholeBodyIsSentOnceTheApplicationHasFinished() throws Exception {
		// the socket write happens after the request left Python (without its GIL), so after close()
		Path closed = work.resolve("closed-held-" + System.nanoTime());
		try (Socket socket = http().open()) {
			// a kept-alive connection: the body is complete when its Content-Length has arrived
			send(socket, "GET /stream/sized?linger=0.3&closed=" + closed + " HTTP/1.1\r\nHost: x\r\n\r\n");
			InputStream in = socket.getInputStream();
			RawResponse head = RawResponse.readHead(in);
			assertThat(head.status()).isEqualTo(200);
			assertThat(head.header("Content-Length")).isEqualTo("28");
			assertThat(new String(in.readNBytes(28), StandardCharsets.ISO_8859_1))
				.isEqualTo("the whole body in one chunk\n");
			assertThat(closed).exists();
		}
	}

	@Test
	void writeCallableSendsBeforeTheReturnedIterable() throws IOException {
		RawResponse response = http().get("/stream/write");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("written by write() then returned");
	}

	@Test
	void closeIsCalledWhenTheClientDisconnects() throws Exception {
		Path closed = work.resolve("closed-disconnect-" + System.nanoTime());
		try (Socket socket = http().open()) {
			send(socket, "GET /stream/forever?closed=" + closed + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
			assertThat(RawHttpClient.readLine(socket.getInputStream())).startsWith("HTTP/1.1 200");
		}
		awaitFile(closed);
	}

	@Test
	void closeIsCalledWhenTheIterableRaises(CapturedOutput output) throws Exception {
		Path closed = work.resolve("closed-raise-" + System.nanoTime());
		RawResponse response = http().get("/bad/error-before-body?closed=" + closed);
		assertThat(response.status()).isEqualTo(500);
		awaitFile(closed);
		assertThat(output).contains("RuntimeError: failed before the first chunk");
	}

	@Test
	void failureAfterTheFirstChunkCutsTheResponse() throws Exception {
		Path closed = work.resolve("closed-late-" + System.nanoTime());
		RawResponse response = http().get("/bad/error-after-body?closed=" + closed);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("partial ");
		assertThat(response.complete()).as("truncated chunked body").isFalse();
		awaitFile(closed);
	}

	@Test
	void applicationErrorsAreAnswered500AndLoggedWithTraceback(CapturedOutput output) throws IOException {
		assertThat(http().get("/bad/raise").status()).isEqualTo(500);
		assertThat(output).contains("ValueError: boom from the application").contains("misbehaving.wsgi");
		assertThat(http().get("/bad/bad-status").status()).isEqualTo(500);
		assertThat(output).contains("invalid status line 'OK'");
		assertThat(http().get("/bad/hop-by-hop").status()).isEqualTo(500);
		assertThat(output).contains("hop-by-hop header not allowed");
		assertThat(http().get("/bad/non-latin1").status()).isEqualTo(500);
		assertThat(output).contains("response header is not latin-1");
		assertThat(http().get("/bad/twice").status()).isEqualTo(500);
		assertThat(output).contains("start_response() called a second time without exc_info");
		assertThat(http().get("/bad/str-body").status()).isEqualTo(500);
		assertThat(output).contains("response iterable must yield bytes, not str");
		assertThat(http().get("/bad/no-start-response").status()).isEqualTo(500);
		assertThat(output).contains("without calling start_response()");
	}

	@Test
	void startResponseWithExcInfoReplacesHeadersNotYetSent() throws IOException {
		RawResponse response = http().get("/bad/exc-info-replaces");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.text()).isEqualTo("replaced by the error handler");
	}

	@Test
	void brokenScriptsAre500AndTheRestKeepsServing(CapturedOutput output) throws IOException {
		assertThat(http().get("/syntax").status()).isEqualTo(500);
		assertThat(output).contains("SyntaxError").contains("classpath:wsgi/broken_syntax.wsgi");
		assertThat(http().get("/nocallable").status()).isEqualTo(500);
		assertThat(output).contains("does not contain WSGI application 'application'");
		assertThat(http().get("/py/still-alive").status()).isEqualTo(200);
	}

	@Test
	void callableObjectOptionNamesTheCallable() throws IOException {
		RawResponse response = http().get("/custom");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("custom callable");
	}

	@Test
	void javaControllerWinsOverAnOverlappingMount() throws IOException {
		RawResponse response = http().get("/py/java");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo("answered by Java");
	}

	@Test
	void javaControllerPathKeepsItsAnswersForOtherMethodsAndEncodedForms() throws IOException {
		// the controller's path is left to Spring MVC whatever the method: it refuses POST, as without mounts
		RawResponse post = http().send("POST /py/java HTTP/1.1\r\nHost: test.local\r\nContent-Length: 0\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(post.status()).isEqualTo(405);
		// Spring matches decoded segments: an encoded form of the controller's path is the controller's too
		RawResponse encoded = http().get("/py/j%61va");
		assertThat(encoded.status()).isEqualTo(200);
		assertThat(encoded.text()).isEqualTo("answered by Java");
	}

	@Test
	void multipartBodyReachesTheApplicationUnread() throws IOException {
		// Spring's multipart resolver parses such a body before the handler is chosen, unless it is a mount's
		byte[] body = multipart("note", "first", "notes.txt", "line one\nline two");
		Map<String, Object> document = document(post("/py/upload", body, "multipart/form-data; boundary=" + BOUNDARY));
		assertThat(document).containsEntry("body_length", body.length).containsEntry("body_sha256", sha256(body));
	}

	@Test
	void formsSentWithPutPatchOrDeleteReachTheApplicationUnread() throws IOException {
		// Spring's form-content filter reads such a body into request parameters, unless a mount answers it
		byte[] body = "name=value&other=1".getBytes(StandardCharsets.US_ASCII);
		for (String method : new String[] { "PUT", "PATCH", "DELETE" }) {
			Map<String, Object> document = document(send(method, "/py/form", body, "application/x-www-form-urlencoded"));
			assertThat(document).as(method)
				.containsEntry("body_length", body.length)
				.containsEntry("body_sha256", sha256(body));
		}
	}

	@Test
	void javaControllerInsideAMountStillGetsPartsAndForms() throws IOException {
		RawResponse upload = post("/py/java/upload", multipart("note", "first", "notes.txt", "line one"),
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(upload.status()).as(upload.text()).isEqualTo(200);
		assertThat(upload.text()).isEqualTo("first: notes.txt line one");
		RawResponse form = send("PUT", "/py/java/form", "name=java".getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded");
		assertThat(form.status()).as(form.text()).isEqualTo(200);
		assertThat(form.text()).isEqualTo("form name java");
	}

	@Test
	void bodyReadBeforeTheApplicationIsAnErrorNotAnEmptyBody(CapturedOutput output) throws IOException {
		// a servlet filter asking for the parameters of a form POST makes Tomcat read the body
		byte[] body = "name=value&other=1".getBytes(StandardCharsets.US_ASCII);
		RawResponse response = post(ParameterReadingFilter.URL, body, "application/x-www-form-urlencoded");
		assertThat(response.status()).isEqualTo(500);
		assertThat(output).contains("The body of POST " + ParameterReadingFilter.URL
				+ " was read before its WSGI application ran (it found 0 of 18 bytes)")
			.contains("OSError: request data read error: the request body ended after 0 of its 18 bytes");
	}

	@Test
	void unmountedPathsAreNotFound() throws IOException {
		assertThat(http().get("/pyx").status()).isEqualTo(404);
		assertThat(http().get("/PY/a").status()).isEqualTo(404);
	}

	@Test
	void fileWrapperSendsTheFile() throws Exception {
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		new Random(7).nextBytes(content);
		Path file = work.resolve("payload.bin");
		Files.write(file, content);
		// through the validator: the wrapper is iterated like any iterable
		RawResponse validated = http().get("/files/send?path=" + file);
		assertThat(validated.status()).isEqualTo(200);
		assertThat(sha256(validated.body())).isEqualTo(sha256(content));
		// unwrapped: the server sees its own file_wrapper and copies the file itself
		RawResponse whole = http().get("/direct-files/send?path=" + file);
		assertThat(whole.status()).isEqualTo(200);
		assertThat(whole.header("Content-Length")).isEqualTo(Integer.toString(content.length));
		assertThat(sha256(whole.body())).isEqualTo(sha256(content));
		RawResponse tail = http().get("/direct-files/send?path=" + file + "&skip=1000");
		assertThat(tail.header("Content-Length")).isEqualTo(Integer.toString(content.length - 1000));
		assertThat(sha256(tail.body())).isEqualTo(sha256(java.util.Arrays.copyOfRange(content, 1000, content.length)));
	}

	@Test
	void wsgiErrorsGoesToTheApplicationLogger(CapturedOutput output) throws IOException {
		assertThat(http().get("/files/log?text=hello-errors").status()).isEqualTo(200);
		assertThat(output).contains("wsgi.app.files_wsgi")
			.contains("a line for wsgi.errors: hello-errors")
			.contains("partial line");
	}

	@Test
	void printAndTheStandardStreamsAreLoggedLineByLineAsUnderModWsgi(CapturedOutput output) throws IOException {
		RawResponse response = http().get("/files/print?text=hello-print");
		// the oracle's mod_wsgi: TextIOWrapper(encoding utf-8, errors replace, line-buffered) over a log
		// object without a file descriptor; standard input at its end
		assertThat(document(response)).containsEntry("stdout",
				List.of("<stdout>", "utf-8", "replace", true, false, "OSError"))
			.containsEntry("stderr", List.of("<stderr>", "utf-8", "replace", true, false, "OSError"))
			.containsEntry("stdin", List.of("<stdin>", "", ""));
		// through the loggers (the JVM's own standard output would not be captured line by line with
		// them), split where mod_wsgi splits: at every newline, and after each write that had one
		assertThat(output.toString()).containsPattern("INFO .* wsgi\\.python\\.stdout\\s+: print at request: hello-print\\R")
			.containsPattern("wsgi\\.python\\.stdout\\s+: two lines\\R")
			.containsPattern("wsgi\\.python\\.stdout\\s+: second\\R")
			.containsPattern("wsgi\\.python\\.stdout\\s+:  tail\\R")
			.containsPattern("WARN .* wsgi\\.python\\.stderr\\s+: no newline continued\\R");
	}

	@Test
	void interpretersAreSetUpAsModWsgiSetsThemUp(CapturedOutput output) throws IOException {
		// the oracle's mod_wsgi: sys.argv ['mod_wsgi'], nothing in __main__, and signal.signal()
		// ignored with a warning (WSGIRestrictSignal On): installed, a SIGTERM handler would
		// take the JVM's shutdown signal
		assertThat(document(http().get("/files/interpreter"))).containsEntry("argv", List.of("mod_wsgi"))
			.containsEntry("main", List.of())
			.containsEntry("signal returns the handler", true)
			.containsEntry("handler installed", false);
		assertThat(output.toString()).containsPattern("WARN .* wsgi\\.python\\.stderr\\s+: "
				+ "Callback registration for signal 15 ignored\\.\\R")
			.containsPattern("wsgi\\.python\\.stderr\\s+:   File \"classpath:wsgi/files\\.wsgi\", line \\d+, in _application")
			// the caller's stack, not the signal module's wrapper around the builtin it patches
			.doesNotContainPattern("wsgi\\.python\\.stderr\\s+:   File \".*signal\\.py\"");
	}

	@Test
	void creatingAnInterpreterImportsNoModuleItCanDoWithout() throws IOException {
		// each is a cost of every interpreter's start, paid in Python: abc (which io imports) about
		// 0.2 s in the first interpreter without an AOT cache, signal (enum) about 1 s, traceback 3 s
		assertThat(document(http().get("/startup-modules"))).extractingByKey("modules")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("mod_wsgi", "_io")
			.doesNotContain("abc", "io", "types", "signal", "enum", "traceback", "threading", "os");
	}

	@Test
	void sysExitIsA500WhileOsExitAndSelfSignalsRestartTheSlotAsModWsgiRestartsTheProcess(CapturedOutput output) throws IOException {
		assertThat(http().get("/exiting/count").text()).isEqualTo("1");
		assertThat(http().get("/exiting/count").text()).isEqualTo("2");
		assertThat(http().get("/exiting/sysexit").status()).isEqualTo(500);
		assertThat(output).contains("SystemExit: 4");
		assertThat(http().get("/exiting/count").text()).isEqualTo("3");
		// GraalPy ends the call, not the JVM: the request is a 500, the slot gets fresh interpreters
		assertThat(http().get("/exiting/exit").status()).isEqualTo(500);
		assertThat(output).contains("the application ended its process (os._exit")
			.contains("replacing the interpreters of slot 1, as mod_wsgi's process would be restarted");
		assertThat(http().get("/exiting/count").text()).isEqualTo("1");
		// a signal to its own process id: not sent (it would be the JVM's), the slot restarts instead
		assertThat(http().get("/exiting/sigterm").text()).isEqualTo("2");
		assertThat(output).contains("os.kill(os.getpid(), SIGTERM) ends the interpreter's process");
		assertThat(http().get("/exiting/count").text()).isEqualTo("1");
		assertThat(http().get("/exiting/raise").text()).isEqualTo("2");
		assertThat(output).contains("signal.raise_signal(SIGHUP) ends the interpreter's process");
		assertThat(http().get("/exiting/count").text()).isEqualTo("1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void modWsgiEventsReachSubscribersAsUnderModWsgi(CapturedOutput output) throws Exception {
		// one slot, one thread, renewed after 5 requests: the events of one interpreter
		Path stopFile = work.resolve("process-stopping.txt");
		RawResponse subscribed = http().get("/events/subscribe?" + stopFile);
		Map<String, Object> first = document(subscribed);
		assertThat(first.get("callbacks")).isEqualTo(List.of(2, 1));
		assertThat(first.get("server_metrics")).isNull();
		assertThat(first.get("outside_a_request")).isEqualTo("no active request for thread");
		assertThat((Map<String, Object>) first.get("active")).hasSize(1);
		assertThat(first.get("request_data_is_shared")).isEqualTo(true);
		assertThat(http().get("/events/fail").status()).isEqualTo(500);
		assertThat(http().get("/events/wrapped").text()).isEqualTo("wrapped");
		Map<String, Object> fourth = document(http().get("/events/seen"));
		List<Map<String, Object>> seen = (List<Map<String, Object>>) fourth.get("seen");
		assertThat(seen).extracting((event) -> event.get("name"))
			.containsExactly("request_started", "response_started", "request_finished", // /subscribe
					"request_started", "request_exception", "request_finished", // /fail
					"request_started", "response_started", "request_finished", // /wrapped
					"request_started"); // this one
		assertThat((List<String>) seen.get(0).get("keys")).containsExactly("application_object", "application_start",
				"daemon_connects", "daemon_restarts", "daemon_start", "queue_start", "request_data",
				"request_environ", "request_id", "request_start", "thread_id");
		assertThat((List<String>) seen.get(1).get("keys")).containsExactly("exception_info", "request_data",
				"request_id", "response_headers", "response_status");
		assertThat(seen.get(1).get("status")).isEqualTo("200 OK");
		Map<String, Object> finished = seen.get(2);
		assertThat((List<String>) finished.get("keys")).contains("application_finish", "application_time",
				"input_length", "input_reads", "output_length", "output_writes", "request_data", "request_id");
		assertThat(finished.get("output_length")).isEqualTo(subscribed.body().length);
		assertThat(finished.get("input_length")).isEqualTo(0);
		assertThat(finished.get("data")).isEqualTo(Map.of("path", "/subscribe"));
		assertThat(seen.get(4).get("exception")).isEqualTo("KeyError('failing on purpose')");
		assertThat(seen.get(0).get("request_id")).isNotEqualTo(seen.get(3).get("request_id"));
		// a failing subscriber is logged; the next one still ran (above)
		assertThat(output).contains("Exception occurred within event callback \"request_started\".")
			.contains("ValueError: subscriber failed on request_started");
		// the fifth request renews the slot: its interpreter publishes process_stopping
		assertThat(Files.exists(stopFile)).isFalse();
		assertThat(http().get("/events/seen").status()).isEqualTo(200);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while ((!Files.exists(stopFile) || Files.size(stopFile) == 0) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(Files.readString(stopFile)).isEqualTo("process_stopping {'shutdown_reason': ''}\n");
	}

	@Test
	void headIsSeenAsHeadAndHasNoBody() throws IOException {
		RawResponse response = http().send("HEAD /py/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.header("Content-Length")).isNotNull();
	}

	@Test
	void corsPreflightRequestsReachTheApplication() throws IOException {
		// Apache has no CORS handling of its own: the application answers preflights, whichever
		// of the two WSGI mappings (the early one, or the late one after the Java mappings) routes them
		for (String path : List.of("/py/x", "/py/java/x")) {
			RawResponse response = http().send("OPTIONS " + path + " HTTP/1.1\r\nHost: x\r\nOrigin: http://other.test\r\n"
					+ "Access-Control-Request-Method: PUT\r\nConnection: close\r\n\r\n");
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header("Allow")).as(path).isNull();
			assertThat(environ(response)).as(path)
				.containsEntry("REQUEST_METHOD", "OPTIONS")
				.containsEntry("HTTP_ORIGIN", "http://other.test")
				.containsEntry("HTTP_ACCESS_CONTROL_REQUEST_METHOD", "PUT");
		}
	}

	@Test
	void optionsAnsweredWithoutABodyGetsNoHeadersFromSpring() throws IOException {
		for (String path : List.of("/py/x?mode=empty", "/py/java/x?mode=empty")) {
			for (String origin : List.of("", "Origin: http://other.test\r\nAccess-Control-Request-Method: PUT\r\n")) {
				RawResponse response = http().send("OPTIONS " + path + " HTTP/1.1\r\nHost: x\r\n" + origin
						+ "Connection: close\r\n\r\n");
				assertThat(response.status()).as(path + " " + origin).isEqualTo(204);
				assertThat(response.header("X-Request-Method")).as(path + " " + origin).isEqualTo("OPTIONS");
				assertThat(response.header("Allow")).as(path + " " + origin).isNull();
			}
		}
	}

	@Test
	void changedScriptIsReloadedOnItsNextRequest() throws Exception {
		assertThat(http().get("/reload").text()).isEqualTo("first version");
		writeReloadable("second version");
		Files.setLastModifiedTime(reloadable,
				java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
		assertThat(http().get("/reload").text()).isEqualTo("second version");
	}

	@Test
	void pythonCannotReachJavaHostClasses() throws IOException {
		Map<String, Object> result = document(http().get("/sandbox"));
		assertThat(result.get("java.type")).asString().startsWith("denied");
		assertThat(result.get("polyglot.eval")).asString().startsWith("denied");
	}

	@Test
	void requestKeepsItsInterpreterLockWhileItCallsJava() throws IOException {
		RawResponse response = http().get("/lock/kept");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).startsWith("kept=True interpreter=");
	}

	@Test
	void requestWaitingForItsBodyLetsTheInterpreterServeOthers() throws Exception {
		Path started = work.resolve("started-" + System.nanoTime());
		try (Socket socket = http().open()) {
			// the Host of RawHttpClient.get: the same application group, so the same interpreter
			send(socket, "POST /lock/body?started=" + started + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
					+ "\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
			awaitFile(started, "the application wrote this file before reading the body");
			// the only other thread of the same interpreter answers while the first waits for the client
			RawResponse other = http().withTimeout(10_000).get("/lock/kept");
			assertThat(other.status()).isEqualTo(200);
			assertThat(other.text()).isEqualTo("kept=True " + Files.readString(started));
			socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).startsWith("HTTP/1.1 200").endsWith("\r\n\r\nhello");
		}
	}

	@Test
	void concurrentRequestsAreServedBySeveralInterpreters() throws Exception {
		Set<String> interpreters = ConcurrentHashMap.newKeySet();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 200 && interpreters.size() < 2; round++) {
				Future<?>[] futures = new Future<?>[8];
				for (int i = 0; i < futures.length; i++) {
					futures[i] = clients.submit(() -> {
						RawResponse response = http().get("/py/concurrent");
						assertThat(response.status()).isEqualTo(200);
						interpreters.add((String) document(response).get("interpreter"));
						return null;
					});
				}
				for (Future<?> future : futures) {
					future.get(60, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(interpreters).hasSize(2);
	}

	private RawHttpClient http() {
		return new RawHttpClient(this.port);
	}

	private RawResponse post(String target, byte[] body, String contentType) throws IOException {
		return send("POST", target, body, contentType);
	}

	private RawResponse send(String method, String target, byte[] body, String contentType) throws IOException {
		String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nContent-Type: "
				+ contentType + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
		return http().send(head.getBytes(StandardCharsets.US_ASCII), body);
	}

	private static byte[] multipart(String field, String value, String filename, String content) {
		String text = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
				+ "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void send(Socket socket, String head) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static Map<String, Object> document(RawResponse response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return OracleGolden.parse(response.body());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environOf(Map<String, Object> document) {
		return (Map<String, Object>) document.get("environ");
	}

	private static Map<String, Object> environ(RawResponse response) {
		return environOf(document(response));
	}

	private static String sha256(byte[] data) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IOException(ex);
		}
	}

	private static void awaitFile(Path file) throws InterruptedException {
		awaitFile(file, "close() of the response iterable wrote this file");
	}

	private static void awaitFile(Path file, String description) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!Files.exists(file) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(file).as(description).exists();
	}

	private static void writeReloadable(String text) throws IOException {
		Files.writeString(reloadable, "def application(environ, start_response):\n"
				+ "    start_response('200 OK', [('Content-Type', 'text/plain')])\n" + "    return [b'" + text + "']\n");
	}

	private static Path createWorkDirectory() {
		try {
			return Files.createTempDirectory("wsgi-gateway-tests");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A servlet filter that asks for the request's parameters, on one URL of the /py mount. */
	@Configuration(proxyBeanMethods = false)
	static class ParameterReadingFilter {

		static final String URL = "/py/parameters-read";

		@Bean
		FilterRegistrationBean<Filter> parameterReadingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				request.getParameterMap();
				chain.doFilter(request, response);
			});
			registration.addUrlPatterns(URL);
			return registration;
		}

	}

}
