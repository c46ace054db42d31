package dev.wsgiboot.core.config;

import java.util.Objects;

/**
 * {@code WSGIScriptAlias url-path file-path [options]}: mounts one WSGI script
 * at a URL prefix.
 *
 * @param url the URL prefix, e.g. {@code /wiki} or {@code /}; matched on whole
 * path segments, case-sensitively
 * @param script the script to run
 * @param applicationGroup the {@code application-group} option, or {@code null}
 * to use the server default ({@code %{RESOURCE}})
 * @param callableObject the {@code callable-object} option, or {@code null} for
 * the server default ({@code application})
 * @param preload load the script into its interpreter at startup, so that a
 * broken script stops the application from starting and the first request does
 * not pay for imports
 * @param origin where the alias was declared, for error messages
 * @param walkTarget for a directory target (a directory of scripts) or a file
 * written with a trailing slash: the target's absolute path as written, to which
 * the URL remainder is appended and which is then walked like Apache walks the
 * file system; {@code null} for a plain script file
 */
public record ScriptAlias(String url, ScriptSource script, String applicationGroup, String callableObject,
		boolean preload, String origin, String walkTarget) {

	public ScriptAlias(String url, ScriptSource script, String applicationGroup, String callableObject,
			boolean preload, String origin) {
		this(url, script, applicationGroup, callableObject, preload, origin, null);
	}

	/**
	 * A mount of {@code location} as a user wrote it: a script file, a directory
	 * of scripts ({@code /srv/wsgi/}) or a {@code classpath:} script.
	 */
	public static ScriptAlias of(String url, String location, String applicationGroup, String callableObject,
			boolean preload, String origin, ClassLoader classLoader) {
		ScriptSource script = ScriptSource.of(location, classLoader);
		String walkTarget = null;
		if (script instanceof ScriptSource.FileScript file
				&& (location.endsWith("/") || java.nio.file.Files.isDirectory(file.path()))) {
			walkTarget = file.path() + (location.endsWith("/") ? "/" : "");
		}
		return new ScriptAlias(url, script, applicationGroup, callableObject, preload, origin, walkTarget);
	}

	public ScriptAlias {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(origin, "origin");
		if (!url.startsWith("/")) {
			throw new WsgiConfigException(origin + ".url", "URL path '" + url + "' must start with '/'",
					"Write the mount point as an absolute URL path, e.g. /wiki or /.");
		}
	}

}
