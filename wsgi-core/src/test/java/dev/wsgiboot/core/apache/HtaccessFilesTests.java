package dev.wsgiboot.core.apache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.Option;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;
import dev.wsgiboot.core.routing.OverrideFiles.InvalidOverrideException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HtaccessFiles}: Apache's answers for the document's
 * {@code .htaccess} under {@code AllowOverride FileInfo} (oracle scenario 11)
 * and {@code FileInfo Indexes} (12), and re-reading a changed file.
 */
class HtaccessFilesTests {

	private static final String DOCUMENT_EXAMPLE = """
			DirectoryIndex index.html index.wsgi index.cgi

			AddHandler cgi-script .cgi
			AddHandler wsgi-script .wsgi
			""";

	@TempDir
	Path directory;

	private final HtaccessFiles files = new HtaccessFiles();

	@Test
	void directiveOfAClassNotAllowedMakesTheFileInvalid() throws IOException {
		write(DOCUMENT_EXAMPLE, 0);
		assertThatExceptionOfType(InvalidOverrideException.class)
			.isThrownBy(() -> this.files.read(this.directory, Set.of(OverrideClass.FILE_INFO)))
			.withMessageEndingWith(".htaccess: DirectoryIndex not allowed here");
	}

	@Test
	void allowedDirectivesAreApplied() throws Exception {
		write(DOCUMENT_EXAMPLE, 0);
		HandlerSettings settings = this.files.read(this.directory,
				EnumSet.of(OverrideClass.FILE_INFO, OverrideClass.INDEXES));
		assertThat(settings.directoryIndex()).containsExactly("index.html", "index.wsgi", "index.cgi");
		assertThat(settings.handlers()).containsEntry("cgi", "cgi-script").containsEntry("wsgi", "wsgi-script");
	}

	@Test
	void changedFileIsReadAgainAndARemovedOneForgotten() throws Exception {
		write("AddHandler cgi-script .cgi\n", 0);
		Set<OverrideClass> all = EnumSet.allOf(OverrideClass.class);
		assertThat(this.files.read(this.directory, all).handlers()).containsOnlyKeys("cgi");
		write("AddHandler wsgi-script .wsgi\nOptions +Indexes\n", 10_000);
		HandlerSettings changed = this.files.read(this.directory, all);
		assertThat(changed.handlers()).containsOnlyKeys("wsgi");
		assertThat(changed.options().on()).containsExactly(Option.INDEXES);
		write("Bogus directive\n", 20_000);
		assertThatExceptionOfType(InvalidOverrideException.class).isThrownBy(() -> this.files.read(this.directory, all))
			.withMessageContaining("Invalid command 'Bogus'");
		Files.delete(this.directory.resolve(".htaccess"));
		assertThat(this.files.read(this.directory, all)).isNull();
	}

	@Test
	void knownDirectiveThatIsNotAppliedIsRefusedNotIgnored() throws IOException {
		write("RewriteEngine On\n", 0);
		assertThatExceptionOfType(InvalidOverrideException.class)
			.isThrownBy(() -> this.files.read(this.directory, Set.of(OverrideClass.FILE_INFO)))
			.withMessageContaining("RewriteEngine is not supported in .htaccess files");
		assertThatExceptionOfType(InvalidOverrideException.class)
			.isThrownBy(() -> this.files.read(this.directory, Set.of(OverrideClass.INDEXES)))
			.withMessageEndingWith("RewriteEngine not allowed here");
	}

	@Test
	void readerAppliesDirectorySectionsToTheModel() {
		ApacheConfig config = ApacheConfigReader.read("""
				<Directory /srv/site>
				AllowOverride FileInfo Indexes
				Options ExecCGI MultiViews
				MultiviewsMatch Handlers
				AddHandler wsgi-script .wsgi .py
				DirectoryIndex index.wsgi
				</Directory>
				""", "test.conf", this.directory, getClass().getClassLoader());
		HandlerSettings settings = config.directories().get(0).handling();
		assertThat(settings.allowOverride()).containsExactlyInAnyOrder(OverrideClass.FILE_INFO, OverrideClass.INDEXES);
		assertThat(settings.options().on()).containsExactlyInAnyOrder(Option.EXEC_CGI, Option.MULTI_VIEWS);
		assertThat(settings.multiviewsMatchHandlers()).isTrue();
		assertThat(settings.handlers()).containsEntry("wsgi", "wsgi-script").containsEntry("py", "wsgi-script");
		assertThat(settings.directoryIndex()).isEqualTo(List.of("index.wsgi"));
	}

	private void write(String text, long later) throws IOException {
		Path file = this.directory.resolve(".htaccess");
		Files.writeString(file, text);
		Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + later));
	}

}
