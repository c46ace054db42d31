package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient;
import dev.wsgiboot.autoconfigure.testsupport.RawHttpClient.RawResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files served by handler through the {@code wsgi.*} properties: an Alias
 * directory whose {@code wsgi.directories} entry maps {@code .wsgi} and
 * {@code .cgi} to their handlers with {@code options=exec-cgi,indexes}; static
 * files with validators, conditional and range requests; CGI scripts really run
 * (environment, request body, Status, failures, timeout); listings escaped;
 * {@code .htaccess} files read again when they change.
 */
@SpringBootTest(classes = WsgiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=file-serving", "wsgi.server-name=oracle.test",
				"wsgi.embedded.processes=1", "wsgi.cgi-timeout=2s" })
class WsgiFileServingTests {

	static final byte[] BIG = new byte[6 * 1024 * 1024 + 7];

	static final Path ROOT = tree();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("wsgi.aliases[0].url", () -> "/site/");
		registry.add("wsgi.aliases[0].path", () -> ROOT.resolve("site") + "/");
		registry.add("wsgi.directories[0].path", () -> ROOT.resolve("site").toString());
		registry.add("wsgi.directories[0].handlers.wsgi", () -> "wsgi-script");
		registry.add("wsgi.directories[0].handlers.cgi", () -> "cgi-script");
		registry.add("wsgi.directories[0].options", () -> "exec-cgi,indexes");
		registry.add("wsgi.aliases[1].url", () -> "/ht/");
		registry.add("wsgi.aliases[1].path", () -> ROOT.resolve("ht") + "/");
		registry.add("wsgi.directories[1].path", () -> ROOT.resolve("ht").toString());
		registry.add("wsgi.directories[1].options", () -> "exec-cgi");
		registry.add("wsgi.directories[1].allow-override", () -> "file-info");
	}

	// static files

	@Test
	void staticFileHasValidatorsAndAnswersConditionalRequestsWith304() throws IOException {
		RawResponse full = get("/site/data.txt", "");
		assertThat(full.status()).isEqualTo(200);
		assertThat(full.text()).isEqualTo("0123456789abcdef");
		assertThat(full.header("Content-Type")).startsWith("text/plain");
		assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
		String etag = full.header("ETag");
		String lastModified = full.header("Last-Modified");
		assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]+\"");
		RawResponse byTag = get("/site/data.txt", "If-None-Match: \"other\", " + etag + "\r\n");
		assertThat(byTag.status()).isEqualTo(304);
		assertThat(byTag.body()).isEmpty();
		assertThat(byTag.header("ETag")).isEqualTo(etag);
		assertThat(get("/site/data.txt", "If-Modified-Since: " + lastModified + "\r\n").status()).isEqualTo(304);
		assertThat(get("/site/data.txt", "If-Modified-Since: Thu, 01 Jan 2015 00:00:00 GMT\r\n").status())
			.isEqualTo(200);
		assertThat(get("/site/data.txt", "If-None-Match: \"other\"\r\nIf-Modified-Since: " + lastModified + "\r\n")
			.status()).as("If-None-Match decides when present").isEqualTo(200);
		assertThat(get("/site/data.txt", "If-Match: \"other\"\r\n").status()).isEqualTo(412);
	}

	@Test
	void rangeRequestsGet206AndUnsatisfiableOnes416() throws IOException {
		RawResponse range = get("/site/data.txt", "Range: bytes=2-5\r\n");
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.text()).isEqualTo("2345");
		assertThat(range.header("Content-Range")).isEqualTo("bytes 2-5/16");
		assertThat(get("/site/data.txt", "Range: bytes=-3\r\n").text()).isEqualTo("def");
		assertThat(get("/site/data.txt", "Range: bytes=10-\r\n").text()).isEqualTo("abcdef");
		RawResponse unsatisfiable = get("/site/data.txt", "Range: bytes=16-20\r\n");
		assertThat(unsatisfiable.status()).isEqualTo(416);
		assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */16");
		assertThat(get("/site/data.txt", "Range: bytes=2-5\r\nIf-Range: \"stale\"\r\n").status())
			.as("a stale If-Range gets the whole file").isEqualTo(200);
		assertThat(get("/site/data.txt", "Range: lines=1-2\r\n").status()).isEqualTo(200);
	}

	@Test
	void headHasTheLengthButNoBody() throws IOException {
		RawResponse head = new RawHttpClient(this.port)
			.send("HEAD /site/data.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo("16");
		assertThat(head.body()).isEmpty();
	}

	@Test
	void largeFileArrivesWhole() throws Exception {
		RawResponse big = get("/site/big.bin", "");
		assertThat(big.status()).isEqualTo(200);
		assertThat(big.header("Content-Length")).isEqualTo(Integer.toString(BIG.length));
		assertThat(sha256(big.body())).isEqualTo(sha256(BIG));
		RawResponse tail = get("/site/big.bin", "Range: bytes=" + (BIG.length - 10) + "-\r\n");
		assertThat(tail.body()).containsExactly(Arrays.copyOfRange(BIG, BIG.length - 10, BIG.length));
	}

	// scripts by handler

	@Test
	void wsgiScriptRunsWithScriptNameUpToTheFileAndItsOwnApplicationGroup() throws IOException {
		// the first request starts an interpreter, which can take long on a loaded machine
		RawResponse response = new RawHttpClient(this.port, 180_000)
			.send("GET /site/hello.wsgi/a/b?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		// a Host without port: the default group omits port 80, as mod_wsgi does
		assertThat(response.text()).isEqualTo("/site/hello.wsgi|/a/b|oracle.test|/site/hello.wsgi");
	}

	@Test
	void cgiScriptGetsTheCgiEnvironment() throws IOException {
		RawResponse response = get("/site/env.cgi/extra?q=1", "X-Custom: yes\r\n");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/plain");
		assertThat(response.text()).contains("GATEWAY_INTERFACE=CGI/1.1\n", "SCRIPT_NAME=/site/env.cgi\n",
				"PATH_INFO=/extra\n", "QUERY_STRING=q=1\n", "REQUEST_METHOD=GET\n", "HTTP_X_CUSTOM=yes\n",
				"SCRIPT_FILENAME=" + ROOT.resolve("site/env.cgi") + "\n", "REQUEST_URI=/site/env.cgi/extra?q=1\n",
				"SERVER_PROTOCOL=HTTP/1.1\n", "REMOTE_ADDR=127.0.0.1\n")
			.doesNotContain("mod_wsgi", "wsgi.");
		assertThat(get("/site/env.cgi", "").text()).doesNotContain("PATH_INFO=");
	}

	@Test
	void cgiScriptReadsTheBodyAndSetsStatusAndHeaders() throws IOException {
		String body = "name=value&more=" + "x".repeat(100_000);
		RawResponse response = new RawHttpClient(this.port).send(("POST /site/echo.cgi HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
				body.getBytes(StandardCharsets.US_ASCII));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("X-Cgi")).isEqualTo("yes");
		assertThat(response.text()).isEqualTo(body);
	}

	@Test
	void cgiRedirects() throws IOException {
		RawResponse external = get("/site/redirect.cgi", "");
		assertThat(external.status()).isEqualTo(302);
		assertThat(external.header("Location")).isEqualTo("http://example.com/elsewhere");
		RawResponse local = get("/site/local.cgi", "");
		assertThat(local.status()).isEqualTo(200);
		assertThat(local.text()).isEqualTo("0123456789abcdef");
	}

	@Test
	void failingCgiScriptsGive500AndSilentOnes504() throws IOException {
		assertThat(get("/site/fail.cgi", "").status()).isEqualTo(500);
		assertThat(get("/site/bad.cgi", "").status()).isEqualTo(500);
		assertThat(get("/site/notexecutable.cgi", "").status()).isEqualTo(500);
		long start = System.nanoTime();
		assertThat(get("/site/slow.cgi", "").status()).isEqualTo(504);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
	}

	// directories

	@Test
	void directoryListingEscapesNames() throws IOException {
		assertThat(get("/site/list", "").status()).isEqualTo(301);
		RawResponse listing = get("/site/list/", "");
		assertThat(listing.status()).isEqualTo(200);
		assertThat(listing.header("Content-Type")).startsWith("text/html");
		assertThat(listing.text()).contains("<a href=\"/site/\"> Parent Directory</a>",
				"<a href=\"%3Cb%3E%26x%22.txt\"> &lt;b&gt;&amp;x&quot;.txt</a>", "<a href=\"sub/\"> sub/</a>")
			.doesNotContain("<b>");
	}

	@Test
	void htaccessIsReadAgainWhenItChanges() throws IOException {
		Path htaccess = ROOT.resolve("ht/.htaccess");
		try {
			RawResponse plain = get("/ht/run.cgi", "");
			assertThat(plain.status()).isEqualTo(200);
			assertThat(plain.text()).startsWith("#!/bin/sh");
			writeLater(htaccess, "AddHandler cgi-script .cgi\n", 1);
			assertThat(get("/ht/run.cgi", "").text()).isEqualTo("ran\n");
			writeLater(htaccess, "AddHandler cgi-script .cgi\nDirectoryIndex run.cgi\n", 2);
			assertThat(get("/ht/run.cgi", "").status()).as("DirectoryIndex needs AllowOverride Indexes").isEqualTo(500);
			writeLater(htaccess, "RemoveHandler .cgi\n", 3);
			assertThat(get("/ht/run.cgi", "").text()).startsWith("#!/bin/sh");
			assertThat(get("/ht/.htaccess", "").status()).isEqualTo(403);
		}
		finally {
			Files.deleteIfExists(htaccess);
		}
	}

	private RawResponse get(String target, String headers) throws IOException {
		return new RawHttpClient(this.port)
			.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n");
	}

	private static void writeLater(Path file, String text, int seconds) throws IOException {
		Files.writeString(file, text);
		Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + seconds * 1000L));
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static Path tree() {
		try {
			Path root = Files.createTempDirectory("file-serving");
			Path site = Files.createDirectories(root.resolve("site"));
			Files.writeString(site.resolve("data.txt"), "0123456789abcdef");
			new Random(42).nextBytes(BIG);
			Files.write(site.resolve("big.bin"), BIG);
			Files.writeString(site.resolve("hello.wsgi"), """
					def application(environ, start_response):
					    start_response('200 OK', [('Content-Type', 'text/plain')])
					    return ['|'.join([environ['SCRIPT_NAME'], environ['PATH_INFO'],
					                      environ['mod_wsgi.application_group']]).encode()]
					""");
			script(site.resolve("env.cgi"), "printf 'Content-Type: text/plain\\r\\n\\r\\n'\nenv | sort\n");
			script(site.resolve("echo.cgi"),
					"printf 'Status: 201 Created\\r\\nContent-Type: text/plain\\r\\nX-Cgi: yes\\r\\n\\r\\n'\ncat\n");
			script(site.resolve("redirect.cgi"), "printf 'Location: http://example.com/elsewhere\\r\\n\\r\\n'\n");
			script(site.resolve("local.cgi"), "printf 'Location: /site/data.txt\\r\\n\\r\\n'\n");
			script(site.resolve("fail.cgi"), "echo 'something went wrong' >&2\nexit 3\n");
			script(site.resolve("bad.cgi"), "echo 'this is not a header'\necho\necho body\n");
			script(site.resolve("slow.cgi"), "sleep 20\n");
			Files.writeString(site.resolve("notexecutable.cgi"), "#!/bin/sh\necho\n");
			Path list = Files.createDirectories(site.resolve("list/sub"));
			Files.writeString(list.getParent().resolve("<b>&x\".txt"), "escaped");
			Path ht = Files.createDirectories(root.resolve("ht"));
			script(ht.resolve("run.cgi"), "printf 'Content-Type: text/plain\\r\\n\\r\\n'\necho ran\n");
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void script(Path file, String body) throws IOException {
		Files.writeString(file, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

}
