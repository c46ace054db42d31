package dev.wsgiboot.core.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.OptionsChange;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;
import dev.wsgiboot.core.routing.RouteMatch.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FileMapper}: the file-system mapping of Alias targets and the
 * DocumentRoot, with the answers recorded from Apache (oracle scenarios 07-12).
 */
class FileMapperTests {

	@TempDir
	Path root;

	@BeforeEach
	void tree() throws IOException {
		write("a.wsgi", "x");
		write("hello.cgi", "#!/bin/sh\n");
		write("dup.wsgi", "a longer file than the cgi one");
		write("dup.cgi", "short");
		write("readme.txt", "readme");
		write("only.unknownext", "?");
		write("apponly/index.wsgi", "x");
		write("both/index.html", "<p>");
		write("both/index.wsgi", "x");
		write("none/b.txt", "b");
	}

	@Test
	void addHandlerRunsWsgiAndCgiScriptsWithPathInfoAndServesOtherFiles() {
		FileMapper mapper = mapper(handlers("exec-cgi"));
		RouteMatch wsgi = mapper.map("/wsgi/a.wsgi/x/y", this.root + "/a.wsgi/x/y");
		assertThat(wsgi.kind()).isEqualTo(Kind.SCRIPT);
		assertThat(wsgi.scriptName()).isEqualTo("/wsgi/a.wsgi");
		assertThat(wsgi.pathInfo()).isEqualTo("/x/y");
		assertThat(wsgi.alias().url()).isEqualTo("/wsgi/a.wsgi");
		RouteMatch cgi = mapper.map("/wsgi/hello.cgi/extra", this.root + "/hello.cgi/extra");
		assertThat(cgi.kind()).isEqualTo(Kind.CGI);
		assertThat(cgi.staticFile()).isEqualTo(this.root.resolve("hello.cgi"));
		assertThat(cgi.pathInfo()).isEqualTo("/extra");
		assertThat(mapper.map("/wsgi/readme.txt", this.root + "/readme.txt").kind()).isEqualTo(Kind.FILE);
		assertThat(mapper.map("/wsgi/readme.txt/x", this.root + "/readme.txt/x").status()).isEqualTo(404);
		assertThat(mapper.map("/wsgi/a", this.root + "/a").status()).isEqualTo(404);
	}

	@Test
	void scriptsNeedExecCgi() {
		FileMapper mapper = mapper(handlers());
		assertThat(mapper.map("/wsgi/a.wsgi", this.root + "/a.wsgi").status()).isEqualTo(403);
		assertThat(mapper.map("/wsgi/hello.cgi", this.root + "/hello.cgi").status()).isEqualTo(403);
	}

	@Test
	void setHandlerRunsEveryFileAndRefusesTheDirectory() {
		FileMapper mapper = mapper(new HandlerSettings("wsgi-script", Map.of(), Set.of(), options("exec-cgi"), null,
				null, null));
		RouteMatch notes = mapper.map("/wsgi/readme.txt", this.root + "/readme.txt");
		assertThat(notes.kind()).isEqualTo(Kind.SCRIPT);
		assertThat(mapper.map("/wsgi/", this.root + "/").status()).isEqualTo(403);
	}

	@Test
	void directoryGetsItsSlashThenItsFirstIndexThenAListingOrA403() {
		HandlerSettings settings = new HandlerSettings(null, Map.of("wsgi", "wsgi-script"), Set.of(),
				options("exec-cgi", "indexes"), List.of("index.html", "index.wsgi"), null, null);
		FileMapper mapper = mapper(settings);
		RouteMatch redirect = mapper.map("/wsgi/apponly", this.root + "/apponly");
		assertThat(redirect.status()).isEqualTo(301);
		assertThat(redirect.redirectPath()).isEqualTo("/wsgi/apponly/");
		RouteMatch index = mapper.map("/wsgi/apponly/", this.root + "/apponly/");
		assertThat(index.kind()).isEqualTo(Kind.SCRIPT);
		assertThat(index.scriptName()).isEqualTo("/wsgi/apponly/index.wsgi");
		assertThat(index.pathInfo()).isEmpty();
		assertThat(mapper.map("/wsgi/both/", this.root + "/both/").staticFile())
			.isEqualTo(this.root.resolve("both/index.html"));
		assertThat(mapper.map("/wsgi/apponly/more/path", this.root + "/apponly/more/path").status()).isEqualTo(404);
		RouteMatch listing = mapper.map("/wsgi/none/", this.root + "/none/");
		assertThat(listing.kind()).isEqualTo(Kind.LISTING);
		assertThat(listing.scriptName()).isEqualTo("/wsgi/none/");
		assertThat(mapper(handlers("exec-cgi")).map("/wsgi/none/", this.root + "/none/").status()).isEqualTo(403);
	}

	@Test
	void multiViewsFindsTheSmallestVariantAndNamesItInScriptName() {
		HandlerSettings settings = new HandlerSettings(null, Map.of("wsgi", "wsgi-script", "cgi", "cgi-script"),
				Set.of(), options("exec-cgi", "multi-views"), null, true, null);
		FileMapper mapper = mapper(settings);
		RouteMatch a = mapper.map("/wsgi/a/extra", this.root + "/a/extra");
		assertThat(a.kind()).isEqualTo(Kind.SCRIPT);
		assertThat(a.scriptName()).isEqualTo("/wsgi/a.wsgi");
		assertThat(a.pathInfo()).isEqualTo("/extra");
		assertThat(a.negotiated()).isTrue();
		assertThat(mapper.map("/wsgi/dup", this.root + "/dup").staticFile()).isEqualTo(this.root.resolve("dup.cgi"));
		assertThat(mapper.map("/wsgi/readme", this.root + "/readme").staticFile())
			.isEqualTo(this.root.resolve("readme.txt"));
		assertThat(mapper.map("/wsgi/only", this.root + "/only").status()).isEqualTo(404);
		assertThat(mapper.map("/wsgi/nothing", this.root + "/nothing").status()).isEqualTo(404);
	}

	@Test
	void withoutMultiviewsMatchHandlersOnlyTypedFilesAreVariants() {
		HandlerSettings settings = new HandlerSettings(null, Map.of("wsgi", "wsgi-script"), Set.of(),
				options("exec-cgi", "multi-views"), null, null, null);
		FileMapper mapper = mapper(settings);
		assertThat(mapper.map("/wsgi/a", this.root + "/a").status()).isEqualTo(404);
		assertThat(mapper.map("/wsgi/readme", this.root + "/readme").kind()).isEqualTo(Kind.FILE);
	}

	@Test
	void deeperDirectoriesChangeInheritedSettings() throws IOException {
		write("sub/c.wsgi", "x");
		DirectorySettings outer = DirectorySettings.handling(this.root, handlers("exec-cgi"), "outer");
		DirectorySettings inner = DirectorySettings.handling(this.root.resolve("sub"),
				new HandlerSettings(null, Map.of(), Set.of("wsgi"), options("-exec-cgi"), null, null, null), "inner");
		FileMapper mapper = new FileMapper(List.of(outer, inner), OverrideFiles.NONE, this::typed);
		assertThat(mapper.map("/w/a.wsgi", this.root + "/a.wsgi").kind()).isEqualTo(Kind.SCRIPT);
		assertThat(mapper.map("/w/sub/c.wsgi", this.root + "/sub/c.wsgi").kind()).isEqualTo(Kind.FILE);
	}

	@Test
	void overrideFilesAreReadWhereAllowedAndABrokenOneIsA500() {
		HandlerSettings allow = new HandlerSettings(null, Map.of(), Set.of(), options("exec-cgi"), null, null,
				Set.of(OverrideClass.FILE_INFO));
		OverrideFiles fromFile = (directory, allowed) -> {
			assertThat(allowed).containsExactly(OverrideClass.FILE_INFO);
			return new HandlerSettings(null, Map.of("wsgi", "wsgi-script"), Set.of(), null, null, null, null);
		};
		FileMapper mapper = new FileMapper(List.of(DirectorySettings.handling(this.root, allow, "t")), fromFile,
				this::typed);
		assertThat(mapper.map("/w/a.wsgi", this.root + "/a.wsgi").kind()).isEqualTo(Kind.SCRIPT);
		OverrideFiles broken = (directory, allowed) -> {
			throw new OverrideFiles.InvalidOverrideException("DirectoryIndex not allowed here");
		};
		FileMapper failing = new FileMapper(List.of(DirectorySettings.handling(this.root, allow, "t")), broken,
				this::typed);
		assertThat(failing.map("/w/a.wsgi", this.root + "/a.wsgi").status()).isEqualTo(500);
		assertThat(failing.map("/w/none/", this.root + "/none/").status()).isEqualTo(500);
		FileMapper notAllowed = new FileMapper(List.of(), broken, this::typed);
		assertThat(notAllowed.map("/w/readme.txt", this.root + "/readme.txt").kind()).isEqualTo(Kind.FILE);
	}

	@Test
	void accessFilesAreNeverServed() throws IOException {
		write(".htaccess", "AddHandler cgi-script .cgi");
		assertThat(mapper(handlers()).map("/w/.htaccess", this.root + "/.htaccess").status()).isEqualTo(403);
	}

	@Test
	void documentRootLeavesMissingNamesToTheApplication() {
		Router router = new Router(List.of(), List.of(),
				new FileMapper(List.of(DirectorySettings.handling(this.root, handlers("exec-cgi"), "t")),
						OverrideFiles.NONE, this::typed),
				this.root);
		assertThat(router.resolve("/a.wsgi").scriptName()).isEqualTo("/a.wsgi");
		assertThat(router.resolve("/readme.txt").servesFile()).isTrue();
		assertThat(router.resolve("/missing")).isNull();
	}

	@Test
	void symbolicLinksAreFollowedByDefaultAndWithFollowSymLinksOnly(@TempDir Path outside) throws IOException {
		Files.writeString(outside.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(this.root.resolve("escape.txt"), outside.resolve("secret.txt"));
		Files.createSymbolicLink(this.root.resolve("linked"), outside);
		Files.createSymbolicLink(this.root.resolve("inside.txt"), this.root.resolve("readme.txt"));
		FileMapper followed = new FileMapper(List.of(), OverrideFiles.NONE, this::typed);
		assertThat(followed.map("/w/escape.txt", this.root + "/escape.txt").kind()).isEqualTo(Kind.FILE);
		assertThat(followed.map("/w/linked/secret.txt", this.root + "/linked/secret.txt").kind())
			.isEqualTo(Kind.FILE);
		FileMapper refused = mapper(handlers("exec-cgi"));
		assertThat(refused.map("/w/escape.txt", this.root + "/escape.txt").status()).isEqualTo(403);
		assertThat(refused.map("/w/linked/secret.txt", this.root + "/linked/secret.txt").status()).isEqualTo(403);
		assertThat(refused.map("/w/inside.txt", this.root + "/inside.txt").status()).isEqualTo(403);
		assertThat(refused.map("/w/readme.txt", this.root + "/readme.txt").kind()).isEqualTo(Kind.FILE);
		assertThat(mapper(handlers("exec-cgi", "follow-sym-links")).map("/w/escape.txt", this.root + "/escape.txt")
			.kind()).isEqualTo(Kind.FILE);
		// the link and its target belong to the same user here
		assertThat(mapper(handlers("sym-links-if-owner-match")).map("/w/inside.txt", this.root + "/inside.txt")
			.kind()).isEqualTo(Kind.FILE);
	}

	@Test
	void aDirectoryIndexThroughASymbolicLinkIsRefusedWithoutFollowSymLinks() throws IOException {
		Files.createDirectories(this.root.resolve("indexed"));
		Files.createSymbolicLink(this.root.resolve("indexed/index.html"), this.root.resolve("readme.txt"));
		assertThat(mapper(handlers()).map("/w/indexed/", this.root + "/indexed/").status()).isEqualTo(403);
		assertThat(mapper(handlers("follow-sym-links")).map("/w/indexed/", this.root + "/indexed/").staticFile())
			.isEqualTo(this.root.resolve("indexed/index.html"));
	}

	private FileMapper mapper(HandlerSettings settings) {
		return new FileMapper(List.of(DirectorySettings.handling(this.root, settings, "test")), OverrideFiles.NONE,
				this::typed);
	}

	private static HandlerSettings handlers(String... options) {
		return new HandlerSettings(null, Map.of("wsgi", "wsgi-script", "cgi", "cgi-script"), Set.of(),
				options(options), null, null, null);
	}

	private static OptionsChange options(String... words) {
		return OptionsChange.parse(List.of(words), "test");
	}

	private boolean typed(String extension) {
		return extension.equals("txt") || extension.equals("html");
	}

	private void write(String name, String content) throws IOException {
		Path file = this.root.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
