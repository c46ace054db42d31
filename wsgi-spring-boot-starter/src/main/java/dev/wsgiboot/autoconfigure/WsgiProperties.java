package dev.wsgiboot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;

import dev.wsgiboot.core.apache.ApacheConfig;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.InterpreterPoolSettings;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.StaticAlias;
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
	 * WSGIDaemonProcess: named process groups, each its own pool of interpreters
	 * (processes) admitting threads concurrent requests each.
	 */
	private final Map<String, DaemonProcess> daemonProcesses;

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
			Boolean useCanonicalName, Map<String, DaemonProcess> daemonProcesses,
			String processGroup,
			String serverName, String applicationGroup, String callableObject, Boolean scriptReloading,
			Boolean passAuthorization,
			List<String> pythonPath, String pythonCachePrefix,
			@DefaultValue("" + DEFAULT_HANDLER_MAPPING_ORDER) int handlerMappingOrder, @DefaultValue Embedded embedded,
			@DefaultValue RewriteProperties rewrite) {
		this.enabled = enabled;
		this.scriptAliases = (scriptAliases != null) ? List.copyOf(scriptAliases) : List.of();
		this.apacheConfig = (apacheConfig != null) ? List.copyOf(apacheConfig) : List.of();
		this.directories = (directories != null) ? List.copyOf(directories) : List.of();
		this.scriptAliasMatches = (scriptAliasMatches != null) ? List.copyOf(scriptAliasMatches) : List.of();
		this.allowEncodedSlashes = allowEncodedSlashes;
		this.useCanonicalName = useCanonicalName;
		this.aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		this.aliasMatches = (aliasMatches != null) ? List.copyOf(aliasMatches) : List.of();
		this.daemonProcesses = (daemonProcesses != null) ? Map.copyOf(daemonProcesses) : Map.of();
		this.processGroup = processGroup;
		this.env = (env != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(env)) : Map.of();
		this.locations = (locations != null) ? List.copyOf(locations) : List.of();
		this.serverName = serverName;
		this.applicationGroup = applicationGroup;
		this.callableObject = callableObject;
		this.scriptReloading = scriptReloading;
		this.passAuthorization = passAuthorization;
		this.pythonPath = (pythonPath != null) ? List.copyOf(pythonPath) : List.of();
		this.pythonCachePrefix = pythonCachePrefix;
		this.handlerMappingOrder = handlerMappingOrder;
		this.embedded = embedded;
		this.rewrite = rewrite;
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
		RewriteConfig rewriteConfig = (this.rewrite != null) ? this.rewrite.toConfig() : RewriteConfig.NONE;
		for (ApacheConfig file : files) {
			rewriteConfig = rewriteConfig.and(file.rewrite());
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
			for (DaemonProcessGroup daemon : file.daemonProcesses().values()) {
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
		return new WsgiConfig(aliases, (serverName != null && !serverName.isBlank()) ? serverName : localHostName(),
				firstNonNull(applicationGroup, WsgiConfig.DEFAULT_APPLICATION_GROUP),
				firstNonNull(callableObject, WsgiConfig.DEFAULT_CALLABLE_OBJECT), firstNonNull(scriptReloading, true),
				firstNonNull(passAuthorization, false), path, this.embedded.toSettings(defaultProcesses),
				directorySettings, firstNonNull(encodedSlashes, EncodedSlashes.OFF), withProperties(env),
				locationSettings, firstNonNull(canonical, false), firstNonNull(propertyPort, serverPort), daemons,
				firstNonNull(processGroup, WsgiConfig.GLOBAL), staticAliases, rewriteConfig);
	}

	/** The files' SetEnv variables, then the wsgi.env properties, which win. */
	private Map<String, String> withProperties(Map<String, String> fromFiles) {
		fromFiles.putAll(this.env);
		return fromFiles;
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

		public Location(String path, Map<String, String> env, Boolean passAuthorization, String processGroup,
				Boolean mapHeadToGet) {
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
					this.mapHeadToGet);
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

		public DaemonProcess(Integer processes, @DefaultValue("15") int threads,
				@DefaultValue("0") int maximumRequests, String displayName) {
			this.processes = processes;
			this.threads = threads;
			this.maximumRequests = maximumRequests;
			this.displayName = displayName;
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

		DaemonProcessGroup toGroup(String name) {
			return new DaemonProcessGroup(name, (this.processes != null) ? this.processes : 1, this.processes != null,
					this.threads, this.maximumRequests, this.displayName, "wsgi.daemon-processes." + name);
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

		public Directory(String path, String files, String applicationGroup, String processGroup) {
			this.path = path;
			this.files = files;
			this.applicationGroup = applicationGroup;
			this.processGroup = processGroup;
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

		DirectorySettings toSettings(String property) {
			if (this.path == null || this.path.isBlank()) {
				throw new WsgiConfigException(property + ".path", "the directory settings name no directory",
						"Set " + property + ".path.");
			}
			if (this.files != null && (this.files.isBlank() || this.files.contains("/"))) {
				throw new WsgiConfigException(property + ".files", "'" + this.files + "' is not a file name",
						"Name one file in the directory, e.g. app.wsgi.");
			}
			return new DirectorySettings(Path.of(this.path), this.files, this.applicationGroup, property, null,
					this.processGroup);
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
