package dev.wsgiboot.core.routing;

import java.nio.file.Path;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.rewrite.RewrittenRequest;

/**
 * A request mapped by a mount: to a WSGI script, or to the answer Apache gives
 * without running one (403 for a directory, 404 for a missing file, 301 to add
 * a directory's trailing slash).
 *
 * @param alias the mount that matched
 * @param script the script to run ({@code null} when {@code status} is set)
 * @param scriptName {@code SCRIPT_NAME}
 * @param pathInfo {@code PATH_INFO}
 * @param status 0 to run the script, else the HTTP status to answer
 * @param redirectPath for a 301: the path to redirect to
 * @param requestPath the decoded request path that was mapped
 * @param staticFile a file to send as it is ({@code Alias}); then {@code alias}
 * and {@code script} are {@code null}
 * @param rewrite what rewriting decided (environ variables, query string, or
 * an answer such as a redirect), or {@code null} when nothing rewrites requests
 */
public record RouteMatch(ScriptAlias alias, ScriptSource script, String scriptName, String pathInfo, int status,
		String redirectPath, String requestPath, Path staticFile, RewrittenRequest rewrite) {

	public RouteMatch(ScriptAlias alias, String scriptName, String pathInfo) {
		this(alias, alias.script(), scriptName, pathInfo, 0, null, scriptName + pathInfo, null, null);
	}

	static RouteMatch script(ScriptAlias alias, ScriptSource script, String scriptName, String pathInfo) {
		return new RouteMatch(alias, script, scriptName, pathInfo, 0, null, scriptName + pathInfo, null, null);
	}

	static RouteMatch status(ScriptAlias alias, int status, String redirectPath) {
		return new RouteMatch(alias, null, "", "", status, redirectPath, "", null, null);
	}

	static RouteMatch file(Path file) {
		return new RouteMatch(null, null, "", "", 0, null, "", file, null);
	}

	/** A request answered by rewriting alone (redirect, 403, 410, 404 for a rewritten URL nothing maps...). */
	public static RouteMatch answer(String path, RewrittenRequest rewrite) {
		return new RouteMatch(null, null, "", "", rewrite.status(), rewrite.location(), path, null, rewrite);
	}

	RouteMatch withRequestPath(String path) {
		return path.equals(this.requestPath) ? this
				: new RouteMatch(this.alias, this.script, this.scriptName, this.pathInfo, this.status,
						this.redirectPath, path, this.staticFile, this.rewrite);
	}

	/** This match with what rewriting decided. */
	public RouteMatch withRewrite(RewrittenRequest rewritten) {
		return new RouteMatch(this.alias, this.script, this.scriptName, this.pathInfo, this.status, this.redirectPath,
				this.requestPath, this.staticFile, rewritten);
	}

	/** The file the request maps to (script or static file), or {@code null}. */
	public Path file() {
		if (this.staticFile != null) {
			return this.staticFile;
		}
		return (this.script instanceof ScriptSource.FileScript file) ? file.path() : null;
	}

	public boolean servesFile() {
		return this.staticFile != null;
	}

	public boolean runsScript() {
		return this.status == 0;
	}

}
