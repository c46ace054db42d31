package dev.wsgiboot.core.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code Alias url-path target} or {@code AliasMatch regex target}: URLs served
 * as static files. An alias takes precedence over every WSGIScriptAlias,
 * whatever the order, as in Apache.
 *
 * @param url the URL prefix ({@code Alias}) or the expression's source
 * ({@code AliasMatch})
 * @param pattern for {@code AliasMatch}: searched in the path, its groups fill
 * {@code $1}..{@code $9} of the target; {@code null} for {@code Alias}
 * @param target the file or directory, as written (an {@code Alias} appends the
 * URL remainder to it)
 * @param origin where it was declared, for messages
 */
public record StaticAlias(String url, Pattern pattern, String target, String origin) {

	public StaticAlias {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(origin, "origin");
	}

	public static StaticAlias prefix(String url, String target, String origin) {
		if (!url.startsWith("/")) {
			throw new WsgiConfigException(origin, "Alias URL path '" + url + "' must start with '/'",
					"Write the URL as an absolute path, e.g. /media/.");
		}
		return new StaticAlias(url, null, target, origin);
	}

	public static StaticAlias match(String regex, String target, String origin) {
		return new StaticAlias(regex, ConfigPatterns.compile(regex, origin), target, origin);
	}

}
