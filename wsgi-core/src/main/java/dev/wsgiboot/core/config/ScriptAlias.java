package dev.wsgiboot.core.config;

import java.nio.file.Files;
import java.util.Objects;
import java.util.regex.Pattern;

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
 * @param pattern for {@code WSGIScriptAliasMatch}: the regular expression
 * searched in the request path ({@code url} is then its source), whose groups
 * fill {@code $1}..{@code $9} in the script location; {@code null} otherwise
 * @param processGroup the {@code process-group} option, or {@code null} to use
 * the location's or the server's {@code WSGIProcessGroup}
 */
public record ScriptAlias(String url, ScriptSource script, String applicationGroup, String callableObject,
		boolean preload, String origin, String walkTarget, Pattern pattern, String processGroup) {

	public ScriptAlias(String url, ScriptSource script, String applicationGroup, String callableObject,
			boolean preload, String origin) {
		this(url, script, applicationGroup, callableObject, preload, origin, null, null, null);
	}

	/** This mount with the {@code process-group} option. */
	public ScriptAlias withProcessGroup(String group) {
		return new ScriptAlias(this.url, this.script, this.applicationGroup, this.callableObject, this.preload,
				this.origin, this.walkTarget, this.pattern, group);
	}

	/**
	 * {@code WSGIScriptAliasMatch regex location}: the location may use
	 * {@code $1}..{@code $9}.
	 * @throws WsgiConfigException for a bad regular expression
	 */
	public static ScriptAlias match(String regex, String location, String applicationGroup, String callableObject,
			String origin, ClassLoader classLoader) {
		Pattern pattern = ConfigPatterns.compile(regex, origin);
		return new ScriptAlias(regex, ScriptSource.of(location, classLoader), applicationGroup, callableObject, false,
				origin, null, pattern, null);
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
				&& (location.endsWith("/") || Files.isDirectory(file.path()))) {
			walkTarget = file.path() + (location.endsWith("/") ? "/" : "");
		}
		return new ScriptAlias(url, script, applicationGroup, callableObject, preload, origin, walkTarget, null, null);
	}

	public ScriptAlias {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(origin, "origin");
		if (pattern == null && !url.startsWith("/")) {
			throw new WsgiConfigException(origin + ".url", "URL path '" + url + "' must start with '/'",
					"Write the mount point as an absolute URL path, e.g. /wiki or /.");
		}
	}

}
