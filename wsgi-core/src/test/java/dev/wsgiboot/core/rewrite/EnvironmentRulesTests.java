package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SetEnvIf and the scoped mod_env directives, without HTTP.
 */
class EnvironmentRulesTests {

	private final Map<String, String> attributes = Map.of("remote_addr", "127.0.0.1", "request_uri", "/app/x",
			"user-agent", "Mozilla/5.0 (X11)");

	private static SetEnvIfRule rule(String line, boolean noCase, EnvScope scope) {
		return RewriteDirectives.setEnvIf(RewriteDirectives.split(line), noCase, scope, "test.conf:1");
	}

	@Test
	void setEnvIfSetsUnsetsAndSubstitutes() {
		Map<String, String> env = new LinkedHashMap<>(Map.of("old", "1"));
		List<SetEnvIfRule> rules = List.of(rule("Remote_Addr ^127\\.0\\.0\\.1$ local=1 !old", false, EnvScope.SERVER),
				rule("User-Agent ^(Mozilla)/([0-9.]+) browser=$1-$2 flag", false, EnvScope.SERVER),
				rule("user-agent ^mozilla upper", false, EnvScope.SERVER),
				rule("user-agent ^mozilla nocase", true, EnvScope.SERVER),
				rule("local ^1$ chained", false, EnvScope.SERVER),
				rule("Request_URI ^/other scoped", false, EnvScope.SERVER));
		EnvironmentRules.setEnvIf(rules, true, "/app/x", null, this.attributes::get, env);
		assertThat(env).containsEntry("local", "1").containsEntry("browser", "Mozilla-5.0").containsEntry("flag", "1")
			.containsEntry("nocase", "1").containsEntry("chained", "1").doesNotContainKeys("old", "upper", "scoped");
	}

	@Test
	void scopedRulesRunInTheirPhaseOnly() {
		List<SetEnvIfRule> rules = List.of(rule("Remote_Addr . inside=1", false, EnvScope.location("/app")),
				rule("Remote_Addr . files=1", false, EnvScope.directory(Path.of("/srv/a"), "a.wsgi")),
				rule("Remote_Addr . elsewhere=1", false, EnvScope.location("/application")));
		Map<String, String> server = new LinkedHashMap<>();
		EnvironmentRules.setEnvIf(rules, true, "/app/x", Path.of("/srv/a/a.wsgi"), this.attributes::get, server);
		assertThat(server).isEmpty();
		Map<String, String> scoped = new LinkedHashMap<>();
		EnvironmentRules.setEnvIf(rules, false, "/app/x", Path.of("/srv/a/a.wsgi"), this.attributes::get, scoped);
		assertThat(scoped).containsOnlyKeys("inside", "files");
	}

	@Test
	void modEnvMergesFromTheWidestScope() {
		List<EnvDirective> directives = List.of(
				new EnvDirective(EnvDirective.Kind.SET, "A", "deep", EnvScope.directory(Path.of("/srv/a/b"), null), "1"),
				new EnvDirective(EnvDirective.Kind.SET, "A", "shallow", EnvScope.directory(Path.of("/srv/a"), null), "2"),
				new EnvDirective(EnvDirective.Kind.UNSET, "SERVER_ONLY", null, EnvScope.directory(Path.of("/srv/a"), null),
						"3"),
				new EnvDirective(EnvDirective.Kind.PASS, "HOME_DIR", null, EnvScope.SERVER, "4"),
				new EnvDirective(EnvDirective.Kind.UNSET, "A", null, EnvScope.location("/x"), "5"));
		Map<String, String> vars = new LinkedHashMap<>(Map.of("SERVER_ONLY", "1"));
		EnvironmentRules.modEnv(directives, false, "/x", Path.of("/srv/a/b/app.wsgi"),
				(name) -> name.equals("HOME_DIR") ? "/home/u" : null, vars);
		assertThat(vars).containsEntry("A", "deep").containsEntry("HOME_DIR", "/home/u").doesNotContainKey("SERVER_ONLY");
		EnvironmentRules.modEnv(directives, true, "/x", Path.of("/srv/a/b/app.wsgi"), (name) -> null, vars);
		assertThat(vars).doesNotContainKey("A");
	}

}
