package dev.wsgiboot.core.routing;

import java.util.List;

import dev.wsgiboot.core.config.ScriptAlias;

/**
 * Maps a decoded request path to a WSGI script the way {@code WSGIScriptAlias}
 * does: the first listed mount whose URL matches whole path segments
 * (case-sensitively) wins. Immutable and lock-free; no allocation for a
 * non-matching request.
 */
public final class Router {

	private final ScriptAlias[] aliases;

	public Router(List<ScriptAlias> aliases) {
		this.aliases = aliases.toArray(ScriptAlias[]::new);
	}

	/**
	 * The match for a path produced by {@link DecodedPath}, or {@code null} when
	 * no mount matches.
	 */
	public RouteMatch resolve(String path) {
		for (ScriptAlias alias : this.aliases) {
			RouteMatch match = match(alias, path);
			if (match != null) {
				return match;
			}
		}
		return null;
	}

	/**
	 * mod_wsgi's mapping for a script file mount. The URL remainder after the
	 * mount point is appended to the file name: a remainder starting with '/'
	 * becomes PATH_INFO, any other remainder names a file that does not exist
	 * (Apache's 404). SCRIPT_NAME is the path without PATH_INFO; the root mount
	 * has SCRIPT_NAME '' and PATH_INFO the whole path.
	 */
	static RouteMatch match(ScriptAlias alias, String path) {
		String url = alias.url();
		if (url.equals("/")) {
			return new RouteMatch(alias, "", path);
		}
		if (!path.startsWith(url)) {
			return null;
		}
		int end = url.length();
		boolean urlEndsWithSlash = url.charAt(end - 1) == '/';
		if (!urlEndsWithSlash && path.length() > end && path.charAt(end) != '/') {
			return null;
		}
		String remainder = path.substring(end);
		if (remainder.isEmpty()) {
			return new RouteMatch(alias, path, "");
		}
		if (remainder.charAt(0) != '/') {
			// e.g. "/slash/" mounted on app.wsgi and "/slash/x": Apache looks for "app.wsgix"
			return null;
		}
		return new RouteMatch(alias, url, remainder);
	}

}
