package dev.wsgiboot.core.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;

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
				return match.withRequestPath(path);
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
		if (alias.pattern() != null) {
			return matchPattern(alias, path);
		}
		if (alias.walkTarget() != null) {
			return walk(alias, path);
		}
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

	/**
	 * A mount whose target is walked on the file system, as Apache maps a
	 * directory: the URL remainder is appended to the target as written (so
	 * {@code /dir/} mounted on {@code shared} looks for {@code shareda.wsgi}),
	 * then the first regular file along the path is the script and the rest is
	 * PATH_INFO. A directory is a 403 (with a 301 first to add its trailing
	 * slash), a missing file a 404.
	 */
	static RouteMatch walk(ScriptAlias alias, String path) {
		String url = alias.url();
		int end;
		if (url.equals("/")) {
			end = 1;
		}
		else {
			if (!path.startsWith(url)) {
				return null;
			}
			end = url.length();
			if (url.charAt(end - 1) != '/' && path.length() > end && path.charAt(end) != '/') {
				return null;
			}
		}
		String filename = alias.walkTarget() + path.substring(end);
		int position = 0;
		while (true) {
			int slash = filename.indexOf('/', position + 1);
			String prefix = (slash < 0) ? filename : filename.substring(0, slash);
			Path candidate = Path.of(prefix);
			if (Files.isRegularFile(candidate)) {
				String pathInfo = collapseSlashes(filename.substring(prefix.length()));
				String scriptName = path.endsWith(pathInfo) ? path.substring(0, path.length() - pathInfo.length())
						: path;
				return RouteMatch.script(alias, new ScriptSource.FileScript(candidate), collapseSlashes(scriptName),
						pathInfo);
			}
			if (!Files.isDirectory(candidate)) {
				return RouteMatch.status(alias, 404, null);
			}
			if (slash < 0 || onlySlashesFrom(filename, slash)) {
				// the name is a directory: Apache adds its trailing slash, then refuses to run it
				return path.endsWith("/") ? RouteMatch.status(alias, 403, null)
						: RouteMatch.status(alias, 301, path + "/");
			}
			position = slash;
		}
	}

	/**
	 * {@code WSGIScriptAliasMatch}: the expression is searched in the path; the
	 * path up to the end of the match is SCRIPT_NAME, the rest PATH_INFO, and the
	 * location with {@code $N} filled in must be a script file (else 404).
	 */
	static RouteMatch matchPattern(ScriptAlias alias, String path) {
		Matcher matcher = alias.pattern().matcher(path);
		if (!matcher.find()) {
			return null;
		}
		String location = alias.script().name();
		StringBuilder filename = new StringBuilder(location.length() + 16);
		for (int i = 0; i < location.length(); i++) {
			char c = location.charAt(i);
			if (c == '$' && i + 1 < location.length() && Character.isDigit(location.charAt(i + 1))) {
				int group = location.charAt(++i) - '0';
				if (group <= matcher.groupCount() && matcher.group(group) != null) {
					filename.append(matcher.group(group));
				}
			}
			else {
				filename.append(c);
			}
		}
		Path script = Path.of(filename.toString());
		if (!Files.isRegularFile(script)) {
			return RouteMatch.status(alias, Files.isDirectory(script) ? 403 : 404, null);
		}
		return RouteMatch.script(alias, new ScriptSource.FileScript(script), path.substring(0, matcher.end()),
				collapseSlashes(path.substring(matcher.end())));
	}

	private static boolean onlySlashesFrom(String s, int from) {
		for (int i = from; i < s.length(); i++) {
			if (s.charAt(i) != '/') {
				return false;
			}
		}
		return true;
	}

	private static String collapseSlashes(String s) {
		if (!s.contains("//")) {
			return s;
		}
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c != '/' || sb.isEmpty() || sb.charAt(sb.length() - 1) != '/') {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
