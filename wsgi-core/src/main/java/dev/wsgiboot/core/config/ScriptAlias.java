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
 */
public record ScriptAlias(String url, ScriptSource script, String applicationGroup, String callableObject,
		boolean preload, String origin) {

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
