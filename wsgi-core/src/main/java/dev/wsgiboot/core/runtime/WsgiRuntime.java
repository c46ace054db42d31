package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.graalvm.polyglot.PolyglotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.RewrittenRequest;
import dev.wsgiboot.core.routing.DecodedPath;
import dev.wsgiboot.core.routing.RouteMatch;
import dev.wsgiboot.core.routing.Router;

/**
 * Serves WSGI requests for one {@link WsgiConfig}: routes a servlet request to
 * a script, runs it in an interpreter of its application group and streams the
 * answer. Usable from any servlet container; the Spring Boot starter is a thin
 * layer over it.
 */
public final class WsgiRuntime implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WsgiRuntime.class);

	private static final String EMBEDDED_PROCESS_GROUP = "";

	private final WsgiConfig config;

	private final Router router;

	/** Rewrite rules, SetEnvIf and scoped mod_env directives; {@code null} when there are none. */
	private final RequestRewriter rewriter;

	private final InterpreterPool embedded;

	private final MimeTypes mimeTypes = MimeTypes.system();

	/** WSGIDaemonProcess groups by name. */
	private final Map<String, InterpreterPool> daemons = new LinkedHashMap<>();

	/** Script file to the access rules that govern it, least specific first. */
	private final Map<Path, List<AccessControl>> accessRules = new ConcurrentHashMap<>();

	/** Script file to its configured process group (before expansion). */
	private final Map<Path, String> directoryProcessGroups = new ConcurrentHashMap<>();

	/** Script file to its configured application group (before expansion). */
	private final Map<Path, String> directoryGroups = new ConcurrentHashMap<>();

	public WsgiRuntime(WsgiConfig config, PythonEngine engine, String pycacheDirectory) {
		validate(config);
		this.config = config;
		this.router = new Router(config.scriptAliases(), config.staticAliases());
		this.rewriter = config.rewrite().isEmpty() ? null : new RequestRewriter(config, this.router);
		var settings = config.embedded();
		boolean multiprocess = settings.processes() > 1;
		this.embedded = new InterpreterPool(EMBEDDED_PROCESS_GROUP, settings, engine,
				(group) -> new InterpreterSpec(EMBEDDED_PROCESS_GROUP, group, settings.processes(), settings.threads(),
						multiprocess, config.pythonPath(), pycacheDirectory, false));
		for (DaemonProcessGroup daemon : config.daemonProcesses().values()) {
			this.daemons.put(daemon.name(), new InterpreterPool(daemon.name(),
					daemon.poolSettings(settings.queueTimeout()), engine,
					(group) -> new InterpreterSpec(daemon.name(), group, daemon.processes(), daemon.threads(),
							daemon.multiprocess(), config.pythonPath(), pycacheDirectory, daemon.runOnce())));
		}
	}

	public WsgiConfig config() {
		return this.config;
	}

	/**
	 * The script mount for a request, or {@code null} when none matches (the
	 * request then belongs to someone else, e.g. a Java controller). With rewrite
	 * rules, SetEnvIf or scoped mod_env directives the match carries what they
	 * decided (see {@link RequestRewriter}): a request a rule rewrote, redirected
	 * or refused is always answered here.
	 */
	public RouteMatch route(HttpServletRequest request) {
		DecodedPath path = DecodedPath.decode(request.getRequestURI(), this.config.encodedSlashes());
		if (!path.isValid()) {
			return null;
		}
		if (this.rewriter != null) {
			return this.rewriter.route(request, path.path());
		}
		return this.router.resolve(path.path());
	}

	/** SERVER_NAME and SERVER_PORT of a request: the Host header's, or ServerName's with UseCanonicalName On. */
	static RequestHost requestHost(WsgiConfig config, HttpServletRequest request) {
		return config.canonicalName()
				? new RequestHost(config.serverName(),
						(config.serverPort() != null) ? config.serverPort() : request.getLocalPort())
				: RequestHost.of(request.getHeader("Host"), config.serverName(), request.isSecure());
	}

	/**
	 * Loads the scripts marked {@code preload} into the first interpreter of
	 * their application group, as requests on {@code port} would name it.
	 * @throws ScriptLoadException when one of them fails
	 */
	public void preload(int port) {
		for (ScriptAlias alias : this.config.scriptAliases()) {
			if (!alias.preload()) {
				continue;
			}
			String group = ApplicationGroupNames.expand(applicationGroupOf(alias, alias.script()), this.config.serverName(),
					new RequestHost(this.config.serverName(), port), alias.url().equals("/") ? "" : alias.url(),
					System::getenv);
			long start = System.nanoTime();
			String processGroupName = expandProcessGroup(
					(alias.processGroup() != null) ? alias.processGroup() : processGroupOf(alias.script()),
					this.config.env());
			InterpreterPool pool = this.daemons.getOrDefault(processGroupName, this.embedded);
			Interpreter interpreter = pool.interpreter(pool.firstSlot(), group);
			interpreter.ensureLoaded(alias.script(), false);
			logger.info("Preloaded {} ({}) into application group '{}' in {} ms", alias.script().name(), alias.origin(),
					group, (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** Runs the request through the script it was routed to (or sends the file it was aliased to). */
	public void service(HttpServletRequest request, HttpServletResponse response, RouteMatch match)
			throws IOException {
		RewrittenRequest rewrite = match.rewrite();
		if (rewrite != null && rewrite.answers()) {
			answerRewrite(request, response, rewrite);
			return;
		}
		if (match.servesFile()) {
			sendFile(request, response, match.staticFile());
			return;
		}
		ScriptAlias alias = match.alias();
		if (!match.runsScript()) {
			answerWithoutScript(request, response, match);
			return;
		}
		ScriptSource script = match.script();
		if (!accessAllowed(script, request.getRemoteAddr())) {
			logger.info("{} {}: client {} denied by server configuration", request.getMethod(),
					request.getRequestURI(), request.getRemoteAddr());
			sendError(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
			return;
		}
		RequestHost host = requestHost(this.config, request);
		String path = match.requestPath();
		// with rewriting, the match carries the complete variables (location SetEnv included)
		Map<String, String> env = (rewrite != null) ? rewrite.env() : this.config.env();
		boolean passAuthorization = this.config.passAuthorization();
		boolean mapHeadToGet = false;
		String processGroup = processGroupOf(script);
		if (!this.config.locations().isEmpty()) {
			env = new LinkedHashMap<>(env);
			for (LocationSettings location : this.config.locations()) {
				if (location.appliesTo(path)) {
					if (rewrite == null) {
						env.putAll(location.env());
					}
					if (location.passAuthorization() != null) {
						passAuthorization = location.passAuthorization();
					}
					if (location.processGroup() != null) {
						processGroup = location.processGroup();
					}
					if (location.mapHeadToGet() != null) {
						mapHeadToGet = location.mapHeadToGet();
					}
				}
			}
		}
		if (alias.processGroup() != null) {
			processGroup = alias.processGroup();
		}
		Map<String, String> requestEnv = env;
		String group = ApplicationGroupNames.expand(applicationGroupOf(alias, script), this.config.serverName(), host,
				match.scriptName(), (name) -> requestEnv.containsKey(name) ? requestEnv.get(name) : System.getenv(name));
		String processGroupName = expandProcessGroup(processGroup, env);
		InterpreterPool pool = processGroupName.isEmpty() ? this.embedded : this.daemons.get(processGroupName);
		if (pool == null) {
			logger.error("{} {}: no WSGI daemon process called '{}' has been configured", request.getMethod(),
					request.getRequestURI(), processGroupName);
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		InterpreterPool.Slot slot;
		try {
			slot = pool.acquire(group);
		}
		catch (PoolBusyException ex) {
			logger.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			sendError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable");
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			sendError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable");
			return;
		}
		RequestBridge bridge = new RequestBridge(request, response, script.name());
		try {
			Interpreter interpreter = pool.interpreter(slot, group);
			interpreter.ensureLoaded(script, this.config.scriptReloading());
			String callable = CgiEnvironment.callableObject(alias, this.config.callableObject());
			String method = request.getMethod();
			if (mapHeadToGet && method.equals("HEAD")) {
				method = "GET";
			}
			String query = (rewrite != null) ? rewrite.query() : request.getQueryString();
			String cgi = CgiEnvironment.build(request, method, query, match, host, script.name(), processGroupName, group,
					callable, this.config.scriptReloading(), passAuthorization, env);
			interpreter.handle(script.name(), callable, cgi, bridge);
		}
		catch (ScriptLoadException ex) {
			logger.error("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		catch (PolyglotException ex) {
			bridge.fail(ex.isHostException() ? ex.asHostException().toString() : String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			logger.error("{} {}: cannot run {}", request.getMethod(), request.getRequestURI(), script.name(), ex);
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		finally {
			pool.release(slot);
		}
		String failure = bridge.failure();
		if (failure != null) {
			logger.error("{} {}: WSGI application {} failed:\n{}", request.getMethod(), request.getRequestURI(),
					script.name(), failure.stripTrailing());
			if (!response.isCommitted() && !bridge.isCompleted()) {
				response.reset();
				sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			}
			else if (!bridge.isCompleted()) {
				throw new ResponseAbortedException(
						"WSGI application " + script.name() + " failed after the response started");
			}
		}
	}

	/**
	 * {@code ''} for the embedded group ({@code %{GLOBAL}}), else a daemon group
	 * name; {@code %{ENV:NAME}} takes the request's SetEnv variables, then the
	 * process environment, and stays literal when unset (then no daemon has
	 * that name: a 500, as with mod_wsgi).
	 */
	private static String expandProcessGroup(String processGroup, Map<String, String> env) {
		if (processGroup.equals(WsgiConfig.GLOBAL)) {
			return EMBEDDED_PROCESS_GROUP;
		}
		if (processGroup.startsWith(ApplicationGroupNames.ENV_PREFIX) && processGroup.endsWith("}")) {
			String name = processGroup.substring(ApplicationGroupNames.ENV_PREFIX.length(), processGroup.length() - 1);
			String value = env.containsKey(name) ? env.get(name) : System.getenv(name);
			return (value != null) ? value : processGroup;
		}
		return processGroup;
	}

	/** The process group of a script: its directory's WSGIProcessGroup, else the server's. */
	private String processGroupOf(ScriptSource script) {
		if (this.config.directories().isEmpty() || !(script instanceof ScriptSource.FileScript file)) {
			return this.config.processGroup();
		}
		return this.directoryProcessGroups.computeIfAbsent(file.path(), (path) -> {
			String group = DirectorySettings.processGroupFor(this.config.directories(), path);
			return (group != null) ? group : this.config.processGroup();
		});
	}

	/** A request rewriting answered: a redirect, 403 (F), 410 (G), 404, 500 (too many internal redirects). */
	private static void answerRewrite(HttpServletRequest request, HttpServletResponse response,
			RewrittenRequest rewrite) throws IOException {
		int status = rewrite.status();
		if (rewrite.location() != null) {
			response.setHeader("Location", rewrite.location());
			sendError(response, status, (status == HttpServletResponse.SC_MOVED_PERMANENTLY) ? "Moved Permanently" : "Found");
			return;
		}
		logger.info("{} {}: answered {} by rewrite rules", request.getMethod(), request.getRequestURI(), status);
		String reason = switch (status) {
			case HttpServletResponse.SC_FORBIDDEN -> "Forbidden";
			case HttpServletResponse.SC_GONE -> "Gone";
			case HttpServletResponse.SC_NOT_FOUND -> "Not Found";
			case HttpServletResponse.SC_BAD_REQUEST -> "Bad Request";
			case HttpServletResponse.SC_INTERNAL_SERVER_ERROR -> "Internal Server Error";
			default -> "Error";
		};
		sendError(response, status, reason);
	}

	private boolean accessAllowed(ScriptSource script, String remoteAddress) {
		if (this.config.directories().isEmpty() || !(script instanceof ScriptSource.FileScript file)) {
			return true;
		}
		List<AccessControl> rules = this.accessRules.computeIfAbsent(file.path(),
				(path) -> DirectorySettings.accessFor(this.config.directories(), path));
		return rules.isEmpty() || AccessControl.allows(rules, remoteAddress);
	}

	/** A static file of an {@code Alias}: its content type from the system's table, its length and date. */
	private void sendFile(HttpServletRequest request, HttpServletResponse response, Path file) throws IOException {
		if (!accessAllowed(new ScriptSource.FileScript(file), request.getRemoteAddr())) {
			logger.info("{} {}: client {} denied by server configuration", request.getMethod(),
					request.getRequestURI(), request.getRemoteAddr());
			sendError(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
			return;
		}
		String name = file.getFileName().toString();
		String type = this.mimeTypes.forFileName(name);
		if (type == null) {
			type = request.getServletContext().getMimeType(name);
		}
		if (type != null) {
			response.setContentType(type);
		}
		response.setContentLengthLong(Files.size(file));
		response.setDateHeader("Last-Modified", Files.getLastModifiedTime(file).toMillis());
		if (!"HEAD".equals(request.getMethod())) {
			Files.copy(file, response.getOutputStream());
		}
	}

	/** Apache's answers for a mount that names no script: 301 to add a slash, 403 for a directory, 404. */
	private static void answerWithoutScript(HttpServletRequest request, HttpServletResponse response,
			RouteMatch match) throws IOException {
		switch (match.status()) {
			case HttpServletResponse.SC_MOVED_PERMANENTLY -> {
				String query = request.getQueryString();
				response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
				response.setHeader("Location", match.redirectPath() + ((query != null) ? "?" + query : ""));
				response.setContentLength(0);
			}
			case HttpServletResponse.SC_FORBIDDEN -> {
				logger.info("{} {}: attempt to invoke a directory as a WSGI application", request.getMethod(),
						request.getRequestURI());
				sendError(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
			}
			default -> sendError(response, HttpServletResponse.SC_NOT_FOUND, "Not Found");
		}
	}

	/**
	 * The configured application group of a script: the mount's option, else the
	 * most specific directory settings holding the script, else the server's
	 * default. Resolved once per script file.
	 */
	private String applicationGroupOf(ScriptAlias alias, ScriptSource script) {
		if (alias.applicationGroup() != null) {
			return alias.applicationGroup();
		}
		if (this.config.directories().isEmpty() || !(script instanceof ScriptSource.FileScript file)) {
			return this.config.applicationGroup();
		}
		return this.directoryGroups.computeIfAbsent(file.path(), (path) -> {
			String group = DirectorySettings.applicationGroupFor(this.config.directories(), path);
			return (group != null) ? group : this.config.applicationGroup();
		});
	}

	private static void sendError(HttpServletResponse response, int status, String reason) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		byte[] body = ("<!DOCTYPE html>\n<html><head><title>" + status + " " + reason + "</title></head><body><h1>"
				+ reason + "</h1></body></html>\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		response.setStatus(status);
		response.setContentType("text/html; charset=iso-8859-1");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** Startup checks that need no interpreter: script files exist. */
	private static void validate(WsgiConfig config) {
		List<WsgiConfigException> problems = new ArrayList<>();
		for (ScriptAlias alias : config.scriptAliases()) {
			ScriptSource script = alias.script();
			if (alias.pattern() != null) {
				// the location holds $N: which files it names is known per request
				continue;
			}
			if (alias.walkTarget() != null && alias.preload()) {
				problems.add(new WsgiConfigException(alias.origin(),
						"a directory of scripts cannot be preloaded: which script would it be?",
						"Remove preload from this mount."));
			}
			if (script instanceof ScriptSource.FileScript file) {
				if (!Files.isReadable(file.path())) {
					problems.add(new WsgiConfigException(alias.origin(),
							"WSGI script '" + file.path() + "' does not exist or is not readable",
							"Check the path (it is resolved against the working directory "
									+ System.getProperty("user.dir") + ") or use classpath: for a packaged script."));
				}
			}
			else if (script instanceof ScriptSource.ClasspathScript resource && !resource.exists()) {
				problems.add(new WsgiConfigException(alias.origin(),
						"WSGI script '" + resource.name() + "' is not on the class path",
						"Put the script under src/main/resources/" + resource.resource() + " or fix the location."));
			}
		}
		if (!problems.isEmpty()) {
			WsgiConfigException first = problems.get(0);
			problems.subList(1, problems.size()).forEach(first::addSuppressed);
			throw first;
		}
	}

	@Override
	public void close() {
		this.embedded.close();
		this.daemons.values().forEach(InterpreterPool::close);
	}

}
