package dev.wsgiboot.core.routing;

import java.nio.file.Path;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.rewrite.RewrittenRequest;

/**
 * A request mapped by a mount: to a WSGI script, to a CGI script, to a file
 * sent as it is, to a directory listing, or to the answer Apache gives without
 * running anything (403 for a directory, 404 for a missing file, 301 to add a
 * directory's trailing slash, 500 for a broken {@code .htaccess}, or what a
 * rewrite rule answered).
 *
 * @param alias the mount that matched (for a script found by its handler, a
 * mount of that one script)
 * @param script the script to run ({@code null} unless {@code kind} is
 * {@link Kind#SCRIPT})
 * @param scriptName {@code SCRIPT_NAME}
 * @param pathInfo {@code PATH_INFO}
 * @param status 0 to run or send something, else the HTTP status to answer
 * @param redirectPath for a 301: the path to redirect to
 * @param requestPath the decoded request path that was mapped
 * @param staticFile the file to send ({@link Kind#FILE}), the CGI script to run
 * ({@link Kind#CGI}) or the directory to list ({@link Kind#LISTING})
 * @param kind what answers the request
 * @param negotiated whether MultiViews chose the file for an extension-less URL
 * @param rewrite what rewriting decided (environ variables, query string, or
 * an answer such as a redirect), or {@code null} when nothing rewrites requests
 */
public record RouteMatch(ScriptAlias alias, ScriptSource script, String scriptName, String pathInfo, int status,
		String redirectPath, String requestPath, Path staticFile, Kind kind, boolean negotiated,
		RewrittenRequest rewrite) {

	/** What answers a mapped request. */
	public enum Kind {

		/** A WSGI application. */
		SCRIPT,
		/** A CGI script, run as a process. */
		CGI,
		/** A file sent as it is. */
		FILE,
		/** A generated listing of a directory ({@code Options Indexes}). */
		LISTING,
		/** A status answered without running anything. */
		STATUS

	}

	public RouteMatch(ScriptAlias alias, String scriptName, String pathInfo) {
		this(alias, alias.script(), scriptName, pathInfo, 0, null, scriptName + pathInfo, null, Kind.SCRIPT, false,
				null);
	}

	static RouteMatch script(ScriptAlias alias, ScriptSource script, String scriptName, String pathInfo) {
		return new RouteMatch(alias, script, scriptName, pathInfo, 0, null, scriptName + pathInfo, null, Kind.SCRIPT,
				false, null);
	}

	static RouteMatch status(ScriptAlias alias, int status, String redirectPath) {
		return new RouteMatch(alias, null, "", "", status, redirectPath, "", null, Kind.STATUS, false, null);
	}

	static RouteMatch file(Path file) {
		return new RouteMatch(null, null, "", "", 0, null, "", file, Kind.FILE, false, null);
	}

	static RouteMatch of(Kind kind, Path file, String scriptName, String pathInfo) {
		return new RouteMatch(null, null, scriptName, pathInfo, 0, null, "", file, kind, false, null);
	}

	/** A request answered by rewriting alone (redirect, 403, 410, 404 for a rewritten URL nothing maps...). */
	public static RouteMatch answer(String path, RewrittenRequest rewrite) {
		return new RouteMatch(null, null, "", "", rewrite.status(), rewrite.location(), path, null, Kind.STATUS, false,
				rewrite);
	}

	RouteMatch withRequestPath(String path) {
		return path.equals(this.requestPath) ? this
				: new RouteMatch(this.alias, this.script, this.scriptName, this.pathInfo, this.status,
						this.redirectPath, path, this.staticFile, this.kind, this.negotiated, this.rewrite);
	}

	RouteMatch asNegotiated() {
		return new RouteMatch(this.alias, this.script, this.scriptName, this.pathInfo, this.status, this.redirectPath,
				this.requestPath, this.staticFile, this.kind, true, this.rewrite);
	}

	/** This match with what rewriting decided. */
	public RouteMatch withRewrite(RewrittenRequest rewritten) {
		return new RouteMatch(this.alias, this.script, this.scriptName, this.pathInfo, this.status, this.redirectPath,
				this.requestPath, this.staticFile, this.kind, this.negotiated, rewritten);
	}

	/** The file the request maps to (script or static file), or {@code null}. */
	public Path file() {
		if (this.staticFile != null) {
			return this.staticFile;
		}
		return (this.script instanceof ScriptSource.FileScript file) ? file.path() : null;
	}

	public boolean servesFile() {
		return this.kind == Kind.FILE;
	}

	public boolean runsScript() {
		return this.kind == Kind.SCRIPT;
	}

}
