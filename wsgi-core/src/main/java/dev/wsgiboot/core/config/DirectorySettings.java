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
 * @param handling handlers, Options, DirectoryIndex... of the directory's files,
 * or {@code null} for none here
 * @param requestBody {@code LimitRequestBody} / {@code WSGIChunkedRequest}
 * here, or {@code null}
 * @param authentication {@code AuthType} / {@code AuthName} /
 * {@code AuthUserFile} here, or {@code null}
 * @param processGroup {@code WSGIProcessGroup} for its scripts, or {@code null}
 */
public record DirectorySettings(Path directory, String files, String applicationGroup, String origin,
		AccessControl access, HandlerSettings handling, RequestBodyLimits requestBody, Authentication authentication,
		String processGroup) {

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin) {
		this(directory, files, applicationGroup, origin, null, null, null, null, null);
	}

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin,
			AccessControl access) {
		this(directory, files, applicationGroup, origin, access, null, null, null, null);
	}

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin,
			AccessControl access, RequestBodyLimits requestBody, Authentication authentication) {
		this(directory, files, applicationGroup, origin, access, null, requestBody, authentication, null);
	}

	/** Settings that only say how the directory's files are answered. */
	public static DirectorySettings handling(Path directory, HandlerSettings handling, String origin) {
		return new DirectorySettings(directory, null, null, origin, null, handling, null, null, null);
	}

	public DirectorySettings(Path directory, String files, String applicationGroup, String origin,
			AccessControl access, String processGroup) {
		this(directory, files, applicationGroup, origin, access, null, null, null, processGroup);
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
	 * The handling settings of exactly {@code directory} (its {@code <Directory>}
	 * sections, in declaration order), for merging level by level with the
	 * directory's {@code .htaccess}.
	 */
	public static List<HandlerSettings> handlingOf(List<DirectorySettings> all, Path directory) {
		return all.stream()
			.filter((settings) -> settings.handling() != null && settings.files() == null
					&& settings.directory().equals(directory))
			.map(DirectorySettings::handling)
			.toList();
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
	 * The settings that apply to a script, from the least to the most specific
	 * (declaration order among equally specific ones), as Apache merges them.
	 */
	public static List<DirectorySettings> applyingTo(List<DirectorySettings> all, Path script) {
		return all.stream()
			.filter((settings) -> settings.appliesTo(script))
			.sorted(Comparator.comparingInt(DirectorySettings::specificity))
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
