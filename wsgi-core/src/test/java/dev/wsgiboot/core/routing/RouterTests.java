package dev.wsgiboot.core.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.StaticAlias;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Router}. The expected SCRIPT_NAME and PATH_INFO values were
 * recorded from a real Apache httpd with mod_wsgi.
 */
class RouterTests {

	// Mount on a path

	@Test
	void mountMatchesAtOrBelowAPrefixWhenAboveItOrInsideIt() {
		assertThat(Router.matchesAtOrBelow("/", "/shop")).isTrue();
		assertThat(Router.matchesAtOrBelow("/shop", "/shop")).isTrue();
		assertThat(Router.matchesAtOrBelow("/shop/", "/shop")).isTrue();
		assertThat(Router.matchesAtOrBelow("/shop/wiki", "/shop")).isTrue();
		assertThat(Router.matchesAtOrBelow("/a", "/a/b")).isTrue();
		// whole segments: /sho matches neither /shop nor anything below it
		assertThat(Router.matchesAtOrBelow("/sho", "/shop")).isFalse();
		assertThat(Router.matchesAtOrBelow("/shopping", "/shop")).isFalse();
		assertThat(Router.matchesAtOrBelow("/wiki", "/shop")).isFalse();
	}

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


	@Nested
	class DirectoryMounts {

		@TempDir
		Path root;

		Path scripts;

		@BeforeEach
		void tree() throws IOException {
			this.scripts = Files.createDirectories(this.root.resolve("scripts"));
			Files.writeString(this.scripts.resolve("a.wsgi"), "");
			Files.createDirectories(this.scripts.resolve("sub"));
			Files.writeString(this.scripts.resolve("sub/b.wsgi"), "");
		}

		RouteMatch resolve(String url, String target, String path) {
			ScriptAlias alias = ScriptAlias.of(url, target, null, null, false, "test", getClass().getClassLoader());
			return new Router(List.of(alias)).resolve(path);
		}

		@Test
		void nextSegmentNamesTheScript() {
			RouteMatch match = resolve("/wsgi/", this.scripts + "/", "/wsgi/a.wsgi/x/y");
			assertThat(match.script().name()).isEqualTo(this.scripts.resolve("a.wsgi").toString());
			assertThat(match.scriptName()).isEqualTo("/wsgi/a.wsgi");
			assertThat(match.pathInfo()).isEqualTo("/x/y");
		}

		@Test
		void scriptsInSubdirectories() {
			RouteMatch match = resolve("/wsgi/", this.scripts + "/", "/wsgi/sub/b.wsgi");
			assertThat(match.scriptName()).isEqualTo("/wsgi/sub/b.wsgi");
			assertThat(match.pathInfo()).isEmpty();
		}

		@Test
		void directoryIsForbidden() {
			assertThat(resolve("/wsgi/", this.scripts + "/", "/wsgi/").status()).isEqualTo(403);
			assertThat(resolve("/wsgi/", this.scripts + "/", "/wsgi/sub/").status()).isEqualTo(403);
		}

		@Test
		void directoryWithoutTrailingSlashIsRedirected() {
			RouteMatch match = resolve("/dirnoslash", this.scripts + "/", "/dirnoslash");
			assertThat(match.status()).isEqualTo(301);
			assertThat(match.redirectPath()).isEqualTo("/dirnoslash/");
			assertThat(resolve("/dirnoslash", this.scripts + "/", "/dirnoslash/a.wsgi").scriptName())
				.isEqualTo("/dirnoslash/a.wsgi");
		}

		@Test
		void missingScriptIsNotFound() {
			assertThat(resolve("/wsgi/", this.scripts + "/", "/wsgi/a").status()).isEqualTo(404);
		}

		@Test
		void remainderIsAppendedToTheTargetAsWritten() {
			// Apache looks for "scriptsa.wsgi"
			assertThat(resolve("/dirslash/", this.scripts.toString(), "/dirslash/a.wsgi").status()).isEqualTo(404);
			assertThat(resolve("/dirslash/", this.scripts.toString(), "/dirslash/").status()).isEqualTo(403);
		}

		@Test
		void mountWithoutSlashNeedsASegmentBoundary() {
			assertThat(resolve("/wsgi", this.scripts + "/", "/wsgix/a.wsgi")).isNull();
			assertThat(resolve("/wsgi/", this.scripts + "/", "/wsgi")).isNull();
		}

		@Test
		void fileWrittenWithTrailingSlashGetsSlashPathInfo() {
			String target = this.scripts.resolve("a.wsgi") + "/";
			RouteMatch bare = resolve("/fileslash", target, "/fileslash");
			assertThat(bare.scriptName()).isEqualTo("/fileslash");
			assertThat(bare.pathInfo()).isEqualTo("/");
			RouteMatch deeper = resolve("/fileslash", target, "/fileslash/x");
			assertThat(deeper.scriptName()).isEqualTo("/fileslash");
			assertThat(deeper.pathInfo()).isEqualTo("/x");
		}

	}


	@Nested
	class ScriptAliasMatch {

		@TempDir
		Path scripts;

		RouteMatch resolve(String path) throws IOException {
			Files.writeString(this.scripts.resolve("a.wsgi"), "");
			ScriptAlias alias = ScriptAlias.match("^/wsgi/([^/]+)", this.scripts + "/$1.wsgi", null, null, "test",
					getClass().getClassLoader());
			return new Router(List.of(alias)).resolve(path);
		}

		@Test
		void matchedTextIsScriptNameAndGroupsFillTheLocation() throws IOException {
			RouteMatch match = resolve("/wsgi/a/x/y");
			assertThat(match.script().name()).isEqualTo(this.scripts.resolve("a.wsgi").toString());
			assertThat(match.scriptName()).isEqualTo("/wsgi/a");
			assertThat(match.pathInfo()).isEqualTo("/x/y");
		}

		@Test
		void missingFileIsNotFoundAndNoMatchIsNull() throws IOException {
			assertThat(resolve("/wsgi/a.wsgi").status()).isEqualTo(404);
			assertThat(resolve("/wsgi/")).isNull();
			assertThat(resolve("/wsgi")).isNull();
		}

	}


	@Nested
	class StaticAliases {

		@TempDir
		Path root;

		Router router;

		@BeforeEach
		void tree() throws IOException {
			Files.writeString(this.root.resolve("robots.txt"), "robots");
			Files.createDirectories(this.root.resolve("styles"));
			Files.writeString(this.root.resolve("styles/x.css"), "css");
			Files.createDirectories(this.root.resolve("media"));
			Files.writeString(this.root.resolve("media/pic.txt"), "pic");
			ScriptAlias app = new ScriptAlias("/", ScriptSource.of("/srv/app.wsgi", getClass().getClassLoader()), null,
					null, false, "test");
			this.router = new Router(List.of(app),
					List.of(StaticAlias.prefix("/robots.txt", this.root + "/robots.txt", "a"),
							StaticAlias.match("/([^/]*\\.css)", this.root + "/styles/$1", "b"),
							StaticAlias.prefix("/media/", this.root + "/media/", "c")));
		}

		@Test
		void aliasWinsOverAnEarlierScriptMount() {
			assertThat(this.router.resolve("/robots.txt").staticFile()).isEqualTo(this.root.resolve("robots.txt"));
			assertThat(this.router.resolve("/media/pic.txt").staticFile())
				.isEqualTo(this.root.resolve("media/pic.txt"));
		}

		@Test
		void aliasMatchIsUnanchored() {
			assertThat(this.router.resolve("/deep/dir/x.css").staticFile())
				.isEqualTo(this.root.resolve("styles/x.css"));
			assertThat(this.router.resolve("/nope.css").status()).isEqualTo(404);
		}

		@Test
		void directoryWithoutIndexIsForbiddenAndPathBelowAFileIsNotFound() {
			assertThat(this.router.resolve("/media/").status()).isEqualTo(403);
			assertThat(this.router.resolve("/robots.txt/extra").status()).isEqualTo(404);
		}

		@Test
		void aliasWithSlashNeedsTheSlash() {
			RouteMatch app = this.router.resolve("/media");
			assertThat(app.servesFile()).isFalse();
			assertThat(app.pathInfo()).isEqualTo("/media");
		}

	}

}
