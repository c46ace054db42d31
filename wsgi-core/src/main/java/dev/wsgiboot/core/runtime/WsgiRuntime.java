package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.graalvm.polyglot.PolyglotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.apache.HtaccessFiles;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.ImportScript;
import dev.wsgiboot.core.config.InterpreterEnvironment;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.PythonHome;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.VirtualHostConfig;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.RewrittenRequest;
import dev.wsgiboot.core.routing.DecodedPath;
import dev.wsgiboot.core.routing.FileMapper;
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

	/** Bounds preloading by startup-timeout. */
	private static final ScheduledExecutorService STARTUP_WATCHDOG = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "wsgi-startup-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Request attribute set ({@code Boolean.TRUE}) when the connection should be
	 * closed after the response without reading the rest of the request body, as
	 * Apache does: a body refused with 411 or 413, or one the application never
	 * read while the client waits for {@code 100 Continue} before sending it. The
	 * servlet API cannot say so; the Spring Boot starter's Tomcat valve acts on
	 * it.
	 */
	public static final String CLOSE_WITHOUT_READING_BODY = WsgiRuntime.class.getName() + ".closeWithoutReadingBody";

	private final WsgiConfig config;

	private final Router router;

	/** Rewrite rules, SetEnvIf and scoped mod_env directives; {@code null} when there are none. */
	private final RequestRewriter rewriter;

	private final InterpreterPool embedded;

	private final MimeTypes mimeTypes = MimeTypes.system();

	private final StaticFiles staticFiles = new StaticFiles(this.mimeTypes);

	private final CgiRunner cgi;

	/** WSGIDaemonProcess groups by name, those of every virtual host included. */
	private final Map<String, InterpreterPool> daemons;

	/** Daemon groups defined inside other virtual hosts: not usable here. */
	private final Set<String> foreignDaemons;

	/** Whether this runtime created the pools (and closes them); virtual hosts share them. */
	private final boolean owner;

	/** One runtime per {@code <VirtualHost>}, sharing this one's pools; empty without virtual hosts. */
	private final List<WsgiRuntime> hosts;

	/** Access rules, authentication and request body limits, checked before anything runs. */
	private final RequestGuard guard;

	/** Script file to its configured process group (before expansion). */
	private final Map<Path, String> directoryProcessGroups = new ConcurrentHashMap<>();

	/** Script file to its configured application group (before expansion). */
	private final Map<Path, String> directoryGroups = new ConcurrentHashMap<>();

	public WsgiRuntime(WsgiConfig config, PythonEngine engine, String pycacheDirectory) {
		this(validated(config), Pools.create(config, engine, pycacheDirectory), Set.of(), true);
		startEarly();
		this.hosts.forEach(WsgiRuntime::startEarly);
	}

	private WsgiRuntime(WsgiConfig config, Pools pools, Set<String> foreignDaemons, boolean owner) {
		this.config = config;
		this.router = new Router(config.scriptAliases(), config.staticAliases(),
				new FileMapper(config.directories(), new HtaccessFiles(), this.mimeTypes::knowsExtension),
				config.fileServing().documentRoot());
		this.rewriter = config.rewrite().isEmpty() ? null : new RequestRewriter(config, this.router);
		this.cgi = new CgiRunner(config.fileServing().cgiTimeout());
		this.guard = new RequestGuard(config);
		this.embedded = pools.embedded();
		this.daemons = pools.daemons();
		this.foreignDaemons = foreignDaemons;
		this.owner = owner;
		List<WsgiRuntime> hosts = new ArrayList<>();
		if (owner) {
			for (VirtualHostConfig host : config.virtualHosts()) {
				Set<String> foreign = new HashSet<>();
				config.virtualHosts()
					.stream()
					.filter((other) -> other != host)
					.forEach((other) -> foreign.addAll(other.ownDaemonProcesses()));
				foreign.removeAll(host.ownDaemonProcesses());
				hosts.add(new WsgiRuntime(host.config(), pools, foreign, false));
			}
		}
		this.hosts = List.copyOf(hosts);
	}

	/** The embedded pool and every daemon group's pool, shared by the virtual hosts. */
	private record Pools(InterpreterPool embedded, Map<String, InterpreterPool> daemons) {

		static Pools create(WsgiConfig config, PythonEngine engine, String pycacheDirectory) {
			var settings = config.embedded();
			boolean multiprocess = settings.processes() > 1;
			InterpreterPool embedded = new InterpreterPool(EMBEDDED_PROCESS_GROUP, settings, engine,
					(group) -> new InterpreterSpec(EMBEDDED_PROCESS_GROUP, group, settings.processes(),
							settings.threads(), multiprocess, config.pythonPath(), pycacheDirectory, false, null, null));
			Map<String, InterpreterPool> daemons = new LinkedHashMap<>();
			List<DaemonProcessGroup> groups = new ArrayList<>(config.daemonProcesses().values());
			config.virtualHosts().forEach((host) -> groups.addAll(host.config().daemonProcesses().values()));
			for (DaemonProcessGroup daemon : groups) {
				if (daemons.containsKey(daemon.name())) {
					continue;
				}
				InterpreterEnvironment environment = daemon.environment();
				List<String> pythonPath = new ArrayList<>(config.pythonPath());
				pythonPath.addAll(environment.pythonPath());
				if (environment.pythonHome() != null) {
					pythonPath.addAll(PythonHome.packageDirectories(environment.pythonHome(), daemon.origin()));
				}
				daemons.put(daemon.name(), new InterpreterPool(daemon.name(),
						daemon.poolSettings(settings.queueTimeout()), engine,
						(group) -> new InterpreterSpec(daemon.name(), group, daemon.processes(), daemon.threads(),
								daemon.multiprocess(), pythonPath, pycacheDirectory, daemon.runOnce(),
								environment.lang(), environment.locale())));
			}
			return new Pools(embedded, daemons);
		}

	}

	private static WsgiConfig validated(WsgiConfig config) {
		validate(config);
		config.virtualHosts().forEach((host) -> validate(host.config()));
		return config;
	}

	/**
	 * The runtime of the virtual host a request names (by its Host header, as
	 * Apache matches ServerName and ServerAlias), the first one when it names
	 * none; this one without virtual hosts.
	 */
	private WsgiRuntime host(HttpServletRequest request) {
		if (this.hosts.isEmpty()) {
			return this;
		}
		String host = hostName(request.getHeader("Host"));
		List<VirtualHostConfig> configs = this.config.virtualHosts();
		for (int i = 0; i < configs.size(); i++) {
			if (configs.get(i).matches(host)) {
				return this.hosts.get(i);
			}
		}
		return this.hosts.get(0);
	}

	private static String hostName(String header) {
		if (header == null) {
			return "";
		}
		String host = header.strip();
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end > 0) ? host.substring(0, end + 1) : host;
		}
		int colon = host.indexOf(':');
		return (colon >= 0) ? host.substring(0, colon) : host;
	}

	/** The state of every process group's interpreters: the embedded group first, then the daemon groups. */
	public List<ProcessGroupState> processGroups() {
		List<ProcessGroupState> states = new ArrayList<>();
		states.add(this.embedded.state());
		this.daemons.values().forEach((pool) -> states.add(pool.state()));
		return states;
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
		return host(request).routeHere(request);
	}

	private RouteMatch routeHere(HttpServletRequest request) {
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
	 * their application group, as requests on {@code port} would name it, and the
	 * {@code WSGIImportScript} scripts into theirs. Each load is bounded by its
	 * process group's startup-timeout.
	 * @throws ScriptLoadException when one of them fails
	 */
	public void preload(int port) {
		preloadHere(port);
		for (WsgiRuntime host : this.hosts) {
			host.preloadHere(port);
		}
	}

	/**
	 * Has every process group that {@link #preload} will load a script into
	 * start creating its first interpreter now, while the application starts.
	 */
	private void startEarly() {
		Map<String, String> env = this.config.env();
		for (ImportScript imported : this.config.importScripts()) {
			startEarly(expandProcessGroup(imported.processGroup(), env));
		}
		for (ScriptAlias alias : this.config.scriptAliases()) {
			if (alias.preload()) {
				startEarly(expandProcessGroup(preloadProcessGroup(alias), env));
			}
		}
	}

	private void startEarly(String processGroupName) {
		InterpreterPool pool = pool(processGroupName);
		if (pool != null) {
			pool.startEarly();
		}
	}

	private String preloadProcessGroup(ScriptAlias alias) {
		return (alias.processGroup() != null) ? alias.processGroup() : processGroupOf(alias.script());
	}

	/** The embedded pool for {@code ''}, else the daemon group's; {@code null} when there is none. */
	private InterpreterPool pool(String processGroupName) {
		return processGroupName.isEmpty() ? this.embedded : this.daemons.get(processGroupName);
	}

	private void preloadHere(int port) {
		for (ImportScript imported : this.config.importScripts()) {
			String group = ApplicationGroupNames.expand(imported.applicationGroup(), this.config.serverName(),
					new RequestHost(this.config.serverName(), port), "", System::getenv);
			load(imported.script(), imported.processGroup(), group, imported.origin());
		}
		for (ScriptAlias alias : this.config.scriptAliases()) {
			if (!alias.preload()) {
				continue;
			}
			String group = ApplicationGroupNames.expand(applicationGroupOf(alias, alias.script()), this.config.serverName(),
					new RequestHost(this.config.serverName(), port), alias.url().equals("/") ? "" : alias.url(),
					System::getenv);
			load(alias.script(), preloadProcessGroup(alias), group, alias.origin());
		}
	}

	private void load(ScriptSource script, String processGroup, String applicationGroup, String origin) {
		long start = System.nanoTime();
		String processGroupName = expandProcessGroup(processGroup, this.config.env());
		InterpreterPool pool = pool(processGroupName);
		if (pool == null) {
			throw new WsgiConfigException(origin, "no WSGI daemon process called '" + processGroupName + "'",
					"Define it with WSGIDaemonProcess (wsgi.daemon-processes." + processGroupName
							+ ") or use %{GLOBAL}.");
		}
		Interpreter interpreter = pool.startupInterpreter(applicationGroup);
		Duration timeout = pool.lifecycle().startupTimeout();
		if (timeout.isZero()) {
			interpreter.ensureLoaded(script, false);
		}
		else {
			AtomicBoolean interrupted = new AtomicBoolean();
			ScheduledFuture<?> watch = STARTUP_WATCHDOG.schedule(() -> {
				interrupted.set(true);
				interpreter.interrupt();
			}, timeout.toMillis(), TimeUnit.MILLISECONDS);
			try {
				interpreter.ensureLoaded(script, false);
			}
			catch (PolyglotException ex) {
				if (interrupted.get()) {
					throw new ScriptLoadException(script.name(), "did not load within startup-timeout ("
							+ timeout.toMillis() + " ms) of process group '" + pool.displayName() + "'");
				}
				throw ex;
			}
			finally {
				watch.cancel(false);
			}
		}
		logger.info("Preloaded {} ({}) into process group '{}', application group '{}' in {} ms", script.name(), origin,
				pool.displayName(), applicationGroup, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Runs the request through the script it was routed to, or sends the file,
	 * listing or status it was mapped to.
	 */
	public void service(HttpServletRequest request, HttpServletResponse response, RouteMatch match)
			throws IOException {
		host(request).serviceHere(request, response, match);
	}

	private void serviceHere(HttpServletRequest request, HttpServletResponse response, RouteMatch match)
			throws IOException {
		RewrittenRequest rewrite = match.rewrite();
		if (rewrite != null && rewrite.answers()) {
			answerRewrite(request, response, rewrite);
			return;
		}
		if (match.kind() == RouteMatch.Kind.STATUS) {
			answerWithoutScript(request, response, match);
			return;
		}
		Path file = (match.kind() == RouteMatch.Kind.SCRIPT)
				? ((match.script() instanceof ScriptSource.FileScript script) ? script.path() : null)
				: match.staticFile();
		boolean runs = match.kind() == RouteMatch.Kind.SCRIPT || match.kind() == RouteMatch.Kind.CGI;
		// the variables SetEnvIf and the rewrite rules set (with SetEnv, see the README), looked up only by env rules
		Function<String, String> requestEnv = (rewrite != null) ? rewrite.env()::get
				: (name) -> locationView(match.requestPath()).env().get(name);
		RequestGuard.Admission admission = this.guard.admit(request, response, file, match.requestPath(), runs,
				requestEnv);
		if (admission == null) {
			return;
		}
		if (match.negotiated() && match.pathInfo().isEmpty()) {
			// mod_negotiation's answer headers for the variant it chose
			response.setHeader("Content-Location", String.valueOf(file.getFileName()));
			response.setHeader("Vary", "negotiate");
			response.setHeader("TCN", "choice");
		}
		switch (match.kind()) {
			case FILE -> this.staticFiles.send(request, response, file);
			case LISTING -> sendListing(request, response, match);
			case CGI -> {
				LocationView location = locationView(match.requestPath());
				Map<String, String> env = CgiEnvironment.forCgi(request, match, requestHost(this.config, request), file.toString(),
						location.passAuthorization(), location.env(), admission);
				this.cgi.run(request, response, file, env);
			}
			default -> runScript(request, response, match, admission);
		}
	}

	private void runScript(HttpServletRequest request, HttpServletResponse response, RouteMatch match,
			RequestGuard.Admission admission) throws IOException {
		ScriptAlias alias = match.alias();
		ScriptSource script = match.script();
		RequestHost host = requestHost(this.config, request);
		RewrittenRequest rewrite = match.rewrite();
		LocationView location = locationView(match.requestPath(), processGroupOf(script));
		// with rewriting, the match carries the complete variables (location SetEnv included)
		Map<String, String> env = (rewrite != null) ? rewrite.env() : location.env();
		boolean passAuthorization = location.passAuthorization();
		boolean mapHeadToGet = location.mapHeadToGet();
		String processGroup = location.processGroup();
		if (alias.processGroup() != null) {
			processGroup = alias.processGroup();
		}
		Map<String, String> requestEnv = env;
		String group = ApplicationGroupNames.expand(applicationGroupOf(alias, script), this.config.serverName(), host,
				match.scriptName(), (name) -> requestEnv.containsKey(name) ? requestEnv.get(name) : System.getenv(name));
		String processGroupName = expandProcessGroup(processGroup, env);
		InterpreterPool pool = pool(processGroupName);
		if (pool == null) {
			logger.error("{} {}: no WSGI daemon process called '{}' has been configured", request.getMethod(),
					request.getRequestURI(), processGroupName);
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		if (this.foreignDaemons.contains(processGroupName)) {
			logger.error("{} {}: daemon process '{}' is defined in another virtual host and cannot be accessed by "
					+ "this WSGI application", request.getMethod(), request.getRequestURI(), processGroupName);
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		// the environ is built before a place is taken: the place is held only while Python runs
		String callable = CgiEnvironment.callableObject(alias, this.config.callableObject());
		String method = request.getMethod();
		if (mapHeadToGet && method.equals("HEAD")) {
			method = "GET";
		}
		String query = (rewrite != null) ? rewrite.query() : request.getQueryString();
		String cgi = CgiEnvironment.build(request, method, query, match, host, script.name(), processGroupName, group,
				callable, this.config.scriptReloading(), passAuthorization, env, admission);
		InterpreterPool.Lease lease;
		try {
			lease = pool.acquire(group);
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
		ScheduledFuture<?> watch = null;
		if (RequestGuard.isChunked(request)) {
			bridge.limitBody(admission.limits());
		}
		try {
			Interpreter interpreter = pool.interpreter(lease, group);
			interpreter.ensureLoaded(script, this.config.scriptReloading());
			watch = pool.watch(lease, interpreter);
			interpreter.handle(script.name(), callable, cgi, bridge);
		}
		catch (ScriptLoadException ex) {
			logger.error("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		catch (PolyglotException ex) {
			if (endedItsProcess(ex)) {
				bridge.fail("the application ended its process (os._exit"
						+ (ex.isExit() ? "(" + ex.getExitStatus() + "))" : ")"));
				pool.restartAfterExit(lease);
			}
			else {
				bridge.fail(ex.isHostException() ? ex.asHostException().toString() : String.valueOf(ex.getMessage()));
			}
		}
		catch (RuntimeException ex) {
			logger.error("{} {}: cannot run {}", request.getMethod(), request.getRequestURI(), script.name(), ex);
			sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return;
		}
		finally {
			if (watch != null) {
				watch.cancel(false);
			}
			pool.release(lease);
			bridge.sendHeldBody();
		}
		if (lease.timedOut) {
			logger.error("{} {}: WSGI application {} interrupted after request-timeout", request.getMethod(),
					request.getRequestURI(), script.name());
			if (!response.isCommitted()) {
				response.reset();
				sendError(response, HttpServletResponse.SC_GATEWAY_TIMEOUT, "Gateway Timeout");
				return;
			}
			throw new ResponseAbortedException("WSGI application " + script.name() + " interrupted after request-timeout");
		}
		if (!bridge.hasReadBody() && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
			request.setAttribute(CLOSE_WITHOUT_READING_BODY, Boolean.TRUE);
		}
		if (bridge.isBodyTooLarge() && !response.isCommitted()) {
			// mod_wsgi: the over-limit chunked body makes the answer a 413, whatever the application did with the error
			logger.info("{} {}: chunked request body over LimitRequestBody {}{}", request.getMethod(),
					request.getRequestURI(), admission.limits().limit(),
					(bridge.failure() != null) ? "; the application failed:\n" + bridge.failure().stripTrailing() : "");
			response.reset();
			response.setHeader("Connection", "close");
			request.setAttribute(CLOSE_WITHOUT_READING_BODY, Boolean.TRUE);
			sendError(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large");
			return;
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
	 * Whether GraalPy ended the call because Python called {@code os._exit}.
	 * Embedded, GraalPy ends the context's threads instead of the JVM: the
	 * calling thread and every other one running in that context with a
	 * {@code ThreadDeath}, which reaches the host as an internal error of that
	 * name, the context's first thread with an exit.
	 */
	private static boolean endedItsProcess(PolyglotException ex) {
		return ex.isExit() || (ex.isInternalError() && "java.lang.ThreadDeath".equals(ex.getMessage()));
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

	/**
	 * The server's SetEnv, WSGIPassAuthorization, WSGIProcessGroup and
	 * WSGIMapHEADToGet with the {@code <Location>} sections matching the path
	 * applied in order.
	 */
	private LocationView locationView(String path) {
		return locationView(path, this.config.processGroup());
	}

	/** The same, starting from a script's own process group (its directory's, else the server's). */
	private LocationView locationView(String path, String defaultProcessGroup) {
		Map<String, String> env = this.config.env();
		boolean passAuthorization = this.config.passAuthorization();
		boolean mapHeadToGet = false;
		String processGroup = defaultProcessGroup;
		if (!this.config.locations().isEmpty()) {
			env = new LinkedHashMap<>(env);
			for (LocationSettings location : this.config.locations()) {
				if (location.appliesTo(path)) {
					env.putAll(location.env());
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
		return new LocationView(env, passAuthorization, processGroup, mapHeadToGet);
	}

	private record LocationView(Map<String, String> env, boolean passAuthorization, String processGroup,
			boolean mapHeadToGet) {
	}

	/** A generated directory listing ({@code Options Indexes}). */
	private static void sendListing(HttpServletRequest request, HttpServletResponse response, RouteMatch match)
			throws IOException {
		byte[] body = DirectoryListing.render(match.scriptName(), match.staticFile()).getBytes(StandardCharsets.UTF_8);
		// Apache's label (mod_autoindex without IndexOptions Charset=); names are written as
		// the file system holds them (UTF-8 here), as Apache writes their bytes
		response.setContentType("text/html;charset=ISO-8859-1");
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
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
			case HttpServletResponse.SC_INTERNAL_SERVER_ERROR ->
				sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
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

	static void sendError(HttpServletResponse response, int status, String reason) throws IOException {
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
		for (DaemonProcessGroup daemon : config.daemonProcesses().values()) {
			if (!daemon.osProcessOptions().isEmpty()) {
				problems.add(new WsgiConfigException(daemon.origin(),
						"WSGIDaemonProcess " + daemon.name() + " uses " + daemon.osProcessOptions().keySet()
								+ ", which need a separate operating-system process; daemon process groups here are "
								+ "interpreters inside the JVM, running as the JVM's user",
						"Remove the options, or set wsgi.ignore-os-process-options=true to run the group inside the "
								+ "JVM without them."));
			}
		}
		for (ImportScript imported : config.importScripts()) {
			if (imported.script() instanceof ScriptSource.FileScript file && !Files.isReadable(file.path())) {
				problems.add(new WsgiConfigException(imported.origin(),
						"WSGI script '" + file.path() + "' does not exist or is not readable", "Check the path."));
			}
			String processGroup = imported.processGroup();
			if (!processGroup.equals(WsgiConfig.GLOBAL) && !config.daemonProcesses().containsKey(processGroup)) {
				problems.add(new WsgiConfigException(imported.origin(),
						"no WSGI daemon process called '" + processGroup + "'",
						"Define it with WSGIDaemonProcess (wsgi.daemon-processes." + processGroup
								+ ") or use %{GLOBAL}."));
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
		if (!this.owner) {
			return;
		}
		this.embedded.close();
		this.daemons.values().forEach(InterpreterPool::close);
	}

}
