package dev.wsgiboot.core.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.StaticAlias;

/**
 * Maps a decoded request path to a WSGI script the way {@code WSGIScriptAlias}
 * does: the first listed mount whose URL matches whole path segments
 * (case-sensitively) wins. Immutable and lock-free; no allocation for a
 * non-matching request.
 */
public final class Router {

	private final ScriptAlias[] aliases;

	private final StaticAlias[] staticAliases;

	private final FileMapper files;

	private final String documentRoot;

	public Router(List<ScriptAlias> aliases) {
		this(aliases, List.of());
	}

	public Router(List<ScriptAlias> aliases, List<StaticAlias> staticAliases) {
		this(aliases, staticAliases, new FileMapper(List.of(), OverrideFiles.NONE, (extension) -> true), null);
	}

	/**
	 * @param aliases WSGIScriptAlias mounts, first listed wins
	 * @param staticAliases Alias mounts, before every script mount
	 * @param files maps Alias targets and the document root to files and handlers
	 * @param documentRoot where URLs that no mount claims are looked up, or
	 * {@code null}
	 */
	public Router(List<ScriptAlias> aliases, List<StaticAlias> staticAliases, FileMapper files, Path documentRoot) {
		this.aliases = aliases.toArray(ScriptAlias[]::new);
		this.staticAliases = staticAliases.toArray(StaticAlias[]::new);
		this.files = files;
		this.documentRoot = (documentRoot != null) ? documentRoot.toString() : null;
	}

	/**
	 * The match for a path produced by {@link DecodedPath}, or {@code null} when
	 * no mount matches.
	 */
	public RouteMatch resolve(String path) {
		for (StaticAlias alias : this.staticAliases) {
			RouteMatch match = matchStatic(alias, path);
			if (match != null) {
				return match.withRequestPath(path);
			}
		}
		for (ScriptAlias alias : this.aliases) {
			RouteMatch match = match(alias, path);
			if (match != null) {
				return match.withRequestPath(path);
			}
		}
		if (this.documentRoot != null) {
			RouteMatch match = this.files.map(path, this.documentRoot + path);
			// a name that is not in the document root is left to the rest of the application
			return (match.status() == 404) ? null : match.withRequestPath(path);
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
		int end = prefixEnd(url, path);
		if (end < 0) {
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
		int end = prefixEnd(alias.url(), path);
		if (end < 0) {
			return null;
		}
		String filename = alias.walkTarget() + path.substring(end);
		int position = 0;
		while (true) {
			int slash = filename.indexOf('/', position + 1);
			String prefix = (slash < 0) ? filename : filename.substring(0, slash);
			Path candidate = Path.of(prefix);
			if (Files.isRegularFile(candidate)) {
				String pathInfo = DecodedPath.collapseSlashes(filename.substring(prefix.length()));
				String scriptName = path.endsWith(pathInfo) ? path.substring(0, path.length() - pathInfo.length())
						: path;
				return RouteMatch.script(alias, new ScriptSource.FileScript(candidate),
						DecodedPath.collapseSlashes(scriptName), pathInfo);
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
		String filename = substitute(alias.script().name(), matcher);
		Path script = Path.of(filename);
		if (!Files.isRegularFile(script)) {
			return RouteMatch.status(alias, Files.isDirectory(script) ? 403 : 404, null);
		}
		return RouteMatch.script(alias, new ScriptSource.FileScript(script), path.substring(0, matcher.end()),
				DecodedPath.collapseSlashes(path.substring(matcher.end())));
	}

	/**
	 * {@code Alias}: the URL remainder is appended to the target; {@code AliasMatch}:
	 * the target with {@code $N} filled in. The result is mapped to a file and its
	 * handler by the {@link FileMapper}.
	 */
	RouteMatch matchStatic(StaticAlias alias, String path) {
		String filename;
		if (alias.pattern() != null) {
			Matcher matcher = alias.pattern().matcher(path);
			if (!matcher.find()) {
				return null;
			}
			filename = substitute(alias.target(), matcher);
		}
		else {
			int end = prefixEnd(alias.url(), path);
			if (end < 0) {
				return null;
			}
			filename = alias.target() + path.substring(end);
		}
		return this.files.map(path, filename);
	}

	/**
	 * Apache's answer for a URL path mapped to a file (a rewrite rule's file
	 * name): the file's handler decides, as for an {@code Alias} target.
	 */
	public RouteMatch mapFile(String path, Path file) {
		return this.files.map(path, file.toString());
	}

	/**
	 * Whether a prefix mount at {@code url} ({@code WSGIScriptAlias},
	 * {@code Alias}) can match some request path that is {@code prefix} or lies
	 * below it ({@code prefix}: {@code /shop}, no trailing slash), i.e. whether
	 * the mount is above the prefix or inside it.
	 */
	public static boolean matchesAtOrBelow(String url, String prefix) {
		return prefixEnd(url, prefix) >= 0 || url.startsWith(prefix + "/");
	}

	/**
	 * mod_alias's prefix match: where the URL prefix ends in {@code path}, or -1.
	 * The prefix must end on a path segment boundary unless it ends with '/'
	 * itself (so {@code /app} does not match {@code /appx}).
	 */
	static int prefixEnd(String url, String path) {
		if (!path.startsWith(url)) {
			return -1;
		}
		int end = url.length();
		if (url.charAt(end - 1) != '/' && path.length() > end && path.charAt(end) != '/') {
			return -1;
		}
		return end;
	}

	private static String substitute(String template, Matcher matcher) {
		StringBuilder result = new StringBuilder(template.length() + 16);
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
				int group = template.charAt(++i) - '0';
				if (group <= matcher.groupCount() && matcher.group(group) != null) {
					result.append(matcher.group(group));
				}
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	private static boolean onlySlashesFrom(String s, int from) {
		for (int i = from; i < s.length(); i++) {
			if (s.charAt(i) != '/') {
				return false;
			}
		}
		return true;
	}

}
