package dev.wsgiboot.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.wsgiboot.autoconfigure.testsupport.OracleGolden;
import dev.wsgiboot.autoconfigure.testsupport.ScenarioReplay;

/**
 * The mount-related oracle scenarios through the other front door: configured
 * with {@code wsgi.*} properties equivalent to each scenario's WSGIScriptAlias
 * lines, or to its Alias and Directory handler settings (where
 * {@link ApacheConformanceTests} uses the scenario's own Apache
 * configuration). Every request recorded against real Apache + mod_wsgi is
 * replayed on a fresh server and must give the same answer; the oracle's own
 * probe application answers, verbatim. The embedded group runs one
 * interpreter, as the oracle's Apache runs one child process.
 */
class OracleMountScenariosTests {

	static final String SCRIPTS = OracleGolden.oracleDirectory().resolve("apps/scripts") + "/";

	/** Scenario to its mounts (URL, script), in precedence order. */
	static final Map<String, String[][]> MOUNTS = new LinkedHashMap<>();

	static {
		MOUNTS.put("01-scriptalias-prefix", new String[][] { { "/myapp", "myapp.wsgi" } });
		MOUNTS.put("02-scriptalias-root", new String[][] { { "/", "myapp.wsgi" } });
		MOUNTS.put("03-multiple-mounts",
				new String[][] { { "/wiki", "mywiki.wsgi" }, { "/blog", "myblog.wsgi" }, { "/", "myapp.wsgi" } });
		MOUNTS.put("04-multiple-mounts-root-first",
				new String[][] { { "/", "myapp.wsgi" }, { "/wiki", "mywiki.wsgi" }, { "/blog", "myblog.wsgi" } });
		MOUNTS.put("32-uri-edge-cases", new String[][] { { "/myapp", "myapp.wsgi" } });
		MOUNTS.put("35-request-headers", new String[][] { { "/h", "a.wsgi" } });
		MOUNTS.put("36-head-requests", new String[][] { { "/emb", "a.wsgi" } });
		MOUNTS.put("37-host-and-port", new String[][] { { "/myapp", "myapp.wsgi" } });
		MOUNTS.put("42-application-group-case", new String[][] { { "/MyApp", "myapp.wsgi" }, { "/myapp", "a.wsgi" } });
	}

	static final String APPS = OracleGolden.oracleDirectory().resolve("apps").toString();

	/**
	 * Scenarios served by handler (Alias + wsgi.directories), to the properties
	 * equivalent to their Apache configuration.
	 */
	static final Map<String, List<String>> HANDLER_SCENARIOS = new LinkedHashMap<>();

	static {
		HANDLER_SCENARIOS.put("07-alias-sethandler", directory("scripts", "options=exec-cgi", "set-handler=wsgi-script"));
		HANDLER_SCENARIOS.put("08-alias-addhandler-mixed",
				directory("mixed", "options=exec-cgi", "handlers.cgi=cgi-script", "handlers.wsgi=wsgi-script"));
		HANDLER_SCENARIOS.put("09-multiviews", directory("mixed", "options=exec-cgi,multi-views",
				"multiviews-match=handlers", "handlers.cgi=cgi-script", "handlers.wsgi=wsgi-script"));
		HANDLER_SCENARIOS.put("10-indexes-directoryindex", directory("idx", "options=exec-cgi,indexes",
				"directory-index=index.html,index.wsgi,index.cgi", "handlers.cgi=cgi-script",
				"handlers.wsgi=wsgi-script"));
		List<String> site = new ArrayList<>(List.of("--wsgi.aliases[0].url=/site/",
				"--wsgi.aliases[0].path=" + APPS + "/site/", "--wsgi.directories[0].path=" + APPS + "/site",
				"--wsgi.directories[0].options=exec-cgi,multi-views,indexes",
				"--wsgi.directories[0].multiviews-match=handlers"));
		HANDLER_SCENARIOS.put("11-htaccess-fileinfo",
				concat(site, "--wsgi.directories[0].allow-override=file-info"));
		HANDLER_SCENARIOS.put("12-htaccess-fileinfo-indexes",
				concat(site, "--wsgi.directories[0].allow-override=file-info,indexes"));
	}

	static final Map<String, Map<String, String>> NOT_YET = Map.of("36-head-requests",
			Map.of("HEAD daemon", "daemon process groups (WSGIDaemonProcess)", "HEAD with WSGIMapHEADToGet On",
					"WSGIMapHEADToGet"));

	@TestFactory
	Stream<DynamicNode> mountScenarios() {
		return MOUNTS.keySet()
			.stream()
			.map((name) -> DynamicContainer.dynamicContainer(name, Stream.of(name).flatMap((n) -> run(n).stream())));
	}

	@TestFactory
	Stream<DynamicNode> handlerScenarios() {
		return HANDLER_SCENARIOS.keySet()
			.stream()
			.map((name) -> DynamicContainer.dynamicContainer(name,
					Stream.of(name).flatMap((n) -> run(n, HANDLER_SCENARIOS.get(n)).stream())));
	}

	private static List<DynamicNode> run(String name) {
		List<String> mountArgs = new ArrayList<>();
		String[][] mounts = MOUNTS.get(name);
		for (int i = 0; i < mounts.length; i++) {
			mountArgs.add("--wsgi.script-aliases[" + i + "].url=" + mounts[i][0]);
			mountArgs.add("--wsgi.script-aliases[" + i + "].path=" + SCRIPTS + mounts[i][1]);
		}
		return run(name, mountArgs);
	}

	/** {@code Alias /wsgi/ apps/<tree>/} and the tree's {@code wsgi.directories[0]} settings. */
	private static List<String> directory(String tree, String... settings) {
		List<String> args = new ArrayList<>(List.of("--wsgi.aliases[0].url=/wsgi/",
				"--wsgi.aliases[0].path=" + APPS + "/" + tree + "/", "--wsgi.directories[0].path=" + APPS + "/" + tree));
		for (String setting : settings) {
			args.add("--wsgi.directories[0]." + setting);
		}
		return args;
	}

	private static List<String> concat(List<String> args, String more) {
		List<String> all = new ArrayList<>(args);
		all.add(more);
		return all;
	}

	private static List<DynamicNode> run(String name, List<String> settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.application.name=" + name, "--wsgi.server-name=oracle.test", "--wsgi.embedded.processes=1"));
		args.addAll(settings);
		SpringApplication application = new SpringApplication(WsgiTestApplication.class);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			return ScenarioReplay.replay(OracleGolden.load(name), port, NOT_YET.getOrDefault(name, Map.of()),
					new int[3]);
		}
	}

}
