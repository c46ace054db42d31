package dev.wsgiboot.core.routing;

import java.util.List;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Router}. The expected SCRIPT_NAME and PATH_INFO values were
 * recorded from a real Apache httpd with mod_wsgi.
 */
class RouterTests {

	// Mount on a path

	@Test
	void mountPointItselfHasEmptyPathInfo() {
		ScriptAlias myapp = alias("/myapp");
		assertMatch(router(myapp).resolve("/myapp"), myapp, "/myapp", "");
	}

	@Test
	void mountPointWithTrailingSlashHasSlashPathInfo() {
		ScriptAlias myapp = alias("/myapp");
		assertMatch(router(myapp).resolve("/myapp/"), myapp, "/myapp", "/");
	}

	@Test
	void remainderBecomesPathInfo() {
		ScriptAlias myapp = alias("/myapp");
		assertMatch(router(myapp).resolve("/myapp/a/b"), myapp, "/myapp", "/a/b");
	}

	@Test
	void trailingSlashIsKeptInPathInfo() {
		ScriptAlias myapp = alias("/myapp");
		assertMatch(router(myapp).resolve("/myapp/a/b/"), myapp, "/myapp", "/a/b/");
	}

	@Test
	void mountMatchesWholeSegmentsOnly() {
		assertThat(router(alias("/myapp")).resolve("/myappx")).isNull();
	}

	@Test
	void mountMatchIsCaseSensitive() {
		assertThat(router(alias("/myapp")).resolve("/MyApp/a")).isNull();
	}

	@Test
	void unrelatedPathDoesNotMatch() {
		assertThat(router(alias("/myapp")).resolve("/other")).isNull();
	}

	@Test
	void noMountsMatchNothing() {
		assertThat(new Router(List.of()).resolve("/")).isNull();
	}

	// Root mount

	@Test
	void rootMountHasEmptyScriptNameForRoot() {
		ScriptAlias root = alias("/");
		assertMatch(router(root).resolve("/"), root, "", "/");
	}

	@Test
	void rootMountPassesWholePathAsPathInfo() {
		ScriptAlias root = alias("/");
		assertMatch(router(root).resolve("/a/b"), root, "", "/a/b");
	}

	// Several mounts

	@Test
	void firstListedMountWinsWhenRootIsFirst() {
		ScriptAlias root = alias("/");
		ScriptAlias wiki = alias("/wiki");
		assertMatch(router(root, wiki).resolve("/wiki/Page"), root, "", "/wiki/Page");
	}

	@Test
	void firstListedMountWinsWhenSpecificMountIsFirst() {
		ScriptAlias wiki = alias("/wiki");
		ScriptAlias root = alias("/");
		assertMatch(router(wiki, root).resolve("/wiki/Page"), wiki, "/wiki", "/Page");
	}

	@Test
	void longerSegmentFallsThroughToRootMount() {
		ScriptAlias wiki = alias("/wiki");
		ScriptAlias root = alias("/");
		assertMatch(router(wiki, root).resolve("/wikipedia"), root, "", "/wikipedia");
	}

	// Mount with a trailing slash

	@Test
	void mountWithTrailingSlashMatchesItselfWithEmptyPathInfo() {
		ScriptAlias slash = alias("/slash/");
		assertMatch(router(slash).resolve("/slash/"), slash, "/slash/", "");
	}

	@Test
	void mountWithTrailingSlashDoesNotMatchDeeperPaths() {
		// Apache appends "x/y" to the script file name, looks for app.wsgix and answers 404
		assertThat(router(alias("/slash/")).resolve("/slash/x/y")).isNull();
	}

	@Test
	void mountWithTrailingSlashDoesNotMatchPathWithoutIt() {
		assertThat(router(alias("/slash/")).resolve("/slash")).isNull();
	}

	private ScriptAlias alias(String url) {
		return new ScriptAlias(url, ScriptSource.of("/srv/app.wsgi", getClass().getClassLoader()), null, null, false,
				"test");
	}

	private static Router router(ScriptAlias... aliases) {
		return new Router(List.of(aliases));
	}

	private static void assertMatch(RouteMatch match, ScriptAlias alias, String scriptName, String pathInfo) {
		assertThat(match).isNotNull();
		assertThat(match.alias()).isSameAs(alias);
		assertThat(match.scriptName()).as("SCRIPT_NAME").isEqualTo(scriptName);
		assertThat(match.pathInfo()).as("PATH_INFO").isEqualTo(pathInfo);
	}

}
