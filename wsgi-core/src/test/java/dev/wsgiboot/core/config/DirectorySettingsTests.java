package dev.wsgiboot.core.config;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code <Directory>} / {@code <Files>} settings give a script its
 * application group.
 */
class DirectorySettingsTests {

	private final List<DirectorySettings> settings = List.of(
			new DirectorySettings(Path.of("/srv/groups"), null, "outer", "a"),
			new DirectorySettings(Path.of("/srv/groups/shared"), null, "admin-scripts", "b"),
			new DirectorySettings(Path.of("/srv/groups/special"), "server.wsgi", "%{SERVER}", "c"),
			new DirectorySettings(Path.of("/srv/groups/special"), null, "special", "d"),
			new DirectorySettings(Path.of("/srv/other"), null, null, "e"));

	@Test
	void deepestDirectoryWins() {
		assertThat(group("/srv/groups/shared/a.wsgi")).isEqualTo("admin-scripts");
		assertThat(group("/srv/groups/default/a.wsgi")).isEqualTo("outer");
	}

	@Test
	void filesSectionWinsOverItsDirectory() {
		assertThat(group("/srv/groups/special/server.wsgi")).isEqualTo("%{SERVER}");
		assertThat(group("/srv/groups/special/host.wsgi")).isEqualTo("special");
	}

	@Test
	void directoryMatchesWholePathSegments() {
		assertThat(group("/srv/groupsx/a.wsgi")).isNull();
	}

	@Test
	void settingsWithoutGroupDoNotDecide() {
		assertThat(group("/srv/other/a.wsgi")).isNull();
	}

	private String group(String script) {
		return DirectorySettings.applicationGroupFor(this.settings, Path.of(script));
	}

}
