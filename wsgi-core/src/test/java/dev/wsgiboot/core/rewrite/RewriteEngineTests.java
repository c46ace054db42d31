package dev.wsgiboot.core.rewrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.WsgiConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rewrite engine on its own: rules written as in an Apache file, a request
 * made of a few variables, no HTTP.
 */
class RewriteEngineTests {

	@TempDir
	Path dir;

	private final Map<String, String> variables = new HashMap<>(Map.of("REMOTE_ADDR", "127.0.0.1",
			"REQUEST_METHOD", "GET", "SERVER_NAME", "example.test", "SERVER_PORT", "8080", "HTTPS", "off"));

	private final Map<String, String> headers = new HashMap<>(Map.of("host", "example.test:8080",
			"user-agent", "curl/8"));

	private final Map<String, String> env = new HashMap<>();

	private final RewriteRequest request = new RewriteRequest() {

		@Override
		public String variable(String name) {
			return RewriteEngineTests.this.variables.get(name);
		}

		@Override
		public String header(String name) {
			return RewriteEngineTests.this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		@Override
		public String env(String name) {
			return RewriteEngineTests.this.env.get(name);
		}

	};

	/** Server-context rules from Apache-style lines. */
	private static RewriteRuleSet server(String... lines) {
		return context(null, lines);
	}

	private static RewriteRuleSet context(Path directory, String... lines) {
		RewriteContextBuilder builder = new RewriteContextBuilder(directory, "test.conf:1");
		builder.engine(List.of("On"), "test.conf:1");
		int line = 2;
		for (String text : lines) {
			List<String> args = RewriteDirectives.split(text);
			String origin = "test.conf:" + line++;
			List<String> rest = args.subList(1, args.size());
			switch (args.get(0)) {
				case "RewriteCond" -> builder.condition(rest, origin);
				case "RewriteRule" -> builder.rule(rest, origin);
				case "RewriteBase" -> builder.base(rest, origin);
				default -> throw new IllegalArgumentException(text);
			}
		}
		return builder.build();
	}

	private RewriteOutcome run(RewriteRuleSet rules, String path, String query) {
		return new RewriteEngine(Map.of()).server(rules, this.request, path, query);
	}

	@Test
	void envFlagWithConditionBackReference() {
		RewriteRuleSet rules = server("RewriteCond %{REQUEST_URI} ^/~([^/]+)", "RewriteRule . - [E=APPLICATION_GROUP:~%1]");
		RewriteOutcome outcome = run(rules, "/~alice/a", null);
		assertThat(outcome.env()).containsEntry("APPLICATION_GROUP", "~alice");
		assertThat(outcome.rewritten()).isFalse();
		assertThat(run(rules, "/bob/a", null).env()).isEmpty();
	}

	@Test
	void ruleBackReferenceAndNegatedCondition() {
		RewriteRuleSet rules = server("RewriteRule ^/envpg/([^/]+)/ - [E=PROCESS_GROUP:$1]",
				"RewriteCond %{REMOTE_ADDR} !^127\\.0\\.0\\.1$", "RewriteRule . - [E=not_local:1]");
		RewriteOutcome outcome = run(rules, "/envpg/pg-a/x", null);
		assertThat(outcome.env()).containsExactly(Map.entry("PROCESS_GROUP", "pg-a"));
		assertThat(run(rules, "/envpg/pg-a", null).env()).isEmpty();
		this.variables.put("REMOTE_ADDR", "10.0.0.1");
		assertThat(run(rules, "/x", null).env()).containsEntry("not_local", "1");
	}

	@Test
	void substitutionWithQueryAppendAndPassThrough() {
		RewriteRuleSet rules = server("RewriteCond %{REQUEST_FILENAME} !-f", "RewriteRule ^(.*)$ /site.wsgi/$1 [QSA,PT,L]");
		RewriteOutcome outcome = run(rules, "/foo/bar", "x=1");
		assertThat(outcome.rewritten()).isTrue();
		assertThat(outcome.passThrough()).isTrue();
		// server context: $1 holds the leading slash, as Apache gives /site.wsgi//foo/bar
		assertThat(outcome.path()).isEqualTo("/site.wsgi//foo/bar");
		assertThat(outcome.query()).isEqualTo("x=1");
		RewriteOutcome withQuery = run(server("RewriteRule ^/a$ /b?y=2 [QSA]"), "/a", "x=1");
		assertThat(withQuery.query()).isEqualTo("y=2&x=1");
		assertThat(run(server("RewriteRule ^/a$ /b?y=2"), "/a", "x=1").query()).isEqualTo("y=2");
		assertThat(run(server("RewriteRule ^/a$ /b [QSD]"), "/a", "x=1").query()).isNull();
	}

	@Test
	void lastStopsAndRulesOtherwiseChain() {
		RewriteRuleSet rules = server("RewriteRule ^/a$ /b", "RewriteRule ^/b$ /c [L]", "RewriteRule ^/c$ /d");
		assertThat(run(rules, "/a", null).path()).isEqualTo("/c");
		assertThat(run(rules, "/c", null).path()).isEqualTo("/d");
		assertThat(run(rules, "/z", null).rewritten()).isFalse();
	}

	@Test
	void noCaseOrAndStringComparisons() {
		RewriteRuleSet rules = server("RewriteCond %{REQUEST_METHOD} =POST [OR]", "RewriteCond %{HTTP_USER_AGENT} ^CURL [NC]",
				"RewriteRule ^/API/(.*) /v2/$1 [NC]");
		assertThat(run(rules, "/api/x", null).path()).isEqualTo("/v2/x");
		this.headers.put("user-agent", "Mozilla");
		assertThat(run(rules, "/api/x", null).rewritten()).isFalse();
		this.variables.put("REQUEST_METHOD", "POST");
		assertThat(run(rules, "/api/x", null).rewritten()).isTrue();
		RewriteRuleSet compare = server("RewriteCond %{SERVER_PORT} -gt8000", "RewriteCond %{SERVER_NAME} >a",
				"RewriteRule ^ - [E=high:1]");
		assertThat(run(compare, "/", null).env()).containsEntry("high", "1");
	}

	@Test
	void headersEnvAndHttpsVariables() {
		this.env.put("FROM_SETENVIF", "yes");
		RewriteRuleSet rules = server("RewriteCond %{HTTP:User-Agent} curl", "RewriteCond %{ENV:FROM_SETENVIF} =yes",
				"RewriteCond %{HTTPS} off", "RewriteRule ^/(.*) - [E=ua:%{HTTP_HOST}/$1]",
				"RewriteCond %{ENV:ua} ^example", "RewriteRule ^ - [E=seen:%{ENV:ua}]");
		RewriteOutcome outcome = run(rules, "/p", null);
		assertThat(outcome.env()).containsEntry("ua", "example.test:8080/p").containsEntry("seen", "example.test:8080/p");
	}

	@Test
	void forbiddenGoneAndRedirects() {
		assertThat(run(server("RewriteRule ^/secret - [F]"), "/secret/x", null).status()).isEqualTo(403);
		assertThat(run(server("RewriteRule ^/old - [G]"), "/old", null).status()).isEqualTo(410);
		RewriteOutcome redirect = run(server("RewriteRule ^/old/(.*) /new/$1 [R=301,L]"), "/old/a b", "q=1");
		assertThat(redirect.status()).isEqualTo(301);
		assertThat(redirect.location()).isEqualTo("http://example.test:8080/new/a%20b?q=1");
		// %2 would be a condition's group: the percent sign is escaped with a backslash, as in Apache
		RewriteOutcome noEscape = run(server("RewriteRule ^/x /y\\%20z [R,NE]"), "/x", null);
		assertThat(noEscape.status()).isEqualTo(302);
		assertThat(noEscape.location()).isEqualTo("http://example.test:8080/y%20z");
		assertThat(run(server("RewriteRule ^/x /y\\%20z [R]"), "/x", null).location())
			.isEqualTo("http://example.test:8080/y%2520z");
		RewriteOutcome absolute = run(server("RewriteRule ^/(.*) https://other.test/$1"), "/p", null);
		assertThat(absolute.status()).isEqualTo(302);
		assertThat(absolute.location()).isEqualTo("https://other.test/p");
	}

	@Test
	void chainAndSkip() {
		RewriteRuleSet chain = server("RewriteRule ^/a - [C,E=first:1]", "RewriteRule ^/a/b - [E=second:1]",
				"RewriteRule ^ - [E=after:1]");
		assertThat(run(chain, "/a/b", null).env()).containsOnlyKeys("first", "second", "after");
		assertThat(run(chain, "/z/b", null).env()).containsOnlyKeys("after");
		RewriteRuleSet skip = server("RewriteRule ^/s - [S=1]", "RewriteRule ^ - [E=skipped:1]", "RewriteRule ^ - [E=kept:1]");
		assertThat(run(skip, "/s", null).env()).containsOnlyKeys("kept");
		assertThat(run(skip, "/t", null).env()).containsOnlyKeys("skipped", "kept");
	}

	@Test
	void unsetAndEndFlags() {
		this.env.put("x", "1");
		RewriteOutcome outcome = run(server("RewriteRule ^ - [E=!x,END]", "RewriteRule ^ - [E=y:1]"), "/", null);
		assertThat(outcome.env()).containsEntry("x", null).doesNotContainKey("y");
		assertThat(outcome.end()).isTrue();
	}

	@Test
	void fileTestsSeeTheFileSystem() throws IOException {
		Path file = Files.writeString(this.dir.resolve("robots.txt"), "x");
		Files.createFile(this.dir.resolve("empty"));
		RewriteRuleSet rules = server("RewriteCond " + this.dir + "%{REQUEST_URI} -f", "RewriteRule ^ - [E=file:1]",
				"RewriteCond " + this.dir + "%{REQUEST_URI} -s", "RewriteRule ^ - [E=nonempty:1]",
				"RewriteCond " + this.dir + "%{REQUEST_URI} -d", "RewriteRule ^ - [E=dir:1]");
		assertThat(run(rules, "/robots.txt", null).env()).containsOnlyKeys("file", "nonempty");
		assertThat(run(rules, "/empty", null).env()).containsOnlyKeys("file");
		assertThat(run(rules, "/", null).env()).containsOnlyKeys("dir");
		assertThat(file).exists();
	}

	@Test
	void serverContextRequestFilenameIsTheUrlPath() {
		RewriteRuleSet rules = server("RewriteCond %{REQUEST_FILENAME} ^/robots", "RewriteRule ^ - [E=url:1]");
		assertThat(run(rules, "/robots.txt", null).env()).containsKey("url");
	}

	@Test
	void directoryContextStripsTheDirectoryAndPutsTheBaseBack() throws IOException {
		Path docroot = Files.createDirectories(this.dir.resolve("docroot"));
		Files.writeString(docroot.resolve("robots.txt"), "x");
		RewriteRuleSet rules = context(docroot, "RewriteCond %{REQUEST_FILENAME} !-f",
				"RewriteRule ^(.*)$ /site.wsgi/$1 [QSA,PT,L]");
		RewriteEngine engine = new RewriteEngine(Map.of());
		RewriteOutcome outcome = engine.directory(rules, this.request, "/foo/bar", "x=1", docroot + "/foo", "/bar");
		assertThat(outcome.rewritten()).isTrue();
		assertThat(outcome.path()).isEqualTo("/site.wsgi/foo/bar");
		assertThat(outcome.query()).isEqualTo("x=1");
		assertThat(engine.directory(rules, this.request, "/robots.txt", null, docroot + "/robots.txt", "").rewritten())
			.isFalse();
		RewriteOutcome root = engine.directory(rules, this.request, "/", null, docroot.toString(), "");
		assertThat(root.path()).isEqualTo("/site.wsgi/");
		RewriteRuleSet relative = context(docroot, "RewriteBase /app/", "RewriteRule ^old/(.*)$ new/$1");
		assertThat(engine.directory(relative, this.request, "/app/old/x", null, docroot + "/old", "/x").path())
			.isEqualTo("/app/new/x");
		RewriteRuleSet noBase = context(docroot, "RewriteRule ^old/(.*)$ new/$1");
		assertThat(engine.directory(noBase, this.request, "/mount/old/x", null, docroot + "/old", "/x").path())
			.isEqualTo("/mount/new/x");
	}

	@Test
	void directoryRewriteToTheSameUrlIsIgnored() {
		RewriteRuleSet rules = context(this.dir, "RewriteRule ^(.*)$ /$1");
		RewriteOutcome outcome = new RewriteEngine(Map.of()).directory(rules, this.request, "/a", null,
				this.dir + "/a", "");
		assertThat(outcome.rewritten()).isFalse();
	}

	@Test
	void textRandomAndInternalMaps() throws IOException {
		Path users = Files.writeString(this.dir.resolve("users.txt"), "# users\nalice  /home/alice\nbob /home/bob extra\n");
		Path servers = Files.writeString(this.dir.resolve("servers.txt"), "static a|b\n");
		Map<String, RewriteMap> maps = new HashMap<>();
		for (RewriteMap map : new RewriteMap[] { RewriteDirectives.map(List.of("users", "txt:" + users), null, "m:1"),
				RewriteDirectives.map(List.of("servers", "rnd:" + servers), null, "m:2"),
				RewriteDirectives.map(List.of("lower", "int:tolower"), null, "m:3") }) {
			maps.put(map.name(), map);
		}
		RewriteEngine engine = new RewriteEngine(maps);
		RewriteRuleSet rules = server("RewriteRule ^/~([^/]+) ${users:${lower:$1}|/nobody} [E=home:${users:$1|none}]");
		RewriteOutcome alice = engine.server(rules, this.request, "/~ALICE", null);
		assertThat(alice.path()).isEqualTo("/home/alice");
		assertThat(alice.env()).containsEntry("home", "none");
		assertThat(engine.server(rules, this.request, "/~carol", null).path()).isEqualTo("/nobody");
		List<String> seen = new ArrayList<>();
		RewriteRuleSet random = server("RewriteRule ^ - [E=server:${servers:static}]");
		for (int i = 0; i < 50; i++) {
			seen.add(engine.server(random, this.request, "/", null).env().get("server"));
		}
		assertThat(seen).contains("a", "b").containsOnly("a", "b");
	}

	@Test
	void badInputIsRefusedWithItsOrigin() {
		assertThatExceptionOfType(WsgiConfigException.class).isThrownBy(() -> server("RewriteRule ^(.*$ /x"))
			.satisfies((ex) -> assertThat(ex.getOrigin()).isEqualTo("test.conf:2"))
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("bad regular expression"));
		assertThatExceptionOfType(WsgiConfigException.class).isThrownBy(() -> server("RewriteRule ^ /x [L,XYZ]"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("unknown flag 'XYZ' of RewriteRule"));
		assertThatExceptionOfType(WsgiConfigException.class).isThrownBy(() -> server("RewriteRule ^ /x [P]"))
			.satisfies((ex) -> assertThat(RewriteDirectives.isUnsupported(ex)).isTrue());
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> RewriteDirectives.map(List.of("m", "txt:" + this.dir.resolve("missing.txt")), null, "x.conf:7"))
			.satisfies((ex) -> assertThat(ex.getOrigin()).isEqualTo("x.conf:7"))
			.satisfies((ex) -> assertThat(ex.getReason()).startsWith("cannot read RewriteMap file"));
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> RewriteDirectives.map(List.of("m", "dbm:/etc/map.db"), null, "x.conf:8"))
			.satisfies((ex) -> assertThat(ex.getAction()).contains("txt:"));
		assertThatExceptionOfType(WsgiConfigException.class)
			.isThrownBy(() -> server("RewriteCond %{REMOTE_ADDR} ^127"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("RewriteCond without a RewriteRule after it"));
	}

}
