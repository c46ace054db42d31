package dev.wsgiboot.core.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.rewrite.EnvironmentRules;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.rewrite.RewriteEngine;
import dev.wsgiboot.core.rewrite.RewriteOutcome;
import dev.wsgiboot.core.rewrite.RewriteRequest;
import dev.wsgiboot.core.rewrite.RewriteRuleSet;
import dev.wsgiboot.core.rewrite.RewrittenRequest;
import dev.wsgiboot.core.routing.DecodedPath;
import dev.wsgiboot.core.routing.RouteMatch;
import dev.wsgiboot.core.routing.Router;

/**
 * Maps a request through the {@link RewriteConfig} in Apache's order: server
 * SetEnvIf (post-read-request), server rewrite rules (translate-name; {@code PT}
 * sends the new URL through the mounts, otherwise it names a file under the
 * DocumentRoot or an absolute file), the mounts, SetEnvIf of the matching
 * Location/Directory sections (header-parser), the rules of the deepest
 * {@code <Directory>} holding the mapped file (fixups; a rewrite is an internal
 * redirect, at most 10), then mod_env's SetEnv/UnsetEnv/PassEnv, which win over
 * what the rules set.
 * <p>
 * Requests no mount maps and no rule touched are left to others (Java
 * controllers run before this anyway); once a rule rewrote, redirected or
 * refused a request, it is answered here.
 */
final class RequestRewriter {

	private static final Logger logger = LoggerFactory.getLogger(RequestRewriter.class);

	/** Apache's LimitInternalRecursion default. */
	static final int MAX_INTERNAL_REDIRECTS = 10;

	private final WsgiConfig config;

	private final RewriteConfig rules;

	private final Router router;

	private final RewriteEngine engine;

	RequestRewriter(WsgiConfig config, Router router) {
		this.config = config;
		this.rules = config.rewrite();
		this.router = router;
		this.engine = new RewriteEngine(this.rules.maps());
	}

	RouteMatch route(HttpServletRequest request, String decodedPath) {
		RequestHost host = WsgiRuntime.requestHost(this.config, request);
		Map<String, String> env = new LinkedHashMap<>();
		String path = decodedPath;
		String query = request.getQueryString();
		UnaryOperator<String> attributes = (name) -> attribute(request, name, decodedPath);
		EnvironmentRules.setEnvIf(this.rules.setEnvIf(), true, decodedPath, null, attributes, env);
		boolean owned = false;
		boolean ended = false;
		for (int redirects = 0;; redirects++) {
			Map<String, String> current = env;
			String currentPath = path;
			RewriteRequest view = new View(request, host, current);
			RouteMatch match = null;
			boolean mapped = false;
			if (this.rules.hasServerRules() && !ended) {
				current.put("SCRIPT_URL", currentPath);
				current.put("SCRIPT_URI", scheme(request) + "://" + RequestHost.withPort(host.name(), host.port())
						+ currentPath);
				RewriteOutcome outcome = this.engine.server(this.rules.server(), view, currentPath, query);
				outcome.applyEnv(current);
				query = outcome.query();
				ended = outcome.end();
				if (outcome.answers()) {
					return answer(currentPath, current, query, outcome.status(), outcome.location());
				}
				if (outcome.rewritten()) {
					owned = true;
					mapped = true;
					currentPath = outcome.path();
					match = outcome.passThrough() ? mapUrl(DecodedPath.collapseSlashes(currentPath)) : fileMatch(currentPath);
				}
			}
			if (!mapped) {
				match = mapUrl(currentPath);
			}
			Path file = (match != null) ? match.file() : null;
			if (file != null && currentPath.endsWith("/") && match.kind() != RouteMatch.Kind.LISTING) {
				// a directory URL mapped to its DirectoryIndex file: in Apache the rewrite
				// phase still sees the directory (mod_dir picks the index afterwards)
				file = file.getParent();
			}
			String filename = (file != null) ? file.toString() : null;
			String pathInfo = (match != null && match.runsScript() && file != null) ? match.pathInfo() : "";
			String unmappedFile = null;
			if (file == null && match != null && match.alias() != null && match.alias().walkTarget() != null) {
				// a directory mount that found no script: the file name Apache would have tried
				unmappedFile = match.alias().walkTarget() + currentPath.substring(match.alias().url().length());
			}
			else if (match == null && this.rules.documentRoot() != null) {
				unmappedFile = this.rules.documentRoot() + currentPath;
			}
			if (unmappedFile != null) {
				String[] split = splitAtFirstNonDirectory(unmappedFile);
				filename = split[0];
				pathInfo = split[1];
				file = Path.of(filename);
			}
			final String locationPath = currentPath;
			final Path mappedFile = file;
			EnvironmentRules.setEnvIf(this.rules.setEnvIf(), false, locationPath, mappedFile,
					(name) -> attribute(request, name, locationPath), current);
			RewriteRuleSet directory = (file != null) ? directoryRules(file) : null;
			if (directory != null && directory.active() && !ended) {
				if (!directory.symlinksAllowed()) {
					logger.error("{} {}: Options FollowSymLinks and SymLinksIfOwnerMatch are both off in {}, so the "
							+ "RewriteRule directive is forbidden ({})", request.getMethod(), request.getRequestURI(),
							directory.directory(), directory.origin());
					return answer(currentPath, current, query, 403, null);
				}
				RewriteOutcome outcome = this.engine.directory(directory, view, currentPath, query, filename, pathInfo);
				outcome.applyEnv(current);
				if (outcome.answers()) {
					return answer(currentPath, current, outcome.query(), outcome.status(), outcome.location());
				}
				if (outcome.rewritten()) {
					if (redirects + 1 >= MAX_INTERNAL_REDIRECTS) {
						logger.error("{} {}: request exceeded the limit of {} internal redirects due to probable "
								+ "configuration error (rewrite rules of {})", request.getMethod(),
								request.getRequestURI(), MAX_INTERNAL_REDIRECTS, directory.origin());
						return answer(currentPath, current, query, 500, null);
					}
					current.putAll(modEnv(currentPath, file));
					DecodedPath next = DecodedPath.decode(outcome.path(), this.config.encodedSlashes());
					if (!next.isValid()) {
						return answer(currentPath, current, query, next.errorStatus(), null);
					}
					env = redirected(current, currentPath, query);
					path = next.path();
					query = outcome.query();
					ended = ended || outcome.end();
					owned = true;
					continue;
				}
			}
			current.putAll(modEnv(currentPath, file));
			if (match == null) {
				return owned ? answer(currentPath, current, query, 404, null) : null;
			}
			return match.withRewrite(new RewrittenRequest(current, query, 0, null));
		}
	}

	/**
	 * URL mapping ({@code Alias}, the mounts): where a URL, rewritten with PT or
	 * internally redirected, is mapped again. Serving files of the DocumentRoot
	 * (with their handlers) belongs here once it exists, so that rules leading
	 * to a script in the DocumentRoot reach it.
	 */
	private RouteMatch mapUrl(String path) {
		return this.router.resolve(path);
	}

	/**
	 * A server-context substitution without PT names a file, as in Apache: under
	 * the DocumentRoot (served as a static file, the mounts are not consulted),
	 * or an absolute file name when its first segment exists at the file
	 * system's root. Such a file outside the DocumentRoot is refused (403), as
	 * Apache's usual {@code <Directory /> Require all denied} would, rather than
	 * sending e.g. a script's source. Without a DocumentRoot the path is mapped
	 * as a URL.
	 */
	private RouteMatch fileMatch(String path) {
		Path root = this.rules.documentRoot();
		int slash = path.indexOf('/', 1);
		String first = (slash < 0) ? path : path.substring(0, slash);
		if (first.length() > 1 && Files.exists(Path.of(first))) {
			Path file = Path.of(path).normalize();
			if (root == null || !file.startsWith(root)) {
				logger.warn("rewrite to {}: a file outside the DocumentRoot is not served", file);
				return RouteMatch.answer(path, new RewrittenRequest(Map.of(), null, 403, null));
			}
			return this.router.mapFile(path, file);
		}
		if (root == null) {
			return mapUrl(DecodedPath.collapseSlashes(path));
		}
		return this.router.mapFile(path, Path.of(root + path));
	}

	/**
	 * Apache's directory walk: the file name stops at the first segment that is
	 * a file or does not exist; the rest is PATH_INFO.
	 */
	private static String[] splitAtFirstNonDirectory(String filename) {
		int position = 0;
		while (true) {
			int slash = filename.indexOf('/', position + 1);
			String prefix = (slash < 0) ? filename : filename.substring(0, slash);
			if (slash < 0 || !Files.isDirectory(Path.of(prefix))) {
				return new String[] { prefix, filename.substring(prefix.length()) };
			}
			position = slash;
		}
	}

	/** The deepest {@code <Directory>} with rewrite directives holding {@code file}. */
	private RewriteRuleSet directoryRules(Path file) {
		RewriteRuleSet best = null;
		for (RewriteRuleSet set : this.rules.directories()) {
			if (set.appliesTo(file) && (best == null
					|| set.directory().getNameCount() >= best.directory().getNameCount())) {
				best = set;
			}
		}
		return best;
	}

	/** mod_env's variables: server SetEnv, directories, locations, with UnsetEnv and PassEnv. */
	private Map<String, String> modEnv(String path, Path file) {
		Map<String, String> vars = new LinkedHashMap<>(this.config.env());
		EnvironmentRules.modEnv(this.rules.envDirectives(), false, path, file, System::getenv, vars);
		for (LocationSettings location : this.config.locations()) {
			if (location.appliesTo(path)) {
				vars.putAll(location.env());
			}
		}
		EnvironmentRules.modEnv(this.rules.envDirectives(), true, path, file, System::getenv, vars);
		return vars;
	}

	/** The variables of an internally redirected request: the old ones with REDIRECT_ before their names. */
	private static Map<String, String> redirected(Map<String, String> env, String path, String query) {
		Map<String, String> next = new LinkedHashMap<>();
		env.forEach((key, value) -> next.put("REDIRECT_" + key, value));
		if (query != null) {
			next.put("REDIRECT_QUERY_STRING", query);
		}
		next.put("REDIRECT_URL", path);
		next.put("REDIRECT_STATUS", "200");
		return next;
	}

	private static RouteMatch answer(String path, Map<String, String> env, String query, int status,
			String location) {
		return RouteMatch.answer(path, new RewrittenRequest(env, query, status, location));
	}

	/** A SetEnvIf attribute: the special names, else a request header; {@code null} when absent. */
	private static String attribute(HttpServletRequest request, String name, String path) {
		return switch (name) {
			case "remote_addr", "remote_host" -> request.getRemoteAddr();
			case "server_addr" -> request.getLocalAddr();
			case "request_method" -> request.getMethod();
			case "request_protocol" -> request.getProtocol();
			case "request_uri" -> path;
			default -> request.getHeader(name);
		};
	}

	private static String scheme(HttpServletRequest request) {
		return request.isSecure() ? "https" : "http";
	}

	/** The request as the rewrite engine sees it. */
	private final class View implements RewriteRequest {

		private final HttpServletRequest request;

		private final RequestHost host;

		private final Map<String, String> env;

		View(HttpServletRequest request, RequestHost host, Map<String, String> env) {
			this.request = request;
			this.host = host;
			this.env = env;
		}

		@Override
		public String variable(String name) {
			HttpServletRequest r = this.request;
			return switch (name) {
				case "REMOTE_ADDR", "REMOTE_HOST" -> r.getRemoteAddr();
				case "REMOTE_PORT" -> Integer.toString(r.getRemotePort());
				case "REMOTE_USER" -> r.getRemoteUser();
				case "AUTH_TYPE" -> r.getAuthType();
				case "REQUEST_METHOD" -> r.getMethod();
				case "REQUEST_SCHEME" -> scheme(r);
				case "SERVER_NAME" -> this.host.name();
				case "SERVER_PORT" -> Integer.toString(this.host.port());
				case "SERVER_ADDR" -> r.getLocalAddr();
				case "SERVER_PROTOCOL" -> r.getProtocol();
				case "HTTPS" -> r.isSecure() ? "on" : "off";
				case "THE_REQUEST" -> r.getMethod() + " " + r.getRequestURI()
						+ ((r.getQueryString() != null) ? "?" + r.getQueryString() : "") + " " + r.getProtocol();
				case "DOCUMENT_ROOT" -> (RequestRewriter.this.rules.documentRoot() != null)
						? RequestRewriter.this.rules.documentRoot().toString() : null;
				case "SERVER_SOFTWARE" -> "wsgi-spring-boot";
				default -> null;
			};
		}

		@Override
		public String header(String name) {
			return this.request.getHeader(name);
		}

		@Override
		public String env(String name) {
			String value = this.env.get(name);
			return (value != null) ? value : System.getenv(name);
		}

	}

}
