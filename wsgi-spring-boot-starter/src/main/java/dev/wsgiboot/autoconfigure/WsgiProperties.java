package dev.wsgiboot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import dev.wsgiboot.core.apache.ApacheConfig;
import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.Authentication;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.FileServingSettings;
import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.ImportScript;
import dev.wsgiboot.core.config.InterpreterEnvironment;
import dev.wsgiboot.core.config.InterpreterLifecycle;
import dev.wsgiboot.core.config.InterpreterPoolSettings;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.PythonHome;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.StaticAlias;
import dev.wsgiboot.core.config.VirtualHostConfig;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;

/**
 * Configuration properties for serving Python WSGI applications, named after
 * the mod_wsgi directives they stand for.
 */
@ConfigurationProperties("wsgi")
public final class WsgiProperties {

	private static final Logger logger = LoggerFactory.getLogger(WsgiProperties.class);

	/** Order of the WSGI handler mapping: after Java controllers, before static resources by default. */
	public static final int DEFAULT_HANDLER_MAPPING_ORDER = Ordered.LOWEST_PRECEDENCE - 2;

	/**
	 * Whether to serve WSGI applications at all.
	 */
	private final boolean enabled;

	/**
	 * WSGIScriptAlias: WSGI scripts mounted at URL prefixes. The first listed mount
	 * that matches a request wins, so list sub-URLs before "/".
	 */
	private final List<Mount> scriptAliases;

	/**
	 * ServerName: the server's name (host[:port]), used in default application
	 * group names and as SERVER_NAME for requests without a Host header. Defaults
	 * to the machine's host name, as Apache does.
	 */
	private final String serverName;

	/**
	 * WSGIScriptAliasMatch: scripts mounted by a regular expression searched in the
	 * request path; $1..$9 in the path take its groups. Tried after
	 * wsgi.script-aliases.
	 */
	private final List<MountMatch> scriptAliasMatches;

	/**
	 * AllowEncodedSlashes: what a %2F in a request path does: off (404, the
	 * default), on (decoded to '/'), no-decode (kept as %2F).
	 */
	private final EncodedSlashes allowEncodedSlashes;

	/**
	 * SetEnv: variables added to the WSGI environ of every request (never to
	 * os.environ). Use brackets for names with dots: wsgi.env[demo.templates].
	 */
	private final Map<String, String> env;

	/**
	 * Per-location settings (Apache's Location sections), applied in order to
	 * requests at or below their path.
	 */
	private final List<Location> locations;

	/**
	 * Per-directory settings (Apache's Directory and Files sections) of the
	 * scripts inside them; the deepest directory wins, a file name wins over its
	 * directory.
	 */
	private final List<Directory> directories;

	/**
	 * Apache configuration files (file: or classpath: locations) whose mod_wsgi
	 * directives to apply, e.g. file:/etc/apache2/sites-enabled/app.conf.
	 * Properties set under wsgi.* override what the files say; mounts from
	 * wsgi.script-aliases come before the files' WSGIScriptAlias lines.
	 */
	private final List<String> apacheConfig;

	/**
	 * Alias: URL prefixes served as static files from a file or directory; they
	 * take precedence over every script mount.
	 */
	private final List<StaticMount> aliases;

	/**
	 * AliasMatch: static files by regular expression; $1..$9 in the path take its
	 * groups.
	 */
	private final List<StaticMountMatch> aliasMatches;

	/**
	 * DocumentRoot: the directory where URLs that no mount claims are looked up
	 * (files, and scripts by the handlers of wsgi.directories); a name that does
	 * not exist there is left to the rest of the application.
	 */
	private final String documentRoot;

	/**
	 * How long a CGI script may be silent before it is killed (Apache's Timeout).
	 */
	private final Duration cgiTimeout;

	/**
	 * WSGIDaemonProcess: named process groups, each its own pool of interpreters
	 * (processes) admitting threads concurrent requests each.
	 */
	private final Map<String, DaemonProcess> daemonProcesses;

	/**
	 * WSGIDaemonProcess options that need a separate operating-system process
	 * (user, group, home, chroot, memory-limit...) fail startup unless this is
	 * true; then they are ignored with a warning and the group runs inside the JVM,
	 * as the JVM's user.
	 */
	private final boolean ignoreOsProcessOptions;

	/**
	 * Name-based virtual hosts (&lt;VirtualHost&gt;): requests whose Host names one
	 * of them get its mounts (before the main ones) and settings; the first is the
	 * default for other names.
	 */
	private final List<VirtualHostProperties> virtualHosts;

	/**
	 * WSGIImportScript: scripts loaded at startup into a process and application
	 * group, so that the first request does not pay for their imports.
	 */
	private final List<ImportScriptProperties> importScripts;

	/**
	 * WSGIProcessGroup default: %{GLOBAL} (the embedded interpreters), the name
	 * of a daemon process group, or %{ENV:NAME}.
	 */
	private final String processGroup;

	/**
	 * UseCanonicalName: take SERVER_NAME and SERVER_PORT (and default application
	 * group names) from wsgi.server-name (host[:port]) instead of the request's
	 * Host header. Default: false.
	 */
	private final Boolean useCanonicalName;

	/**
	 * WSGIApplicationGroup default: %{RESOURCE} (one interpreter per server, port
	 * and mount point; the default), %{GLOBAL}, %{SERVER}, %{HOST}, %{ENV:NAME} or
	 * a name.
	 */
	private final String applicationGroup;

	/**
	 * WSGICallableObject default: the name of the WSGI callable in each script
	 * (application unless set).
	 */
	private final String callableObject;

	/**
	 * WSGIScriptReloading: reload a script on its next request when its file
	 * changed. Default: true.
	 */
	private final Boolean scriptReloading;

	/**
	 * WSGIPassAuthorization: pass the Authorization header to applications as
	 * HTTP_AUTHORIZATION. Default: false.
	 */
	private final Boolean passAuthorization;

	/**
	 * WSGIPythonPath: directories added to sys.path of every interpreter, e.g.
	 * /usr/lib/python3/dist-packages for Debian's Flask and Django.
	 */
	private final List<String> pythonPath;

	/**
	 * WSGIPythonHome: a Python virtual environment (or installation) whose
	 * lib/python3.X/site-packages (or dist-packages) directories are added to
	 * sys.path of every interpreter. GraalPy's own standard library is always used.
	 */
	private final String pythonHome;

	/**
	 * Directory where compiled Python bytecode is cached (GraalPy's
	 * PyCachePrefix), so that restarts import faster. Defaults to
	 * ~/.cache/wsgi-spring-boot/pycache; empty to write __pycache__ directories
	 * next to the sources instead.
	 */
	private final String pythonCachePrefix;

	/**
	 * Order of the WSGI handler mapping among Spring MVC's handler mappings.
	 */
	private final int handlerMappingOrder;

	/**
	 * Answer a request for a WSGI mount before asking Spring MVC's other handler
	 * mappings when none of those ordered before the WSGI mapping has a URL
	 * pattern that can match its path (worked out from their patterns at
	 * startup). The answer is the same; asking them costs CPU on every request.
	 * Set to false when handlers are registered at runtime.
	 */
	private final boolean earlyDispatch;

	/**
	 * LimitRequestBody: the largest request body a script accepts (a larger
	 * Content-Length is answered 413 before the application runs). 0 for no
	 * limit. Default: 1GB, as Apache 2.4.54+.
	 */
	private final DataSize limitRequestBody;

	/**
	 * WSGIChunkedRequest: accept chunked request bodies (no Content-Length); the
	 * limit is then enforced while the application reads. Default: false (411).
	 */
	private final Boolean chunkedRequest;

	/**
	 * The embedded process group (WSGIProcessGroup %{GLOBAL}).
	 */
	private final Embedded embedded;

	/**
	 * mod_rewrite rules and maps, SetEnvIf, UnsetEnv and PassEnv.
	 */
	private final RewriteProperties rewrite;

	public WsgiProperties(@DefaultValue("true") boolean enabled, List<Mount> scriptAliases,
			List<MountMatch> scriptAliasMatches, EncodedSlashes allowEncodedSlashes, Map<String, String> env,
			List<Location> locations, List<Directory> directories,
			List<String> apacheConfig, List<StaticMount> aliases, List<StaticMountMatch> aliasMatches,
			String documentRoot, @DefaultValue("60s") Duration cgiTimeout,
			Boolean useCanonicalName, Map<String, DaemonProcess> daemonProcesses,
			@DefaultValue("false") boolean ignoreOsProcessOptions, List<ImportScriptProperties> importScripts,
			List<VirtualHostProperties> virtualHosts,
			String processGroup,
			String serverName, String applicationGroup, String callableObject, Boolean scriptReloading,
			Boolean passAuthorization,
			List<String> pythonPath, String pythonHome, String pythonCachePrefix,
			@DefaultValue("" + DEFAULT_HANDLER_MAPPING_ORDER) int handlerMappingOrder,
			@DefaultValue("true") boolean earlyDispatch, @DefaultValue Embedded embedded,
			DataSize limitRequestBody, Boolean chunkedRequest, @DefaultValue RewriteProperties rewrite) {
		this.enabled = enabled;
		this.scriptAliases = (scriptAliases != null) ? List.copyOf(scriptAliases) : List.of();
		this.apacheConfig = (apacheConfig != null) ? List.copyOf(apacheConfig) : List.of();
		this.directories = (directories != null) ? List.copyOf(directories) : List.of();
		this.scriptAliasMatches = (scriptAliasMatches != null) ? List.copyOf(scriptAliasMatches) : List.of();
		this.allowEncodedSlashes = allowEncodedSlashes;
		this.useCanonicalName = useCanonicalName;
		this.aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		this.aliasMatches = (aliasMatches != null) ? List.copyOf(aliasMatches) : List.of();
		this.documentRoot = documentRoot;
		this.cgiTimeout = cgiTimeout;
		this.daemonProcesses = (daemonProcesses != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(daemonProcesses)) : Map.of();
		this.ignoreOsProcessOptions = ignoreOsProcessOptions;
		this.importScripts = (importScripts != null) ? List.copyOf(importScripts) : List.of();
		this.virtualHosts = (virtualHosts != null) ? List.copyOf(virtualHosts) : List.of();
		this.processGroup = processGroup;
		this.env = (env != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(env)) : Map.of();
		this.locations = (locations != null) ? List.copyOf(locations) : List.of();
		this.serverName = serverName;
		this.applicationGroup = applicationGroup;
		this.callableObject = callableObject;
		this.scriptReloading = scriptReloading;
		this.passAuthorization = passAuthorization;
		this.pythonPath = (pythonPath != null) ? List.copyOf(pythonPath) : List.of();
		this.pythonHome = pythonHome;
		this.pythonCachePrefix = pythonCachePrefix;
		this.handlerMappingOrder = handlerMappingOrder;
		this.earlyDispatch = earlyDispatch;
		this.embedded = embedded;
		this.limitRequestBody = limitRequestBody;
		this.chunkedRequest = chunkedRequest;
		this.rewrite = rewrite;
	}

	public DataSize getLimitRequestBody() {
		return this.limitRequestBody;
	}

	public Boolean getChunkedRequest() {
		return this.chunkedRequest;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public List<Mount> getScriptAliases() {
		return this.scriptAliases;
	}

	public List<MountMatch> getScriptAliasMatches() {
		return this.scriptAliasMatches;
	}

	public EncodedSlashes getAllowEncodedSlashes() {
		return this.allowEncodedSlashes;
	}

	public List<StaticMount> getAliases() {
		return this.aliases;
	}

	public List<StaticMountMatch> getAliasMatches() {
		return this.aliasMatches;
	}

	public Map<String, DaemonProcess> getDaemonProcesses() {
		return this.daemonProcesses;
	}

	public boolean isIgnoreOsProcessOptions() {
		return this.ignoreOsProcessOptions;
	}

	public List<VirtualHostProperties> getVirtualHosts() {
		return this.virtualHosts;
	}

	public List<ImportScriptProperties> getImportScripts() {
		return this.importScripts;
	}

	public String getPythonHome() {
		return this.pythonHome;
	}

	public String getProcessGroup() {
		return this.processGroup;
	}

	public Boolean getUseCanonicalName() {
		return this.useCanonicalName;
	}

	public Map<String, String> getEnv() {
		return this.env;
	}

	public List<Location> getLocations() {
		return this.locations;
	}

	public List<Directory> getDirectories() {
		return this.directories;
	}

	public List<String> getApacheConfig() {
		return this.apacheConfig;
	}

	public String getServerName() {
		return this.serverName;
	}

	public String getApplicationGroup() {
		return this.applicationGroup;
	}

	public String getCallableObject() {
		return this.callableObject;
	}

	public Boolean getScriptReloading() {
		return this.scriptReloading;
	}

	public Boolean getPassAuthorization() {
		return this.passAuthorization;
	}

	public List<String> getPythonPath() {
		return this.pythonPath;
	}

	public String getPythonCachePrefix() {
		return this.pythonCachePrefix;
	}

	/** The bytecode cache directory to use, or {@code null} when disabled (set to an empty value). */
	String resolvePythonCachePrefix() {
		if (this.pythonCachePrefix == null) {
			return Path.of(System.getProperty("user.home"), ".cache", "wsgi-spring-boot", "pycache").toString();
		}
		return this.pythonCachePrefix.isBlank() ? null : Path.of(this.pythonCachePrefix).toAbsolutePath().toString();
	}

	public int getHandlerMappingOrder() {
		return this.handlerMappingOrder;
	}

	public boolean isEarlyDispatch() {
		return this.earlyDispatch;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public RewriteProperties getRewrite() {
		return this.rewrite;
	}

	/**
	 * The configuration model these properties describe, on top of the given
	 * Apache configuration files (already read, in order).
	 * @throws WsgiConfigException naming the offending property
	 */
	public WsgiConfig toConfig(ClassLoader classLoader, List<ApacheConfig> files) {
		List<ScriptAlias> aliases = new ArrayList<>();
		for (int i = 0; i < this.scriptAliases.size(); i++) {
			aliases.add(this.scriptAliases.get(i).toScriptAlias("wsgi.script-aliases[" + i + "]", classLoader));
		}
		for (int i = 0; i < this.scriptAliasMatches.size(); i++) {
			aliases.add(this.scriptAliasMatches.get(i).toScriptAlias("wsgi.script-alias-matches[" + i + "]", classLoader));
		}
		List<String> path = new ArrayList<>(this.pythonPath);
		for (int i = 0; i < this.pythonPath.size(); i++) {
			if (this.pythonPath.get(i).isBlank()) {
				throw new WsgiConfigException("wsgi.python-path[" + i + "]", "empty directory name",
						"Remove the empty entry or name a directory.");
			}
		}
		if (this.pythonHome != null) {
			path.addAll(PythonHome.packageDirectories(this.pythonHome, "wsgi.python-home"));
		}
		List<ImportScript> imports = new ArrayList<>();
		for (int i = 0; i < this.importScripts.size(); i++) {
			imports.add(this.importScripts.get(i).toImportScript("wsgi.import-scripts[" + i + "]", classLoader));
		}
		String serverName = this.serverName;
		Integer propertyPort = null;
		if (serverName != null && serverName.matches(".*:[0-9]+")) {
			propertyPort = Integer.valueOf(serverName.substring(serverName.lastIndexOf(':') + 1));
			serverName = serverName.substring(0, serverName.lastIndexOf(':'));
		}
		String applicationGroup = this.applicationGroup;
		String callableObject = this.callableObject;
		Boolean scriptReloading = this.scriptReloading;
		Boolean passAuthorization = this.passAuthorization;
		Integer serverLimit = null;
		EncodedSlashes encodedSlashes = this.allowEncodedSlashes;
		Boolean canonical = this.useCanonicalName;
		String processGroup = this.processGroup;
		List<StaticAlias> staticAliases = new ArrayList<>();
		for (int i = 0; i < this.aliases.size(); i++) {
			StaticMount alias = this.aliases.get(i);
			String property = "wsgi.aliases[" + i + "]";
			requireSet(property + ".url", alias.url());
			requireSet(property + ".path", alias.path());
			staticAliases.add(StaticAlias.prefix(alias.url(), alias.path(), property));
		}
		for (int i = 0; i < this.aliasMatches.size(); i++) {
			StaticMountMatch alias = this.aliasMatches.get(i);
			String property = "wsgi.alias-matches[" + i + "]";
			requireSet(property + ".pattern", alias.pattern());
			requireSet(property + ".path", alias.path());
			staticAliases.add(StaticAlias.match(alias.pattern(), alias.path(), property + ".pattern"));
		}
		String documentRoot = this.documentRoot;
		if (this.cgiTimeout == null || this.cgiTimeout.isNegative() || this.cgiTimeout.isZero()) {
			throw new WsgiConfigException("wsgi.cgi-timeout", "must be a positive duration, got " + this.cgiTimeout,
					"Write e.g. wsgi.cgi-timeout=60s.");
		}
		Map<String, DaemonProcessGroup> daemons = new LinkedHashMap<>();
		this.daemonProcesses.forEach((name, daemon) -> daemons.put(name, daemon.toGroup(name)));
		Integer serverPort = null;
		Map<String, String> env = new LinkedHashMap<>();
		List<LocationSettings> locationSettings = new ArrayList<>();
		for (int i = 0; i < this.locations.size(); i++) {
			locationSettings.add(this.locations.get(i).toSettings("wsgi.locations[" + i + "]"));
		}
		List<DirectorySettings> directorySettings = new ArrayList<>();
		for (int i = 0; i < this.directories.size(); i++) {
			directorySettings.add(this.directories.get(i).toSettings("wsgi.directories[" + i + "]"));
		}
		RequestBodyLimits requestBody = RequestBodyLimits.NONE;
		RewriteConfig rewriteConfig = (this.rewrite != null) ? this.rewrite.toConfig() : RewriteConfig.NONE;
		for (ApacheConfig file : files) {
			rewriteConfig = rewriteConfig.and(file.rewrite());
			requestBody = requestBody.with(file.requestBody());
			aliases.addAll(file.scriptAliases());
			directorySettings.addAll(file.directories());
			path.addAll(file.pythonPath());
			serverName = firstNonNull(serverName, file.serverName());
			applicationGroup = firstNonNull(applicationGroup, file.applicationGroup());
			callableObject = firstNonNull(callableObject, file.callableObject());
			scriptReloading = firstNonNull(scriptReloading, file.scriptReloading());
			passAuthorization = firstNonNull(passAuthorization, file.passAuthorization());
			serverLimit = firstNonNull(serverLimit, file.serverLimit());
			encodedSlashes = firstNonNull(encodedSlashes, file.encodedSlashes());
			canonical = firstNonNull(canonical, file.useCanonicalName());
			processGroup = firstNonNull(processGroup, file.processGroup());
			staticAliases.addAll(file.staticAliases());
			imports.addAll(file.importScripts());
			documentRoot = firstNonNull(documentRoot, file.documentRoot());
			for (DaemonProcessGroup fileDaemon : file.daemonProcesses().values()) {
				DaemonProcessGroup daemon = checkOsProcessOptions(fileDaemon);
				if (daemons.putIfAbsent(daemon.name(), daemon) != null) {
					throw new WsgiConfigException(daemon.origin(),
							"daemon process group '" + daemon.name() + "' is defined twice",
							"Give each daemon process group its own name.");
				}
			}
			if (this.serverName == null) {
				serverPort = firstNonNull(serverPort, file.serverPort());
			}
			env.putAll(file.env());
			locationSettings.addAll(file.locations());
		}
		if (this.rewrite != null && Boolean.FALSE.equals(this.rewrite.getEnabled())) {
			rewriteConfig = rewriteConfig.withEngineOff();
		}
		// with an Apache configuration, the embedded interpreters stand for Apache's
		// child processes: ServerLimit of them, one when it is not set
		Integer defaultProcesses = files.isEmpty() ? null : (serverLimit != null) ? serverLimit : 1;
		WsgiConfig main = new WsgiConfig(aliases, (serverName != null && !serverName.isBlank()) ? serverName : localHostName(),
				firstNonNull(applicationGroup, WsgiConfig.DEFAULT_APPLICATION_GROUP),
				firstNonNull(callableObject, WsgiConfig.DEFAULT_CALLABLE_OBJECT), firstNonNull(scriptReloading, true),
				firstNonNull(passAuthorization, false), path, this.embedded.toSettings(defaultProcesses),
				directorySettings, firstNonNull(encodedSlashes, EncodedSlashes.OFF), withProperties(env),
				locationSettings, firstNonNull(canonical, false), firstNonNull(propertyPort, serverPort), daemons,
				firstNonNull(processGroup, WsgiConfig.GLOBAL), staticAliases,
				new FileServingSettings((documentRoot != null && !documentRoot.isBlank()) ? Path.of(documentRoot) : null,
						this.cgiTimeout),
				imports, List.of(),
				requestBody.with(requestBodyLimits("wsgi", this.limitRequestBody, this.chunkedRequest)),
				rewriteConfig);
		List<VirtualHostConfig> hosts = new ArrayList<>();
		for (ApacheConfig file : files) {
			file.virtualHosts().forEach((host) -> hosts.add(host.resolve(main, this::checkOsProcessOptions)));
		}
		for (int i = 0; i < this.virtualHosts.size(); i++) {
			hosts.add(this.virtualHosts.get(i).toConfig(main, "wsgi.virtual-hosts[" + i + "]", classLoader));
		}
		return hosts.isEmpty() ? main : main.withVirtualHosts(hosts);
	}

	/**
	 * A daemon group from a file without its operating-system process options
	 * when told to ignore them (with a warning); else unchanged, to be refused.
	 */
	private DaemonProcessGroup checkOsProcessOptions(DaemonProcessGroup daemon) {
		if (daemon.osProcessOptions().isEmpty() || !this.ignoreOsProcessOptions) {
			return daemon;
		}
		logger.warn("{}: WSGIDaemonProcess {}: ignoring {} (wsgi.ignore-os-process-options): the group runs inside "
				+ "the JVM as the JVM's user", daemon.origin(), daemon.name(), daemon.osProcessOptions());
		return daemon.withoutOsProcessOptions();
	}

	/** The files' SetEnv variables, then the wsgi.env properties, which win. */
	private Map<String, String> withProperties(Map<String, String> fromFiles) {
		fromFiles.putAll(this.env);
		return fromFiles;
	}

	/** {@code limit-request-body} and {@code chunked-request} under {@code prefix}; {@code null} when neither is set. */
	static RequestBodyLimits requestBodyLimits(String prefix, DataSize limit, Boolean chunked) {
		if (limit != null && limit.isNegative()) {
			throw new WsgiConfigException(prefix + ".limit-request-body", "must not be negative, got " + limit,
					"Set a size such as 10MB, or 0 for no limit.");
		}
		RequestBodyLimits limits = new RequestBodyLimits((limit != null) ? limit.toBytes() : null, chunked);
		return limits.isEmpty() ? null : limits;
	}

	private static void requireSet(String property, String value) {
		if (value == null || value.isBlank()) {
			throw new WsgiConfigException(property, "not set", "Set " + property + ".");
		}
	}

	/**
	 * One Alias: a URL prefix served from a file or directory.
	 *
	 * @param url the URL prefix, e.g. /media/
	 * @param path the file or directory
	 */
	public record StaticMount(String url, String path) {
	}

	/**
	 * One AliasMatch.
	 *
	 * @param pattern the regular expression searched in the request path
	 * @param path the file; $1..$9 take the expression's groups
	 */
	public record StaticMountMatch(String pattern, String path) {
	}

	private static void checkCallableObject(String property, String callableObject) {
		if (callableObject != null && !callableObject.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new WsgiConfigException(property + ".callable-object",
					"'" + callableObject + "' is not a Python identifier", "Name the WSGI callable, e.g. app.");
		}
	}

	private static <T> T firstNonNull(T first, T second) {
		return (first != null) ? first : second;
	}

	private static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/**
	 * One WSGIScriptAlias mount.
	 */
	public static final class Mount {

		/**
		 * URL prefix the script is mounted at, e.g. /wiki, or / for the whole site.
		 */
		private final String url;

		/**
		 * The WSGI script: a file path, file: or classpath: location; or a directory
		 * of scripts (the next URL segment names the script, as mod_wsgi maps it).
		 */
		private final String path;

		/**
		 * The application-group option; defaults to wsgi.application-group.
		 */
		private final String applicationGroup;

		/**
		 * The callable-object option; defaults to wsgi.callable-object.
		 */
		private final String callableObject;

		/**
		 * Load the script at startup: a broken script stops the application from
		 * starting, and the first request does not wait for imports.
		 */
		private final boolean preload;

		/**
		 * The process-group option: a daemon process group (or %{GLOBAL}) for this
		 * mount; defaults to the location's or wsgi.process-group.
		 */
		private final String processGroup;

		public Mount(String url, String path, String applicationGroup, String callableObject,
				@DefaultValue("false") boolean preload, String processGroup) {
			this.url = url;
			this.path = path;
			this.applicationGroup = applicationGroup;
			this.callableObject = callableObject;
			this.preload = preload;
			this.processGroup = processGroup;
		}

		public String getProcessGroup() {
			return this.processGroup;
		}

		public String getUrl() {
			return this.url;
		}

		public String getPath() {
			return this.path;
		}

		public String getApplicationGroup() {
			return this.applicationGroup;
		}

		public String getCallableObject() {
			return this.callableObject;
		}

		public boolean isPreload() {
			return this.preload;
		}

		ScriptAlias toScriptAlias(String property, ClassLoader classLoader) {
			if (this.url == null || this.url.isBlank()) {
				throw new WsgiConfigException(property + ".url", "the mount has no URL",
						"Set " + property + ".url to the URL prefix, e.g. /app.");
			}
			if (this.path == null || this.path.isBlank()) {
				throw new WsgiConfigException(property + ".path", "the mount at " + this.url + " names no script",
						"Set " + property + ".path to the WSGI script file or a classpath: location.");
			}
			checkCallableObject(property, this.callableObject);
			return ScriptAlias.of(this.url, this.path, this.applicationGroup, this.callableObject, this.preload,
					property, classLoader).withProcessGroup(this.processGroup);
		}

	}

	/**
	 * Settings of the requests at or below one URL path (Apache's Location
	 * section).
	 */
	public static final class Location {

		/**
		 * The URL path, e.g. /admin.
		 */
		private final String path;

		/**
		 * SetEnv: variables added to the WSGI environ of these requests.
		 */
		private final Map<String, String> env;

		/**
		 * WSGIPassAuthorization for these requests.
		 */
		private final Boolean passAuthorization;

		/**
		 * WSGIProcessGroup for these requests.
		 */
		private final String processGroup;

		/**
		 * WSGIMapHEADToGet On: applications see HEAD requests as GET.
		 */
		private final Boolean mapHeadToGet;

		/**
		 * LimitRequestBody for these requests (0: no limit).
		 */
		private final DataSize limitRequestBody;

		/**
		 * WSGIChunkedRequest for these requests.
		 */
		private final Boolean chunkedRequest;

		/**
		 * Basic authentication of these requests (AuthType, AuthName, AuthUserFile,
		 * Require).
		 */
		private final Auth auth;

		/**
		 * Access rules of these requests (Order, Allow, Deny, Satisfy, Require).
		 */
		private final Access access;

		public Location(String path, Map<String, String> env, Boolean passAuthorization, String processGroup,
				Boolean mapHeadToGet, DataSize limitRequestBody, Boolean chunkedRequest, Auth auth, Access access) {
			this.access = access;
			this.limitRequestBody = limitRequestBody;
			this.chunkedRequest = chunkedRequest;
			this.auth = auth;
			this.path = path;
			this.env = (env != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(env)) : Map.of();
			this.passAuthorization = passAuthorization;
			this.processGroup = processGroup;
			this.mapHeadToGet = mapHeadToGet;
		}

		public String getProcessGroup() {
			return this.processGroup;
		}

		public Boolean getMapHeadToGet() {
			return this.mapHeadToGet;
		}

		public DataSize getLimitRequestBody() {
			return this.limitRequestBody;
		}

		public Boolean getChunkedRequest() {
			return this.chunkedRequest;
		}

		public Auth getAuth() {
			return this.auth;
		}

		public Access getAccess() {
			return this.access;
		}

		public String getPath() {
			return this.path;
		}

		public Map<String, String> getEnv() {
			return this.env;
		}

		public Boolean getPassAuthorization() {
			return this.passAuthorization;
		}

		LocationSettings toSettings(String property) {
			if (this.path == null || !this.path.startsWith("/")) {
				throw new WsgiConfigException(property + ".path", "'" + this.path + "' is not a URL path",
						"Set " + property + ".path to a path starting with /.");
			}
			return new LocationSettings(this.path, this.env, this.passAuthorization, property, this.processGroup,
					this.mapHeadToGet, Access.combine(this.access, this.auth, property),
					requestBodyLimits(property, this.limitRequestBody, this.chunkedRequest),
					(this.auth != null) ? this.auth.authentication(property + ".auth") : null);
		}

	}

	/**
	 * One WSGIDaemonProcess group.
	 */
	public static final class DaemonProcess {

		/**
		 * Interpreter slots; when set, wsgi.multiprocess is true (mod_wsgi's rule),
		 * even for 1. Default: 1.
		 */
		private final Integer processes;

		/**
		 * Concurrent requests per interpreter slot.
		 */
		private final int threads;

		/**
		 * Requests an interpreter slot serves before its interpreters are replaced by
		 * fresh ones; 0 for never.
		 */
		private final int maximumRequests;

		/**
		 * A name for the group in logs.
		 */
		private final String displayName;

		/**
		 * How long a request waits for a free interpreter before a 503. Default:
		 * wsgi.embedded.queue-timeout.
		 */
		private final Duration queueTimeout;

		/**
		 * Replace a slot's interpreters after this long; 0 for never.
		 */
		private final Duration restartInterval;

		/**
		 * Drop the interpreters of a slot that served no request for this long
		 * (freeing their memory; the next request creates them again); 0 for never.
		 */
		private final Duration inactivityTimeout;

		/**
		 * Interrupt a request still running after this long (answered with 504) and
		 * replace the interpreters it ran in; 0 for never.
		 */
		private final Duration requestTimeout;

		/**
		 * How long requests still running in replaced interpreters may finish before
		 * those are closed anyway.
		 */
		private final Duration gracefulTimeout;

		/**
		 * How long running requests may finish when the server stops.
		 */
		private final Duration shutdownTimeout;

		/**
		 * How long loading a preloaded or imported script may take at startup; 0 for
		 * no limit.
		 */
		private final Duration startupTimeout;

		/**
		 * Directories added to sys.path of this group's interpreters.
		 */
		private final List<String> pythonPath;

		/**
		 * A Python virtual environment whose site-packages are added to sys.path of
		 * this group's interpreters.
		 */
		private final String pythonHome;

		/**
		 * LANG in the os.environ of this group's interpreters.
		 */
		private final String lang;

		/**
		 * LC_ALL in the os.environ of this group's interpreters.
		 */
		private final String locale;

		public DaemonProcess(Integer processes, @DefaultValue("15") int threads,
				@DefaultValue("0") int maximumRequests, String displayName, Duration queueTimeout,
				@DefaultValue("0s") Duration restartInterval, @DefaultValue("0s") Duration inactivityTimeout,
				@DefaultValue("0s") Duration requestTimeout, @DefaultValue("15s") Duration gracefulTimeout,
				@DefaultValue("5s") Duration shutdownTimeout, @DefaultValue("0s") Duration startupTimeout,
				List<String> pythonPath, String pythonHome, String lang, String locale) {
			this.processes = processes;
			this.threads = threads;
			this.maximumRequests = maximumRequests;
			this.displayName = displayName;
			this.queueTimeout = queueTimeout;
			this.restartInterval = restartInterval;
			this.inactivityTimeout = inactivityTimeout;
			this.requestTimeout = requestTimeout;
			this.gracefulTimeout = gracefulTimeout;
			this.shutdownTimeout = shutdownTimeout;
			this.startupTimeout = startupTimeout;
			this.pythonPath = (pythonPath != null) ? List.copyOf(pythonPath) : List.of();
			this.pythonHome = pythonHome;
			this.lang = lang;
			this.locale = locale;
		}

		public Integer getProcesses() {
			return this.processes;
		}

		public int getThreads() {
			return this.threads;
		}

		public int getMaximumRequests() {
			return this.maximumRequests;
		}

		public String getDisplayName() {
			return this.displayName;
		}

		public Duration getQueueTimeout() {
			return this.queueTimeout;
		}

		public Duration getRestartInterval() {
			return this.restartInterval;
		}

		public Duration getInactivityTimeout() {
			return this.inactivityTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public Duration getGracefulTimeout() {
			return this.gracefulTimeout;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public List<String> getPythonPath() {
			return this.pythonPath;
		}

		public String getPythonHome() {
			return this.pythonHome;
		}

		public String getLang() {
			return this.lang;
		}

		public String getLocale() {
			return this.locale;
		}

		DaemonProcessGroup toGroup(String name) {
			String property = "wsgi.daemon-processes." + name;
			Map<String, Duration> durations = new LinkedHashMap<>();
			durations.put("restart-interval", this.restartInterval);
			durations.put("inactivity-timeout", this.inactivityTimeout);
			durations.put("request-timeout", this.requestTimeout);
			durations.put("graceful-timeout", this.gracefulTimeout);
			durations.put("shutdown-timeout", this.shutdownTimeout);
			durations.put("startup-timeout", this.startupTimeout);
			durations.forEach((key, value) -> {
				if (value.isNegative()) {
					throw new WsgiConfigException(property + "." + key, "must not be negative, got " + value,
							"Set a duration such as 30s, or 0 to switch it off.");
				}
			});
			if (this.queueTimeout != null && (this.queueTimeout.isNegative() || this.queueTimeout.isZero())) {
				throw new WsgiConfigException(property + ".queue-timeout", "must be positive, got " + this.queueTimeout,
						"Set a duration such as 30s.");
			}
			return new DaemonProcessGroup(name, (this.processes != null) ? this.processes : 1, this.processes != null,
					this.threads, this.maximumRequests, this.displayName, property, this.queueTimeout,
					new InterpreterLifecycle(this.restartInterval, this.inactivityTimeout, this.requestTimeout,
							this.gracefulTimeout, this.shutdownTimeout, this.startupTimeout),
					new InterpreterEnvironment(this.pythonPath, this.pythonHome, this.lang, this.locale), Map.of());
		}

	}

	/**
	 * One name-based virtual host.
	 */
	public static final class VirtualHostProperties {

		/**
		 * ServerName: the host name (without port) of its requests.
		 */
		private final String serverName;

		/**
		 * ServerAlias: more names; * and ? are wildcards.
		 */
		private final List<String> serverAliases;

		/**
		 * Its WSGIScriptAlias mounts, matched before the main server's.
		 */
		private final List<Mount> scriptAliases;

		/**
		 * Its WSGIProcessGroup default (else the main server's).
		 */
		private final String processGroup;

		/**
		 * Its WSGIApplicationGroup default (else the main server's).
		 */
		private final String applicationGroup;

		/**
		 * Its SetEnv variables, on top of the main server's.
		 */
		private final Map<String, String> env;

		public VirtualHostProperties(String serverName, List<String> serverAliases, List<Mount> scriptAliases,
				String processGroup, String applicationGroup, Map<String, String> env) {
			this.serverName = serverName;
			this.serverAliases = (serverAliases != null) ? List.copyOf(serverAliases) : List.of();
			this.scriptAliases = (scriptAliases != null) ? List.copyOf(scriptAliases) : List.of();
			this.processGroup = processGroup;
			this.applicationGroup = applicationGroup;
			this.env = (env != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(env)) : Map.of();
		}

		public String getServerName() {
			return this.serverName;
		}

		public List<String> getServerAliases() {
			return this.serverAliases;
		}

		public List<Mount> getScriptAliases() {
			return this.scriptAliases;
		}

		public String getProcessGroup() {
			return this.processGroup;
		}

		public String getApplicationGroup() {
			return this.applicationGroup;
		}

		public Map<String, String> getEnv() {
			return this.env;
		}

		VirtualHostConfig toConfig(WsgiConfig main, String property, ClassLoader classLoader) {
			requireSet(property + ".server-name", this.serverName);
			List<ScriptAlias> aliases = new ArrayList<>();
			for (int i = 0; i < this.scriptAliases.size(); i++) {
				aliases.add(this.scriptAliases.get(i)
					.toScriptAlias(property + ".script-aliases[" + i + "]", classLoader));
			}
			aliases.addAll(main.scriptAliases());
			Map<String, String> env = new LinkedHashMap<>(main.env());
			env.putAll(this.env);
			WsgiConfig config = new WsgiConfig(aliases, this.serverName,
					firstNonNull(this.applicationGroup, main.applicationGroup()), main.callableObject(),
					main.scriptReloading(), main.passAuthorization(), main.pythonPath(), main.embedded(),
					main.directories(), main.encodedSlashes(), env, main.locations(), main.canonicalName(),
					main.serverPort(), main.daemonProcesses(), firstNonNull(this.processGroup, main.processGroup()),
					main.staticAliases(), main.fileServing(), List.of(), List.of(), main.requestBody(), main.rewrite());
			return new VirtualHostConfig(this.serverName, this.serverAliases, config, List.of(), property);
		}

	}

	/**
	 * One WSGIImportScript: a script loaded at startup.
	 */
	public static final class ImportScriptProperties {

		/**
		 * The script: a file path, file: or classpath: location.
		 */
		private final String path;

		/**
		 * The process group to load it into: %{GLOBAL} (the embedded interpreters) or
		 * a daemon process group name.
		 */
		private final String processGroup;

		/**
		 * The application group to load it into: %{GLOBAL}, %{SERVER} or a name;
		 * mount the script with the same group to serve requests from it.
		 */
		private final String applicationGroup;

		public ImportScriptProperties(String path, @DefaultValue(WsgiConfig.GLOBAL) String processGroup,
				@DefaultValue(WsgiConfig.GLOBAL) String applicationGroup) {
			this.path = path;
			this.processGroup = processGroup;
			this.applicationGroup = applicationGroup;
		}

		public String getPath() {
			return this.path;
		}

		public String getProcessGroup() {
			return this.processGroup;
		}

		public String getApplicationGroup() {
			return this.applicationGroup;
		}

		ImportScript toImportScript(String property, ClassLoader classLoader) {
			requireSet(property + ".path", this.path);
			return new ImportScript(ScriptSource.of(this.path, classLoader), this.processGroup, this.applicationGroup,
					property);
		}

	}

	/**
	 * One WSGIScriptAliasMatch mount.
	 */
	public static final class MountMatch {

		/**
		 * Regular expression searched in the request path, e.g. ^/wsgi/([^/]+).
		 */
		private final String pattern;

		/**
		 * The script file; $1..$9 take the expression's groups, e.g.
		 * /srv/wsgi/$1.wsgi.
		 */
		private final String path;

		/**
		 * The application-group option; defaults to wsgi.application-group.
		 */
		private final String applicationGroup;

		/**
		 * The callable-object option; defaults to wsgi.callable-object.
		 */
		private final String callableObject;

		public MountMatch(String pattern, String path, String applicationGroup, String callableObject) {
			this.pattern = pattern;
			this.path = path;
			this.applicationGroup = applicationGroup;
			this.callableObject = callableObject;
		}

		public String getPattern() {
			return this.pattern;
		}

		public String getPath() {
			return this.path;
		}

		public String getApplicationGroup() {
			return this.applicationGroup;
		}

		public String getCallableObject() {
			return this.callableObject;
		}

		ScriptAlias toScriptAlias(String property, ClassLoader classLoader) {
			if (this.pattern == null || this.pattern.isBlank()) {
				throw new WsgiConfigException(property + ".pattern", "the mount has no regular expression",
						"Set " + property + ".pattern, e.g. ^/wsgi/([^/]+).");
			}
			if (this.path == null || this.path.isBlank()) {
				throw new WsgiConfigException(property + ".path", "the mount names no script",
						"Set " + property + ".path, e.g. /srv/wsgi/$1.wsgi.");
			}
			checkCallableObject(property, this.callableObject);
			return ScriptAlias.match(this.pattern, this.path, this.applicationGroup, this.callableObject,
					property + ".pattern", classLoader);
		}

	}

	/**
	 * Settings of the scripts in one directory (Apache's Directory section,
	 * narrowed to one file name by files: Apache's Files section).
	 */
	public static final class Directory {

		/**
		 * The directory.
		 */
		private final String path;

		/**
		 * Limit the settings to the script with this file name.
		 */
		private final String files;

		/**
		 * WSGIApplicationGroup of the scripts in the directory.
		 */
		private final String applicationGroup;

		/**
		 * WSGIProcessGroup of the scripts in the directory: a daemon process group
		 * name, %{GLOBAL} or %{ENV:NAME}.
		 */
		private final String processGroup;

		/**
		 * AddHandler: file extension (without the dot) to handler, wsgi-script or
		 * cgi-script (none for a static file), e.g. handlers.wsgi=wsgi-script.
		 */
		private final Map<String, String> handlers;

		/**
		 * SetHandler: the handler of every file in the directory (wsgi-script,
		 * cgi-script or none).
		 */
		private final String setHandler;

		/**
		 * Options: exec-cgi (scripts may run), multi-views (extension-less URLs find
		 * name.ext), indexes (directory listings), follow-sym-links; +name / -name
		 * change the inherited options.
		 */
		private final List<String> options;

		/**
		 * DirectoryIndex: index file names tried in order for a directory URL
		 * (default index.html; empty list for none).
		 */
		private final List<String> directoryIndex;

		/**
		 * MultiviewsMatch: handlers (MultiViews also picks files only a handler
		 * claims, e.g. name.wsgi) or negotiated-only.
		 */
		private final String multiviewsMatch;

		/**
		 * AllowOverride: which .htaccess directives the directory's files may use
		 * (none, all, file-info, indexes, options, auth-config, limit).
		 */
		private final List<String> allowOverride;

		/**
		 * LimitRequestBody for the scripts in the directory (0: no limit).
		 */
		private final DataSize limitRequestBody;

		/**
		 * WSGIChunkedRequest for the scripts in the directory.
		 */
		private final Boolean chunkedRequest;

		/**
		 * Basic authentication for the files in the directory (AuthType, AuthName,
		 * AuthUserFile, Require).
		 */
		private final Auth auth;

		/**
		 * Access rules for the files in the directory (Order, Allow, Deny, Satisfy,
		 * Require).
		 */
		private final Access access;

		public Directory(String path, String files, String applicationGroup, Map<String, String> handlers,
				String setHandler, List<String> options, List<String> directoryIndex, String multiviewsMatch,
				List<String> allowOverride, DataSize limitRequestBody, Boolean chunkedRequest, Auth auth,
				String processGroup, Access access) {
			this.access = access;
			this.processGroup = processGroup;
			this.limitRequestBody = limitRequestBody;
			this.chunkedRequest = chunkedRequest;
			this.auth = auth;
			this.path = path;
			this.files = files;
			this.applicationGroup = applicationGroup;
			this.handlers = (handlers != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(handlers)) : Map.of();
			this.setHandler = setHandler;
			this.options = (options != null) ? List.copyOf(options) : null;
			this.directoryIndex = (directoryIndex != null) ? List.copyOf(directoryIndex) : null;
			this.multiviewsMatch = multiviewsMatch;
			this.allowOverride = (allowOverride != null) ? List.copyOf(allowOverride) : null;
		}

		public Map<String, String> getHandlers() {
			return this.handlers;
		}

		public String getSetHandler() {
			return this.setHandler;
		}

		public List<String> getOptions() {
			return this.options;
		}

		public List<String> getDirectoryIndex() {
			return this.directoryIndex;
		}

		public String getMultiviewsMatch() {
			return this.multiviewsMatch;
		}

		public List<String> getAllowOverride() {
			return this.allowOverride;
		}

		public String getProcessGroup() {
			return this.processGroup;
		}

		public String getPath() {
			return this.path;
		}

		public String getFiles() {
			return this.files;
		}

		public String getApplicationGroup() {
			return this.applicationGroup;
		}

		public DataSize getLimitRequestBody() {
			return this.limitRequestBody;
		}

		public Boolean getChunkedRequest() {
			return this.chunkedRequest;
		}

		public Auth getAuth() {
			return this.auth;
		}

		public Access getAccess() {
			return this.access;
		}

		DirectorySettings toSettings(String property) {
			if (this.path == null || this.path.isBlank()) {
				throw new WsgiConfigException(property + ".path", "the directory settings name no directory",
						"Set " + property + ".path.");
			}
			if (this.files != null && (this.files.isBlank() || this.files.contains("/"))) {
				throw new WsgiConfigException(property + ".files", "'" + this.files + "' is not a file name",
						"Name one file in the directory, e.g. app.wsgi.");
			}
			HandlerSettings handling = handling(property);
			if (handling != null && this.files != null) {
				throw new WsgiConfigException(property + ".files",
						"handlers, options and directory-index apply to a whole directory, not to one file",
						"Put them in a wsgi.directories entry without files.");
			}
			if (this.files != null && (this.auth != null || this.access != null || this.limitRequestBody != null
					|| this.chunkedRequest != null)) {
				throw new WsgiConfigException(property + ".files", "auth, access and request body limits apply to a whole "
						+ "directory here, not to one file", "Remove files, or move these settings to their own entry.");
			}
			return new DirectorySettings(Path.of(this.path), this.files, this.applicationGroup, property,
					Access.combine(this.access, this.auth, property), handling,
					requestBodyLimits(property, this.limitRequestBody, this.chunkedRequest),
					(this.auth != null) ? this.auth.authentication(property + ".auth") : null, this.processGroup);
		}

		/** The handler settings, or {@code null} when none is set. */
		private HandlerSettings handling(String property) {
			Map<String, String> byExtension = new LinkedHashMap<>();
			this.handlers.forEach((extension, handler) -> byExtension.put(HandlerSettings.extension(extension),
					HandlerSettings.handlerName(handler, property + ".handlers." + extension)));
			String set = (this.setHandler != null)
					? HandlerSettings.handlerName(this.setHandler, property + ".set-handler") : null;
			HandlerSettings.OptionsChange optionsChange = (this.options != null)
					? HandlerSettings.OptionsChange.parse(this.options, property + ".options") : null;
			Boolean matchHandlers = null;
			if (this.multiviewsMatch != null) {
				matchHandlers = switch (this.multiviewsMatch.toLowerCase(Locale.ROOT).replace("-", "")) {
					case "handlers" -> Boolean.TRUE;
					case "negotiatedonly" -> Boolean.FALSE;
					default -> throw new WsgiConfigException(property + ".multiviews-match",
							"'" + this.multiviewsMatch + "' is not supported", "Use handlers or negotiated-only.");
				};
			}
			if (this.directoryIndex != null) {
				for (String index : this.directoryIndex) {
					if (index.isBlank() || index.contains("/")) {
						throw new WsgiConfigException(property + ".directory-index",
								"'" + index + "' is not a file name", "Name files of the directory, e.g. index.wsgi.");
					}
				}
			}
			HandlerSettings settings = new HandlerSettings(set, byExtension, Set.of(), optionsChange,
					this.directoryIndex, matchHandlers,
					(this.allowOverride != null)
							? HandlerSettings.OverrideClass.parse(this.allowOverride, property + ".allow-override")
							: null);
			return settings.isEmpty() ? null : settings;
		}

	}

	/**
	 * Access rules of a location or directory: Apache 2.2's Order, Allow, Deny
	 * and Satisfy, and 2.4's Require lines, written as in Apache.
	 */
	public static final class Access {

		/**
		 * Order: allow,deny (default deny) or deny,allow (default allow).
		 */
		private final String order;

		/**
		 * Allow from: all, addresses, partial addresses (10.1), networks
		 * (10.0.0.0/8), host or domain names (double-reverse DNS), env=[!]VARIABLE.
		 */
		private final List<String> allow;

		/**
		 * Deny from: as allow.
		 */
		private final List<String> deny;

		/**
		 * Satisfy: any (the host rules or the authentication suffice) or all.
		 */
		private final String satisfy;

		/**
		 * Require lines, any one granting access is enough: "all granted", "all
		 * denied", "ip 10.0.0.0/8", "local", "host example.org", "env VARIABLE",
		 * "valid-user", "user alice bob"; "all: [lines]" / "none: [lines]" for
		 * RequireAll / RequireNone of lines separated by ";", e.g. "all: ip
		 * 10.0.0.0/8; not ip 10.0.0.7".
		 */
		private final List<String> require;

		public Access(String order, List<String> allow, List<String> deny, String satisfy, List<String> require) {
			this.order = order;
			this.allow = (allow != null) ? List.copyOf(allow) : List.of();
			this.deny = (deny != null) ? List.copyOf(deny) : List.of();
			this.satisfy = satisfy;
			this.require = (require != null) ? List.copyOf(require) : List.of();
		}

		public String getOrder() {
			return this.order;
		}

		public List<String> getAllow() {
			return this.allow;
		}

		public List<String> getDeny() {
			return this.deny;
		}

		public String getSatisfy() {
			return this.satisfy;
		}

		public List<String> getRequire() {
			return this.require;
		}

		/**
		 * The access rules of a section: these rules with the {@code Require}
		 * line of its authentication as one more alternative.
		 */
		static AccessControl combine(Access access, Auth auth, String property) {
			AccessControl fromAuth = (auth != null) ? auth.access(property + ".auth") : null;
			if (access == null) {
				return fromAuth;
			}
			AccessControl rules = access.toAccessControl(property + ".access");
			if (fromAuth == null) {
				return rules;
			}
			List<AccessControl.Require> require = new ArrayList<>(rules.require());
			require.addAll(fromAuth.require());
			return new AccessControl(rules.order(), rules.allow(), rules.deny(), require, rules.satisfyAny());
		}

		AccessControl toAccessControl(String property) {
			AccessControl.Order parsedOrder = null;
			if (this.order != null) {
				parsedOrder = switch (this.order.replace(" ", "").toLowerCase(Locale.ROOT)) {
					case "allow,deny" -> AccessControl.Order.ALLOW_DENY;
					case "deny,allow" -> AccessControl.Order.DENY_ALLOW;
					default -> throw new WsgiConfigException(property + ".order",
							"'" + this.order + "' is not allow,deny or deny,allow", "Write allow,deny or deny,allow.");
				};
			}
			Boolean satisfyAny = null;
			if (this.satisfy != null) {
				satisfyAny = switch (this.satisfy.strip().toLowerCase(Locale.ROOT)) {
					case "any" -> true;
					case "all" -> false;
					default -> throw new WsgiConfigException(property + ".satisfy",
							"'" + this.satisfy + "' is not any or all", "Write any or all.");
				};
			}
			List<AccessControl.Require> lines = new ArrayList<>();
			for (int i = 0; i < this.require.size(); i++) {
				lines.add(requireLine(this.require.get(i), AccessControl.Container.ANY, property + ".require[" + i + "]"));
			}
			return new AccessControl(parsedOrder, hosts(this.allow, property + ".allow"),
					hosts(this.deny, property + ".deny"), lines, satisfyAny);
		}

		private static List<AccessControl.HostPattern> hosts(List<String> hosts, String property) {
			List<AccessControl.HostPattern> patterns = new ArrayList<>();
			for (int i = 0; i < hosts.size(); i++) {
				try {
					patterns.add(AccessControl.HostPattern.parse(hosts.get(i).strip()));
				}
				catch (IllegalArgumentException ex) {
					throw new WsgiConfigException(property + "[" + i + "]", ex.getMessage(),
							"Write all, env=[!]VARIABLE, an address, a network or a host or domain name.");
				}
			}
			return patterns;
		}

		private static AccessControl.Require requireLine(String text, AccessControl.Container parent,
				String property) {
			String line = text.strip();
			int colon = line.indexOf(':');
			String head = (colon > 0) ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
			if (head.equals("any") || head.equals("all") || head.equals("none")) {
				AccessControl.Container container = AccessControl.Container.valueOf(head.toUpperCase(Locale.ROOT));
				List<AccessControl.Require> lines = new ArrayList<>();
				for (String part : line.substring(colon + 1).split(";")) {
					if (!part.isBlank()) {
						lines.add(requireLine(part, container, property));
					}
				}
				if (lines.isEmpty() || (container != AccessControl.Container.NONE
						&& lines.stream().allMatch(AccessControl.Require::negated))) {
					throw new WsgiConfigException(property, "'" + text + "' has no positive Require line",
							"Write e.g. all: ip 10.0.0.0/8; not ip 10.0.0.7");
				}
				return AccessControl.Require.container(container, lines);
			}
			AccessControl.Require parsed;
			try {
				parsed = AccessControl.Require.parse(List.of(line.split("\\s+")));
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				throw new WsgiConfigException(property, ex.getMessage(), "Write e.g. all granted, ip 10.0.0.0/8, "
						+ "host example.org, env VARIABLE, valid-user, or all: ...; ... for a RequireAll.");
			}
			if (parsed.negated() && parent == AccessControl.Container.ANY) {
				throw new WsgiConfigException(property, "'" + text + "': a negative Require line has no effect "
						+ "among alternatives", "Put it in an all: container, e.g. all: ip 10.0.0.0/8; not ip 10.0.0.7");
			}
			return parsed;
		}

	}

	/**
	 * Basic authentication of a location or directory: mod_auth_basic with an
	 * htpasswd file.
	 */
	public static final class Auth {

		/**
		 * AuthType: basic, or none to turn an inherited authentication off.
		 */
		private final String type;

		/**
		 * AuthName: the realm named in the WWW-Authenticate challenge.
		 */
		private final String realm;

		/**
		 * AuthUserFile: the htpasswd file (bcrypt, $apr1$ or {SHA} hashes); read
		 * again when it changes.
		 */
		private final String userFile;

		/**
		 * Require: valid-user (any user of the file) or "user NAME..." (these
		 * users).
		 */
		private final String require;

		public Auth(@DefaultValue("basic") String type, String realm, String userFile,
				@DefaultValue("valid-user") String require) {
			this.type = type;
			this.realm = realm;
			this.userFile = userFile;
			this.require = require;
		}

		public String getType() {
			return this.type;
		}

		public String getRealm() {
			return this.realm;
		}

		public String getUserFile() {
			return this.userFile;
		}

		public String getRequire() {
			return this.require;
		}

		Authentication authentication(String property) {
			String type;
			if (this.type.equalsIgnoreCase(Authentication.BASIC)) {
				type = Authentication.BASIC;
			}
			else if (this.type.equalsIgnoreCase(Authentication.NONE)) {
				return new Authentication(Authentication.NONE, null, null, property);
			}
			else {
				throw new WsgiConfigException(property + ".type", "'" + this.type + "' is not supported",
						"Use basic (or none).");
			}
			requireSet(property + ".realm", this.realm);
			requireSet(property + ".user-file", this.userFile);
			Path file = Path.of(this.userFile.startsWith("file:") ? this.userFile.substring(5) : this.userFile);
			return new Authentication(type, this.realm, file, property + ".user-file");
		}

		AccessControl access(String property) {
			if (this.type.equalsIgnoreCase(Authentication.NONE)) {
				return null;
			}
			String[] words = this.require.strip().split("\\s+");
			if (words.length == 1 && words[0].equalsIgnoreCase("valid-user")) {
				return new AccessControl(null, List.of(), List.of(), List.of(AccessControl.Require.users(List.of())));
			}
			if (words.length > 1 && words[0].equalsIgnoreCase("user")) {
				return new AccessControl(null, List.of(), List.of(),
						List.of(AccessControl.Require.users(List.of(words).subList(1, words.length))));
			}
			throw new WsgiConfigException(property + ".require", "'" + this.require + "' is not valid-user or "
					+ "user NAME...", "Write valid-user, or user followed by the user names.");
		}

	}

	/**
	 * The embedded process group: interpreters that serve every mount not
	 * delegated to a daemon process group.
	 */
	public static final class Embedded {

		/**
		 * Interpreter slots (mod_wsgi's processes). Each slot runs Python in parallel
		 * with the others (GraalPy has one lock per interpreter) and costs memory.
		 * Defaults to the number of CPU cores; with wsgi.apache-config, to its
		 * ServerLimit (Apache's child processes), or 1.
		 */
		private final Integer processes;

		/**
		 * Concurrent requests per interpreter slot. They share the slot's
		 * interpreter lock, so more threads help only applications that wait on I/O.
		 */
		private final int threads;

		/**
		 * How long a request waits for a free interpreter before it is answered with
		 * 503.
		 */
		private final Duration queueTimeout;

		public Embedded(Integer processes, @DefaultValue("4") int threads,
				@DefaultValue("60s") Duration queueTimeout) {
			this.processes = processes;
			this.threads = threads;
			this.queueTimeout = queueTimeout;
		}

		public Integer getProcesses() {
			return this.processes;
		}

		public int getThreads() {
			return this.threads;
		}

		public Duration getQueueTimeout() {
			return this.queueTimeout;
		}

		InterpreterPoolSettings toSettings(Integer defaultProcesses) {
			int count = (this.processes != null) ? this.processes
					: (defaultProcesses != null) ? defaultProcesses : Runtime.getRuntime().availableProcessors();
			if (count < 1) {
				throw new WsgiConfigException("wsgi.embedded.processes", "must be at least 1, got " + count,
						"Set it to the number of interpreters to run in parallel, or leave it unset for one per core.");
			}
			if (this.threads < 1) {
				throw new WsgiConfigException("wsgi.embedded.threads", "must be at least 1, got " + this.threads,
						"Set it to the number of concurrent requests per interpreter.");
			}
			if (this.queueTimeout.isNegative() || this.queueTimeout.isZero()) {
				throw new WsgiConfigException("wsgi.embedded.queue-timeout", "must be positive, got " + this.queueTimeout,
						"Set a duration such as 30s.");
			}
			return new InterpreterPoolSettings(count, this.threads, this.queueTimeout);
		}

	}

}
