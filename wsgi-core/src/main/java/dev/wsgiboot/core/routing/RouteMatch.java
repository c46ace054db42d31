package dev.wsgiboot.core.routing;

import dev.wsgiboot.core.config.ScriptAlias;

/**
 * A request mapped to a WSGI script.
 *
 * @param alias the mount that matched
 * @param scriptName {@code SCRIPT_NAME}
 * @param pathInfo {@code PATH_INFO}
 */
public record RouteMatch(ScriptAlias alias, String scriptName, String pathInfo) {
}
