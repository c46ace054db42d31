package dev.wsgiboot.core.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@code <Directory>} (optionally narrowed by a nested
 * {@code <Files>}) that apply to the scripts inside it.
 *
 * @param directory the directory (absolute, normalised)
 * @param files a file name the settings are limited to ({@code <Files name>}),
 * or {@code null} for every file in the directory tree
 * @param applicationGroup {@code WSGIApplicationGroup} for its scripts, or
 * {@code null}
 * @param origin where it was declared, for messages
 * @param access who may reach the scripts, or {@code null} for no rule here
 * @param processGroup {@code WSGIProcessGroup} for its scripts, or {@code null}
 */
public record DirectorySettings(Path directory, String files, String applicationGroup, String origin,
		AccessControl access, String processGroup) {

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin) {
		this(directory, files, applicationGroup, origin, null, null);
	}

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin,
			AccessControl access) {
		this(directory, files, applicationGroup, origin, access, null);
	}

	public DirectorySettings {
		Objects.requireNonNull(directory, "directory");
		directory = directory.toAbsolutePath().normalize();
		Objects.requireNonNull(origin, "origin");
	}

	/** Whether the settings apply to the script file {@code script}. */
	public boolean appliesTo(Path script) {
		return script.startsWith(this.directory)
				&& (this.files == null || this.files.equals(String.valueOf(script.getFileName())));
	}

	/**
	 * How specific the settings are for Apache's merge order: deeper directories
	 * win, and a {@code <Files>} section wins over its directory.
	 */
	int specificity() {
		return this.directory.getNameCount() * 2 + ((this.files != null) ? 1 : 0);
	}

	/**
	 * The access rules that govern a script, from the least to the most specific
	 * settings.
	 */
	public static List<AccessControl> accessFor(List<DirectorySettings> all, Path script) {
		return all.stream()
			.filter((settings) -> settings.access() != null && settings.appliesTo(script))
			.sorted(Comparator.comparingInt(DirectorySettings::specificity))
			.map(DirectorySettings::access)
			.toList();
	}

	/**
	 * The application group the settings give a script, the most specific
	 * settings that name one winning; {@code null} when none does.
	 */
	public static String applicationGroupFor(Iterable<DirectorySettings> all, Path script) {
		DirectorySettings best = null;
		for (DirectorySettings settings : all) {
			if (settings.applicationGroup() != null && settings.appliesTo(script)
					&& (best == null || settings.specificity() >= best.specificity())) {
				best = settings;
			}
		}
		return (best != null) ? best.applicationGroup() : null;
	}

	/**
	 * The process group the settings give a script, the most specific settings
	 * that name one winning; {@code null} when none does.
	 */
	public static String processGroupFor(Iterable<DirectorySettings> all, Path script) {
		DirectorySettings best = null;
		for (DirectorySettings settings : all) {
			if (settings.processGroup() != null && settings.appliesTo(script)
					&& (best == null || settings.specificity() >= best.specificity())) {
				best = settings;
			}
		}
		return (best != null) ? best.processGroup() : null;
	}

}
