package dev.wsgiboot.autoconfigure;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.StaticAlias;
import dev.wsgiboot.core.config.VirtualHostConfig;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.routing.Router;

/**
 * Mount URLs are whole URL paths, as in Apache: with a servlet context path
 * ({@code server.servlet.context-path=/shop}) or a DispatcherServlet path
 * ({@code spring.mvc.servlet.path}) every request that reaches the WSGI handler
 * mappings starts with them, so a mount at {@code /wiki} could never be reached.
 * Such a mount fails the start, naming its property or {@code file:line},
 * instead of answering 404 forever. Regular-expression mounts
 * ({@code WSGIScriptAliasMatch}, {@code AliasMatch}) are not checked.
 */
final class ContextPathMounts {

	private ContextPathMounts() {
	}

	/**
	 * @param contextPath the servlet context path ({@code ""} or {@code null} for none)
	 * @param servletPath the DispatcherServlet's path ({@code ""}, {@code "/"} or {@code null} for none)
	 * @throws WsgiConfigException for the first mount that no request can reach
	 */
	static void check(WsgiConfig config, String contextPath, String servletPath) {
		String prefix = normalize(contextPath) + normalize(servletPath);
		if (!prefix.isEmpty()) {
			checkMounts(config, prefix);
		}
	}

	/**
	 * Whether a request whose path starts with {@code prefix} can match a mount at
	 * {@code url}, by the router's own prefix rule ({@link Router#matchesAtOrBelow}).
	 */
	static boolean isReachable(String url, String prefix) {
		return prefix.isEmpty() || Router.matchesAtOrBelow(url, prefix);
	}

	private static void checkMounts(WsgiConfig config, String prefix) {
		for (ScriptAlias alias : config.scriptAliases()) {
			if (alias.pattern() == null) {
				checkMount(alias.url(), alias.origin(), prefix);
			}
		}
		for (StaticAlias alias : config.staticAliases()) {
			if (alias.pattern() == null) {
				checkMount(alias.url(), alias.origin(), prefix);
			}
		}
		for (VirtualHostConfig host : config.virtualHosts()) {
			checkMounts(host.config(), prefix);
		}
	}

	private static void checkMount(String url, String origin, String prefix) {
		if (!isReachable(url, prefix)) {
			throw new WsgiConfigException(origin,
					"the mount URL " + url + " is outside " + prefix
							+ " (server.servlet.context-path and spring.mvc.servlet.path), so no request can reach it",
					"Mount URLs are whole URL paths, as in Apache: write " + prefix + url
							+ ", or serve the application at the root.");
		}
	}

	private static String normalize(String path) {
		if (path == null || path.isBlank()) {
			return "";
		}
		String trimmed = path.strip();
		trimmed = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
