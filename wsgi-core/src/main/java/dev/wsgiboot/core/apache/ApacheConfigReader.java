package dev.wsgiboot.core.apache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.Authentication;
import dev.wsgiboot.core.config.ConfigPatterns;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.ImportScript;
import dev.wsgiboot.core.config.InterpreterEnvironment;
import dev.wsgiboot.core.config.InterpreterLifecycle;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.PythonHome;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.config.StaticAlias;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.EnvDirective;
import dev.wsgiboot.core.rewrite.EnvScope;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.rewrite.RewriteContextBuilder;
import dev.wsgiboot.core.rewrite.RewriteDirectives;
import dev.wsgiboot.core.rewrite.RewriteMap;
import dev.wsgiboot.core.rewrite.RewriteRuleSet;
import dev.wsgiboot.core.rewrite.SetEnvIfRule;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;

/**
 * Reads the mod_wsgi directives of an Apache configuration into the WSGI
 * configuration model. A directive is either applied completely, listed as
 * meaningless inside a JVM (and logged), or refused with a startup error naming
 * {@code file:line}: never silently ignored, never half-applied.
 */
public final class ApacheConfigReader {

	private static final Logger logger = LoggerFactory.getLogger(ApacheConfigReader.class);

	/** Modules this server behaves as, for {@code <IfModule>}. */
	static final Set<String> MODULES = Set.of("core", "wsgi", "alias", "mime", "dir", "env", "setenvif", "rewrite",
			"authz_core", "authz_host", "authz_user", "authn_core", "authn_file", "auth_basic", "access_compat",
			"autoindex", "negotiation", "cgi", "cgid", "mpm_event", "log_config", "unixd", "version", "so", "http");

	/**
	 * Directives that mean nothing to a server inside a JVM: read, logged once,
	 * and otherwise without effect. The README lists them with the reason.
	 */
	static final Map<String, String> MEANINGLESS = Map.ofEntries(
			Map.entry("loadmodule", "modules are built in"), Map.entry("listen", "use server.port / server.address"),
			Map.entry("user", "the JVM's user serves every request"), Map.entry("group", "the JVM's group serves every request"),
			Map.entry("errorlog", "logging goes through Spring Boot (logging.*)"),
			Map.entry("customlog", "logging goes through Spring Boot (logging.*)"),
			Map.entry("logformat", "logging goes through Spring Boot (logging.*)"),
			Map.entry("loglevel", "logging goes through Spring Boot (logging.level.*)"),
			Map.entry("pidfile", "no Apache process"), Map.entry("serverroot", "no Apache installation"),
			Map.entry("mutex", "no Apache processes to synchronise"), Map.entry("serveradmin", "no Apache error pages"),
			Map.entry("serversignature", "no Apache error pages"), Map.entry("servertokens", "no Server header from Apache"),
			Map.entry("wsgisocketprefix", "daemon processes are not sockets here"),
			Map.entry("wsgidestroyinterpreter", "interpreters are closed with the application context"),
			Map.entry("startservers", "Tomcat's thread pool (server.tomcat.threads.*)"),
			Map.entry("minsparethreads", "Tomcat's thread pool (server.tomcat.threads.*)"),
			Map.entry("maxsparethreads", "Tomcat's thread pool (server.tomcat.threads.*)"),
			Map.entry("threadsperchild", "Tomcat's thread pool (server.tomcat.threads.*)"),
			Map.entry("threadlimit", "Tomcat's thread pool (server.tomcat.threads.*)"),
			Map.entry("maxrequestworkers", "Tomcat's thread pool (server.tomcat.threads.max)"),
			Map.entry("maxconnectionsperchild", "no Apache child processes"),
			Map.entry("keepalive", "Tomcat's connector settings"), Map.entry("keepalivetimeout", "Tomcat's connector settings"),
			Map.entry("maxkeepaliverequests", "Tomcat's connector settings (server.tomcat.max-keep-alive-requests)"),
			Map.entry("timeout", "Tomcat's connector settings (server.tomcat.connection-timeout)"),
			Map.entry("hostnamelookups", "REMOTE_HOST is not computed"));

	private final ClassLoader classLoader;

	private final List<ScriptAlias> aliases = new ArrayList<>();

	private final List<String> pythonPath = new ArrayList<>();

	private final List<DirectorySettings> directories = new ArrayList<>();

	private final Map<String, String> env = new LinkedHashMap<>();

	private final List<LocationSettings> locations = new ArrayList<>();

	private String serverName;

	private String documentRoot;

	private String applicationGroup;

	private String callableObject;

	private Boolean scriptReloading;

	private Boolean passAuthorization;

	private Integer serverLimit;

	private EncodedSlashes encodedSlashes;

	private Integer serverPort;

	private Boolean useCanonicalName;

	private final Map<String, DaemonProcessGroup> daemons = new LinkedHashMap<>();

	private String processGroup;

	private final List<StaticAlias> staticAliases = new ArrayList<>();

	private final List<ImportScript> importScripts = new ArrayList<>();
	private RequestBodyLimits requestBody = RequestBodyLimits.NONE;

	/** Invalid configuration (bad syntax of a directive, bad regex...): reported first. */
	private final List<WsgiConfigException> invalid = new ArrayList<>();

	/** Valid directives this server cannot apply yet. */
	private final List<WsgiConfigException> unsupported = new ArrayList<>();

	/** Server-context mod_rewrite directives. */
	private RewriteContextBuilder serverRewrite;

	/** {@code <Directory>} contexts with mod_rewrite directives. */
	private final List<RewriteRuleSet> directoryRewrites = new ArrayList<>();

	private final Map<String, RewriteMap> rewriteMaps = new LinkedHashMap<>();

	private final List<SetEnvIfRule> setEnvIf = new ArrayList<>();

	private final List<EnvDirective> envDirectives = new ArrayList<>();

	/** Daemon process group name to where it was defined. */
	private final Map<String, String> daemonGroups = new HashMap<>();

	/** Inside a {@code <VirtualHost>}: its ServerAlias names. */
	private final List<String> serverAliases = new ArrayList<>();

	private final List<ApacheConfig.VirtualHost> virtualHosts = new ArrayList<>();

	private final boolean inVirtualHost;

	private ApacheConfigReader(ClassLoader classLoader) {
		this(classLoader, false);
	}

	private ApacheConfigReader(ClassLoader classLoader, boolean inVirtualHost) {
		this.classLoader = classLoader;
		this.inVirtualHost = inVirtualHost;
	}

	/** True when {@code <IfModule name>} holds: {@code mod_wsgi.c}, {@code wsgi_module}, {@code mod_wsgi}... */
	public static boolean isModuleAvailable(String name) {
		String id = name.toLowerCase(Locale.ROOT);
		if (id.endsWith(".c")) {
			id = id.substring(0, id.length() - 2);
		}
		if (id.startsWith("mod_")) {
			id = id.substring(4);
		}
		if (id.endsWith("_module")) {
			id = id.substring(0, id.length() - "_module".length());
		}
		return MODULES.contains(id) || id.startsWith("mpm_event");
	}

	/**
	 * Parses and reads one configuration.
	 * @param directives the parsed file
	 * @throws WsgiConfigException naming {@code file:line}
	 */
	public static ApacheConfig read(List<ApacheDirective> directives, ClassLoader classLoader) {
		ApacheConfigReader reader = new ApacheConfigReader(classLoader);
		for (ApacheDirective directive : directives) {
			try {
				reader.serverLevel(directive);
			}
			catch (WsgiConfigException ex) {
				reader.invalid.add(ex);
			}
		}
		RewriteRuleSet serverRules = reader.serverRules();
		reader.throwProblems();
		return reader.toConfig(serverRules);
	}

	/** The server-context rewrite rules, or {@code null}; a problem is recorded as invalid. */
	private RewriteRuleSet serverRules() {
		if (this.serverRewrite == null) {
			return null;
		}
		try {
			return this.serverRewrite.build();
		}
		catch (WsgiConfigException ex) {
			this.invalid.add(ex);
			return null;
		}
	}

	private ApacheConfig toConfig(RewriteRuleSet serverRules) {
		RewriteConfig rewrite = new RewriteConfig(serverRules, this.directoryRewrites, this.rewriteMaps,
				this.setEnvIf, this.envDirectives, (this.documentRoot != null) ? Path.of(this.documentRoot) : null);
		return new ApacheConfig(this.aliases, this.serverName, this.documentRoot, this.applicationGroup,
				this.callableObject, this.scriptReloading, this.passAuthorization, this.pythonPath, this.serverLimit,
				this.directories, this.encodedSlashes, this.env, this.locations, this.serverPort,
				this.useCanonicalName, this.daemons, this.processGroup, this.staticAliases, this.importScripts,
				this.virtualHosts, this.requestBody, rewrite);
	}

	/**
	 * {@code <VirtualHost address>}: its directives read like the main server's
	 * (its problems reported with the others); the address is not used.
	 */
	private void virtualHost(ApacheDirective d) {
		if (this.inVirtualHost) {
			throw error(d, "<VirtualHost> cannot be nested", "Close the enclosing <VirtualHost> first.");
		}
		ApacheConfigReader host = new ApacheConfigReader(this.classLoader, true);
		host.daemonGroups.putAll(this.daemonGroups);
		for (ApacheDirective child : d.children()) {
			try {
				host.serverLevel(child);
			}
			catch (WsgiConfigException ex) {
				host.invalid.add(ex);
			}
		}
		RewriteRuleSet hostRules = host.serverRules();
		this.invalid.addAll(host.invalid);
		this.unsupported.addAll(host.unsupported);
		this.daemonGroups.putAll(host.daemonGroups);
		if (host.serverName == null) {
			this.unsupported.add(error(d, "a <VirtualHost> without ServerName is not supported",
					"Give it a ServerName: requests are matched to virtual hosts by name."));
			return;
		}
		this.virtualHosts.add(new ApacheConfig.VirtualHost(String.join(" ", d.args()), host.serverAliases,
				host.toConfig(hostRules), d.location()));
	}

	/** Reads a configuration file (and what it includes). */
	public static ApacheConfig read(Path file, ClassLoader classLoader) {
		try {
			ApacheConfigParser parser = new ApacheConfigParser(Map.of(), ApacheConfigReader::isModuleAvailable);
			return read(parser.parse(file), classLoader);
		}
		catch (ApacheConfigException ex) {
			throw new WsgiConfigException(ex.getLocation(), ex.getReason(), "Fix the Apache configuration syntax.", ex);
		}
	}

	/** Reads configuration text, e.g. a class path resource; relative includes resolve against {@code baseDirectory}. */
	public static ApacheConfig read(String text, String name, Path baseDirectory, ClassLoader classLoader) {
		try {
			ApacheConfigParser parser = new ApacheConfigParser(Map.of(), ApacheConfigReader::isModuleAvailable);
			return read(parser.parse(text, name, baseDirectory), classLoader);
		}
		catch (ApacheConfigException ex) {
			throw new WsgiConfigException(ex.getLocation(), ex.getReason(), "Fix the Apache configuration syntax.", ex);
		}
	}

	/**
	 * Fails with the first invalid directive or, when all are valid, the first
	 * one not supported yet; the others are attached as suppressed exceptions so
	 * that the startup report lists them all.
	 */
	private void throwProblems() {
		List<WsgiConfigException> problems = !this.invalid.isEmpty() ? this.invalid : this.unsupported;
		if (problems.isEmpty()) {
			return;
		}
		WsgiConfigException first = problems.get(0);
		problems.subList(1, problems.size()).forEach(first::addSuppressed);
		throw first;
	}

	private void serverLevel(ApacheDirective d) {
		String name = d.name().toLowerCase(Locale.ROOT);
		switch (name) {
			case "wsgiscriptalias" -> scriptAlias(d);
			case "wsgiscriptaliasmatch" -> scriptAliasMatch(d);
			case "allowencodedslashes" -> this.encodedSlashes = switch (single(d).toLowerCase(Locale.ROOT)) {
				case "on" -> EncodedSlashes.ON;
				case "off" -> EncodedSlashes.OFF;
				case "nodecode" -> EncodedSlashes.NO_DECODE;
				default -> throw error(d, "AllowEncodedSlashes must be On, Off or NoDecode, got '" + single(d) + "'",
						"Write: AllowEncodedSlashes On|Off|NoDecode");
			};
			case "servername" -> {
				HostAndPort hostAndPort = HostAndPort.of(d);
				this.serverName = hostAndPort.host();
				this.serverPort = hostAndPort.port();
			}
			case "usecanonicalname" -> {
				if (single(d).equalsIgnoreCase("DNS")) {
					this.unsupported.add(error(d, "UseCanonicalName DNS is not supported yet", "Use On or Off."));
				}
				else {
					this.useCanonicalName = onOff(d);
				}
			}
			case "documentroot" -> this.documentRoot = single(d);
			case "wsgiapplicationgroup" -> this.applicationGroup = single(d);
			case "wsgicallableobject" -> this.callableObject = identifier(d, single(d));
			case "wsgiscriptreloading" -> this.scriptReloading = onOff(d);
			case "wsgipassauthorization" -> this.passAuthorization = onOff(d);
			case "wsgipythonpath" -> {
				for (String entry : single(d).split(":")) {
					if (!entry.isEmpty()) {
						this.pythonPath.add(entry);
					}
				}
			}
			case "wsgipythonhome" -> this.pythonPath.addAll(PythonHome.packageDirectories(single(d), d.location()));
			case "wsgiimportscript" -> importScript(d);
			case "serverlimit" -> this.serverLimit = positiveInt(d, single(d));
			case "directory" -> directory(d);
			case "setenv" -> setEnv(d, this.env);
			case "wsgidaemonprocess" -> daemonProcessGroup(d);
			case "wsgiprocessgroup" -> this.processGroup = single(d);
			case "alias" -> {
				requireArgs(d, 2);
				this.staticAliases.add(StaticAlias.prefix(d.args().get(0), d.args().get(1), d.location()));
			}
			case "aliasmatch" -> {
				requireArgs(d, 2);
				this.staticAliases.add(StaticAlias.match(d.args().get(0), d.args().get(1), d.location()));
			}
			case "location" -> location(d);
			case "virtualhost" -> virtualHost(d);
			case "serveralias" -> {
				if (!this.inVirtualHost) {
					throw error(d, "ServerAlias is only meaningful inside <VirtualHost>",
							"Move it into the <VirtualHost> it names.");
				}
				this.serverAliases.addAll(d.args());
			}
			case "limitrequestbody" -> this.requestBody = this.requestBody.with(
					new RequestBodyLimits(limitRequestBody(d), null));
			case "wsgichunkedrequest" -> this.requestBody = this.requestBody.with(new RequestBodyLimits(null, onOff(d)));
			case "rewriteengine", "rewritecond", "rewriterule", "rewritebase" -> collect(() -> {
				if (this.serverRewrite == null) {
					this.serverRewrite = new RewriteContextBuilder(null, d.location());
				}
				rewriteDirective(this.serverRewrite, d);
			});
			case "rewritemap" -> collect(() -> {
				RewriteMap map = RewriteDirectives.map(d.args(), Path.of(d.file()).toAbsolutePath().getParent(),
						d.location());
				this.rewriteMaps.put(map.name(), map);
			});
			case "rewriteoptions" -> this.unsupported.add(error(d,
					"RewriteOptions is not supported yet (there are no virtual hosts or nested rule sets to "
							+ "inherit from here)", "Remove it."));
			case "setenvif", "setenvifnocase", "unsetenv", "passenv" -> envDirective(d, EnvScope.SERVER);
			default -> {
				String why = MEANINGLESS.get(name);
				if (why != null) {
					logger.info("{}: {} has no effect here: {}", d.location(), d.name(), why);
				}
				else {
					validate(d);
					this.unsupported.add(unsupported(d));
				}
			}
		}
	}

	private void scriptAlias(ApacheDirective d) {
		if (d.args().size() < 2) {
			throw error(d, "WSGIScriptAlias needs a URL path and a file path", "Write: WSGIScriptAlias /url /path/to/app.wsgi");
		}
		String url = d.args().get(0);
		String target = d.args().get(1);
		String[] options = scriptAliasOptions(d);
		this.aliases.add(ScriptAlias.of(url, target, options[0], options[1], false, d.location(), this.classLoader)
			.withProcessGroup(options[2]));
	}

	/** {@code WSGIImportScript path process-group=... application-group=...}: both options are required. */
	private void importScript(ApacheDirective d) {
		if (d.args().isEmpty()) {
			throw error(d, "WSGIImportScript needs a script path",
					"Write: WSGIImportScript /path/app.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL}");
		}
		String processGroup = null;
		String applicationGroup = null;
		for (String option : d.args().subList(1, d.args().size())) {
			int eq = option.indexOf('=');
			String key = (eq > 0) ? option.substring(0, eq).toLowerCase(Locale.ROOT) : option;
			switch (key) {
				case "process-group" -> processGroup = option.substring(eq + 1);
				case "application-group" -> applicationGroup = option.substring(eq + 1);
				default -> throw error(d, "unknown WSGIImportScript option '" + option + "'",
						"Known options: process-group=..., application-group=...");
			}
		}
		if (processGroup == null || applicationGroup == null) {
			throw error(d, "WSGIImportScript needs both process-group= and application-group=",
					"Write: WSGIImportScript " + d.args().get(0) + " process-group=%{GLOBAL} application-group=%{GLOBAL}");
		}
		this.importScripts.add(new ImportScript(ScriptSource.of(d.args().get(0), this.classLoader), processGroup,
				applicationGroup, d.location()));
	}

	private void scriptAliasMatch(ApacheDirective d) {
		if (d.args().size() < 2) {
			throw error(d, "WSGIScriptAliasMatch needs a regular expression and a file path",
					"Write: WSGIScriptAliasMatch ^/wsgi/([^/]+) /srv/wsgi/$1.wsgi");
		}
		String[] options = scriptAliasOptions(d);
		this.aliases.add(ScriptAlias.match(d.args().get(0), d.args().get(1), options[0], options[1], d.location(),
				this.classLoader).withProcessGroup(options[2]));
	}

	/** The application-group, callable-object and process-group options of a WSGIScriptAlias[Match]. */
	private String[] scriptAliasOptions(ApacheDirective d) {
		String group = null;
		String callable = null;
		String processGroup = null;
		for (String option : d.args().subList(2, d.args().size())) {
			int eq = option.indexOf('=');
			String key = (eq > 0) ? option.substring(0, eq).toLowerCase(Locale.ROOT) : option;
			String value = (eq > 0) ? option.substring(eq + 1) : "";
			switch (key) {
				case "application-group" -> group = value;
				case "callable-object" -> callable = identifier(d, value);
				case "process-group" -> processGroup = value;
				case "pass-authorization" -> this.unsupported.add(error(d,
						"the pass-authorization option of WSGIScriptAlias is not supported yet",
						"Use WSGIPassAuthorization at server level."));
				default -> throw error(d, "unknown " + d.name() + " option '" + option + "'",
						"Known options: application-group, callable-object, process-group, pass-authorization.");
			}
		}
		return new String[] { group, callable, processGroup };
	}

	/**
	 * {@code <Directory>}: WSGIApplicationGroup, {@code <Files>} with
	 * WSGIApplicationGroup, handlers, Options, DirectoryIndex, MultiviewsMatch,
	 * AllowOverride, and the {@link SectionRules} (access, authentication,
	 * request body limits).
	 */
	private void directory(ApacheDirective d) {
		if (d.args().size() != 1) {
			throw error(d, "<Directory> takes one directory path", "Write: <Directory /path/to/dir>");
		}
		Path directory = Path.of(d.args().get(0));
		SectionRules rules = new SectionRules();
		HandlerDirectives handling = new HandlerDirectives();
		Set<HandlerSettings.OverrideClass> allowOverride = null;
		RewriteContextBuilder rewriteRules = new RewriteContextBuilder(directory, d.location());
		List<ApacheDirective> options = new ArrayList<>();
		for (ApacheDirective child : d.children()) {
			if (rules.apply(child)) {
				continue;
			}
			String name = child.name().toLowerCase(Locale.ROOT);
			List<String> args = child.args();
			switch (name) {
				case "wsgiapplicationgroup" -> this.directories
					.add(new DirectorySettings(directory, null, single(child), child.location()));
				case "files" -> files(directory, child);
				case "allowoverride" -> {
					requireArgs(child, 1);
					allowOverride = HandlerSettings.OverrideClass.parse(args, child.location());
				}
				case "rewriteengine", "rewritecond", "rewriterule", "rewritebase" -> collect(
						() -> rewriteDirective(rewriteRules, child));
				case "rewritemap" -> this.invalid.add(error(child, "RewriteMap is not allowed in <Directory>",
						"Declare maps at server level."));
				case "rewriteoptions" -> this.unsupported.add(error(child, "RewriteOptions is not supported yet",
						"Remove it."));
				case "wsgiprocessgroup" -> this.directories
					.add(new DirectorySettings(directory, null, null, child.location(), null, single(child)));
				case "setenv", "setenvif", "setenvifnocase", "unsetenv", "passenv" -> envDirective(child,
						EnvScope.directory(directory, null));
				default -> {
					if (name.equals("options")) {
						// the rewrite rules need FollowSymLinks; the handlers need the rest
						options.add(child);
					}
					if (handling.apply(child)) {
						continue;
					}
					validate(child);
					this.unsupported.add(error(child, child.name() + " inside <Directory> is not supported yet",
							"See the README for what <Directory> supports so far."));
				}
			}
		}
		HandlerSettings settings = handling.settings();
		if (settings != null || allowOverride != null) {
			HandlerSettings base = (settings != null) ? settings : HandlerSettings.NONE;
			this.directories.add(DirectorySettings.handling(directory,
					new HandlerSettings(base.setHandler(), base.handlers(), base.removedHandlers(), base.options(),
							base.directoryIndex(), base.multiviewsMatchHandlers(), allowOverride),
					d.location()));
		}
		directoryRewrite(rewriteRules, options);
		if (!rules.isEmpty()) {
			this.directories.add(new DirectorySettings(directory, null, null, d.location(), rules.access(),
					rules.requestBody(), rules.authentication()));
		}
	}

	/**
	 * What {@code <Directory>} and {@code <Location>} sections share: access
	 * rules (Order/Allow/Deny, Require all|ip|local|valid-user|user),
	 * authentication (AuthType Basic, AuthName, AuthUserFile,
	 * AuthBasicProvider file) and request body limits (LimitRequestBody,
	 * WSGIChunkedRequest).
	 */
	private final class SectionRules {

		private AccessControl.Order order;

		private final List<AccessControl.HostPattern> allow = new ArrayList<>();

		private final List<AccessControl.HostPattern> deny = new ArrayList<>();

		private final List<AccessControl.Require> require = new ArrayList<>();

		private Boolean satisfyAny;

		private Long limit;

		private Boolean chunked;

		private String authType;

		private String authName;

		private Path userFile;

		private String userFileOrigin;

		/** Applies one directive of the section; {@code false} when it is not one of these. */
		boolean apply(ApacheDirective child) {
			List<String> args = child.args();
			switch (child.name().toLowerCase(Locale.ROOT)) {
				case "order" -> this.order = switch (String.join("", args).toLowerCase(Locale.ROOT)) {
					case "allow,deny" -> AccessControl.Order.ALLOW_DENY;
					case "deny,allow" -> AccessControl.Order.DENY_ALLOW;
					default -> throw error(child, "Order " + String.join(" ", args) + " is not valid",
							"Write Order allow,deny or Order deny,allow.");
				};
				case "allow", "deny" -> {
					if (args.size() < 2 || !args.get(0).equalsIgnoreCase("from")) {
						throw error(child, child.name() + " needs 'from' and hosts", "Write: " + child.name() + " from all");
					}
					List<AccessControl.HostPattern> hosts = hosts(child, args.subList(1, args.size()));
					if (hosts != null) {
						(child.is("allow") ? this.allow : this.deny).addAll(hosts);
					}
				}
				case "require", "requireany", "requireall", "requirenone" -> {
					AccessControl.Require line = require(child, AccessControl.Container.ANY);
					if (line != null) {
						this.require.add(line);
					}
				}
				case "satisfy" -> this.satisfyAny = switch (single(child).toLowerCase(Locale.ROOT)) {
					case "any" -> true;
					case "all" -> false;
					default -> throw error(child, "Satisfy takes Any or All, got '" + single(child) + "'",
							"Write Satisfy Any or Satisfy All.");
				};
				case "limitrequestbody" -> this.limit = limitRequestBody(child);
				case "wsgichunkedrequest" -> this.chunked = onOff(child);
				case "authtype" -> {
					String type = single(child);
					if (type.equalsIgnoreCase(Authentication.BASIC) || type.equalsIgnoreCase(Authentication.NONE)) {
						this.authType = type.equalsIgnoreCase(Authentication.BASIC) ? Authentication.BASIC
								: Authentication.NONE;
					}
					else {
						unsupported.add(error(child, "AuthType " + type + " is not supported yet",
								"Use AuthType Basic (or None)."));
					}
				}
				case "authname" -> this.authName = single(child);
				case "authuserfile" -> {
					Path file = Path.of(single(child));
					if (!file.isAbsolute()) {
						throw error(child, "AuthUserFile " + file + " is relative to Apache's ServerRoot, which "
								+ "does not exist here", "Write the absolute path of the htpasswd file.");
					}
					this.userFile = file;
					this.userFileOrigin = child.location();
				}
				case "authbasicprovider" -> {
					if (!args.stream().allMatch((provider) -> provider.equalsIgnoreCase("file"))) {
						unsupported.add(error(child, "AuthBasicProvider " + String.join(" ", args)
								+ " is not supported yet", "Use AuthBasicProvider file with AuthUserFile."));
					}
				}
				default -> {
					return false;
				}
			}
			return true;
		}

		boolean isEmpty() {
			return access() == null && requestBody() == null && authentication() == null;
		}

		AccessControl access() {
			boolean none = this.order == null && this.allow.isEmpty() && this.deny.isEmpty() && this.require.isEmpty()
					&& this.satisfyAny == null;
			return none ? null : new AccessControl(this.order, this.allow, this.deny, this.require, this.satisfyAny);
		}

		RequestBodyLimits requestBody() {
			RequestBodyLimits limits = new RequestBodyLimits(this.limit, this.chunked);
			return limits.isEmpty() ? null : limits;
		}

		Authentication authentication() {
			Authentication authentication = new Authentication(this.authType, this.authName, this.userFile,
					this.userFileOrigin);
			return authentication.isEmpty() ? null : authentication;
		}

	}

	/** {@code LimitRequestBody bytes}: 0 (no limit) to 2147483647, as Apache accepts. */
	private static long limitRequestBody(ApacheDirective d) {
		try {
			long limit = Long.parseLong(single(d));
			if (limit >= 0 && limit <= Integer.MAX_VALUE) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw error(d, "LimitRequestBody must be a number of bytes from 0 (no limit) to 2147483647, got '"
				+ String.join(" ", d.args()) + "'", "Write a number of bytes, 0 for no limit.");
	}

	private List<AccessControl.HostPattern> hosts(ApacheDirective d, List<String> args) {
		List<AccessControl.HostPattern> hosts = new ArrayList<>();
		for (String arg : args) {
			try {
				hosts.add(AccessControl.HostPattern.parse(arg));
			}
			catch (IllegalArgumentException ex) {
				throw error(d, ex.getMessage(),
						"Write all, env=[!]VARIABLE, addresses, networks, or host and domain names.");
			}
		}
		return hosts;
	}

	/**
	 * A {@code Require} line, or a {@code <RequireAny>}, {@code <RequireAll>}
	 * or {@code <RequireNone>} container with its lines, inside a container
	 * ({@code ANY} for the section's own lines); {@code null} when it was
	 * refused as not supported yet.
	 */
	private AccessControl.Require require(ApacheDirective d, AccessControl.Container parent) {
		if (!d.is("require")) {
			if (!d.args().isEmpty()) {
				throw error(d, "<" + d.name() + "> takes no arguments", "Write <" + d.name() + ">.");
			}
			AccessControl.Container container = AccessControl.Container
				.valueOf(d.name().substring("require".length()).toUpperCase(Locale.ROOT));
			List<AccessControl.Require> lines = new ArrayList<>();
			for (ApacheDirective child : d.children()) {
				String name = child.name().toLowerCase(Locale.ROOT);
				if (!Set.of("require", "requireany", "requireall", "requirenone").contains(name)) {
					throw error(child, child.name() + " is not allowed in <" + d.name() + ">",
							"Put only Require lines and <RequireAny>/<RequireAll>/<RequireNone> there.");
				}
				AccessControl.Require line = require(child, container);
				if (line == null) {
					return null;
				}
				lines.add(line);
			}
			if (lines.isEmpty()) {
				throw error(d, "<" + d.name() + "> has no Require lines", "Add Require lines or remove it.");
			}
			if (container != AccessControl.Container.NONE && lines.stream().allMatch(AccessControl.Require::negated)) {
				throw error(d, "<" + d.name() + "> contains only negative Require lines, so it can never grant",
						"Add a positive Require line.");
			}
			return AccessControl.Require.container(container, lines);
		}
		AccessControl.Require line;
		try {
			line = AccessControl.Require.parse(d.args());
		}
		catch (IllegalArgumentException ex) {
			throw error(d, ex.getMessage(), "Write e.g. Require all granted, Require ip 10.0.0.0/8, "
					+ "Require host example.org, Require env VARIABLE, Require valid-user.");
		}
		catch (UnsupportedOperationException ex) {
			this.unsupported.add(error(d, ex.getMessage(), "Supported so far: Require [not] all|ip|local|host|env|"
					+ "valid-user|user and <RequireAny>/<RequireAll>/<RequireNone>."));
			return null;
		}
		if (line.negated() && parent == AccessControl.Container.ANY) {
			throw error(d, "a negative Require line has no effect in <RequireAny> (nor among a section's own "
					+ "Require lines)", "Put it in a <RequireAll> with the lines it restricts.");
		}
		return line;
	}

	/** mod_wsgi 4.9's WSGIDaemonProcess options. */
	static final Set<String> DAEMON_OPTIONS = Set.of("processes", "threads", "display-name", "user", "group",
			"supplementary-groups", "umask", "home", "chroot", "lang", "locale", "python-home", "python-path",
			"python-eggs", "stack-size", "maximum-requests", "restart-interval", "inactivity-timeout",
			"request-timeout", "deadlock-timeout", "graceful-timeout", "eviction-timeout", "shutdown-timeout",
			"startup-timeout", "connect-timeout", "socket-timeout", "queue-timeout", "header-timeout",
			"header-max-timeout", "header-backoff-factor", "body-timeout", "response-timeout", "listen-backlog",
			"receive-buffer-size", "send-buffer-size", "header-buffer-size", "response-buffer-size",
			"response-socket-timeout", "server-metrics", "memory-limit", "virtual-memory-limit", "cpu-time-limit",
			"cpu-priority", "socket-user", "script-user", "cpu-affinity", "mount-point");

	private static final Set<String> DAEMON_NUMBER_OPTIONS = Set.of("processes", "threads", "stack-size",
			"maximum-requests", "restart-interval", "inactivity-timeout", "request-timeout", "deadlock-timeout",
			"graceful-timeout", "eviction-timeout", "shutdown-timeout", "startup-timeout", "connect-timeout",
			"socket-timeout", "queue-timeout", "header-timeout", "header-max-timeout", "body-timeout",
			"response-timeout", "listen-backlog", "receive-buffer-size", "send-buffer-size", "header-buffer-size",
			"response-buffer-size", "response-socket-timeout", "memory-limit", "virtual-memory-limit",
			"cpu-time-limit");

	/** mod_env and mod_setenvif directives allowed in every section read here. */
	private static final Set<String> ENV_DIRECTIVES = Set.of("setenv", "setenvif", "setenvifnocase", "unsetenv",
			"passenv");

	/**
	 * Checks a directive that is not applied yet, so that a broken configuration
	 * is reported as broken (bad regex, unknown option, duplicate name) rather
	 * than as "not supported yet"; sections are checked recursively.
	 */
	private void validate(ApacheDirective d) {
		try {
			validateOne(d);
		}
		catch (WsgiConfigException ex) {
			this.invalid.add(ex);
		}
		for (ApacheDirective child : d.children()) {
			validate(child);
		}
	}

	private void validateOne(ApacheDirective d) {
		List<String> args = d.args();
		switch (d.name().toLowerCase(Locale.ROOT)) {
			case "wsgidaemonprocess" -> daemonProcess(d);
			case "wsgiscriptaliasmatch", "aliasmatch", "scriptaliasmatch" -> {
				requireArgs(d, 2);
				regex(d, args.get(0));
			}
			case "locationmatch", "directorymatch", "filesmatch" -> {
				requireArgs(d, 1);
				regex(d, args.get(0));
			}
			case "location", "directory", "files" -> {
				if (args.size() == 2 && args.get(0).equals("~")) {
					regex(d, args.get(1));
				}
			}
			case "rewriterule" -> validRewrite(() -> RewriteDirectives.rule(args, List.of(), d.location()));
			case "rewritecond" -> validRewrite(() -> RewriteDirectives.condition(args, d.location()));
			case "limitrequestbody" -> {
				requireArgs(d, 1);
				try {
					if (Long.parseLong(args.get(0)) < 0) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException ex) {
					throw error(d, "LimitRequestBody must be a number of bytes, got '" + args.get(0) + "'",
							"Write a number of bytes, 0 for no limit.");
				}
			}
			default -> {
			}
		}
	}

	private void daemonProcess(ApacheDirective d) {
		if (d.args().isEmpty()) {
			throw error(d, "WSGIDaemonProcess needs a name", "Write: WSGIDaemonProcess name [option=value ...]");
		}
		String name = d.args().get(0);
		String previous = this.daemonGroups.putIfAbsent(name, d.location());
		if (previous != null) {
			throw error(d, "duplicate WSGIDaemonProcess '" + name + "' (first defined at " + previous + ")",
					"Give each daemon process group its own name.");
		}
		for (String option : d.args().subList(1, d.args().size())) {
			int eq = option.indexOf('=');
			String key = (eq > 0) ? option.substring(0, eq).toLowerCase(Locale.ROOT) : option;
			if (eq <= 0) {
				throw error(d, "WSGIDaemonProcess option '" + option + "' has no value", "Write option=value.");
			}
			if (!DAEMON_OPTIONS.contains(key)) {
				throw error(d, "unknown WSGIDaemonProcess option '" + key + "'",
						"Known options: " + String.join(", ", new TreeSet<>(DAEMON_OPTIONS)) + ".");
			}
			if (DAEMON_NUMBER_OPTIONS.contains(key)) {
				try {
					if (Double.parseDouble(option.substring(eq + 1)) < 0) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException ex) {
					throw error(d, "WSGIDaemonProcess option " + key + " must be a number, got '"
							+ option.substring(eq + 1) + "'", "Write " + key + "=<number>.");
				}
			}
		}
	}

	private static void requireArgs(ApacheDirective d, int count) {
		if (d.args().size() < count) {
			throw error(d, d.name() + " needs " + count + " argument(s), got " + d.args().size(),
					"See the Apache documentation of " + d.name() + ".");
		}
	}

	private static void regex(ApacheDirective d, String pattern) {
		ConfigPatterns.compile(pattern, d.location());
	}

	/** Validates a rewrite directive of a section that is refused anyway: only mistakes count. */
	private static void validRewrite(Runnable check) {
		try {
			check.run();
		}
		catch (WsgiConfigException ex) {
			if (!RewriteDirectives.isUnsupported(ex)) {
				throw ex;
			}
		}
	}

	/** Runs a rewrite directive, sorting its problems into invalid and not supported yet. */
	private void collect(Runnable action) {
		try {
			action.run();
		}
		catch (WsgiConfigException ex) {
			(RewriteDirectives.isUnsupported(ex) ? this.unsupported : this.invalid).add(ex);
		}
	}

	private static void rewriteDirective(RewriteContextBuilder context, ApacheDirective d) {
		switch (d.name().toLowerCase(Locale.ROOT)) {
			case "rewriteengine" -> context.engine(d.args(), d.location());
			case "rewritecond" -> context.condition(d.args(), d.location());
			case "rewriterule" -> context.rule(d.args(), d.location());
			default -> context.base(d.args(), d.location());
		}
	}

	/**
	 * A {@code <Directory>}'s rewrite rules, with what its {@code Options} say
	 * about FollowSymLinks (Apache refuses per-directory rewriting without it).
	 */
	private void directoryRewrite(RewriteContextBuilder rewriteRules, List<ApacheDirective> options) {
		if (rewriteRules.isEmpty()) {
			return;
		}
		boolean symlinks = true;
		for (ApacheDirective option : options) {
			boolean relative = option.args().stream().allMatch((arg) -> arg.startsWith("+") || arg.startsWith("-"));
			if (!relative) {
				symlinks = false;
			}
			for (String arg : option.args()) {
				String name = arg.replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
				switch (name) {
					case "followsymlinks", "symlinksifownermatch" -> symlinks = !arg.startsWith("-");
					case "all" -> symlinks = true;
					default -> {
						// the other options are the handlers' (validated there)
					}
				}
			}
		}
		rewriteRules.symlinksAllowed(symlinks);
		collect(() -> this.directoryRewrites.add(rewriteRules.build()));
	}

	/** SetEnv (in a directory), SetEnvIf, SetEnvIfNoCase, UnsetEnv and PassEnv in {@code scope}. */
	private void envDirective(ApacheDirective d, EnvScope scope) {
		String name = d.name().toLowerCase(Locale.ROOT);
		switch (name) {
			case "setenvif", "setenvifnocase" -> collect(() -> this.setEnvIf
				.add(RewriteDirectives.setEnvIf(d.args(), name.equals("setenvifnocase"), scope, d.location())));
			case "setenv" -> {
				Map<String, String> one = new LinkedHashMap<>();
				setEnv(d, one);
				one.forEach((key, value) -> this.envDirectives
					.add(new EnvDirective(EnvDirective.Kind.SET, key, value, scope, d.location())));
			}
			default -> {
				if (d.args().isEmpty()) {
					throw error(d, d.name() + " needs variable names", "Write: " + d.name() + " NAME ...");
				}
				EnvDirective.Kind kind = name.equals("unsetenv") ? EnvDirective.Kind.UNSET : EnvDirective.Kind.PASS;
				for (String variable : d.args()) {
					if (kind == EnvDirective.Kind.PASS && System.getenv(variable) == null) {
						logger.warn("{}: PassEnv {}: the variable is not set in the JVM's environment", d.location(),
								variable);
					}
					this.envDirectives.add(new EnvDirective(kind, variable, null, scope, d.location()));
				}
			}
		}
	}

	/**
	 * WSGIDaemonProcess options that only a separate operating-system process
	 * could honour: kept in the model, refused by the server unless told to
	 * ignore them.
	 */
	static final Set<String> OS_PROCESS_DAEMON_OPTIONS = Set.of("user", "group", "supplementary-groups", "umask",
			"home", "chroot", "cpu-priority", "cpu-affinity", "memory-limit", "virtual-memory-limit",
			"cpu-time-limit", "stack-size", "socket-user", "script-user");

	/**
	 * WSGIDaemonProcess options about the socket between Apache and a daemon
	 * process, or about signals and the GIL of a separate process: there is no
	 * such thing inside the JVM.
	 */
	static final Set<String> MEANINGLESS_DAEMON_OPTIONS = Set.of("connect-timeout", "socket-timeout",
			"header-timeout", "header-max-timeout", "header-backoff-factor", "body-timeout", "response-timeout",
			"listen-backlog", "receive-buffer-size", "send-buffer-size", "header-buffer-size", "response-buffer-size",
			"response-socket-timeout", "server-metrics", "mount-point", "deadlock-timeout", "eviction-timeout",
			"python-eggs");

	/**
	 * {@code WSGIDaemonProcess}: validated like every directive, then applied:
	 * sizing, timers and Python environment; socket options are logged as
	 * meaningless, operating-system process options kept for the server to
	 * refuse or ignore.
	 */
	private void daemonProcessGroup(ApacheDirective d) {
		int before = this.invalid.size();
		validate(d);
		if (this.invalid.size() > before) {
			return;
		}
		String name = d.args().get(0);
		int processes = 1;
		boolean processesGiven = false;
		int threads = DaemonProcessGroup.DEFAULT_THREADS;
		int maximumRequests = 0;
		String displayName = null;
		Duration queueTimeout = null;
		InterpreterLifecycle defaults = InterpreterLifecycle.DEFAULT;
		Duration restartInterval = defaults.restartInterval();
		Duration inactivityTimeout = defaults.inactivityTimeout();
		Duration requestTimeout = defaults.requestTimeout();
		Duration gracefulTimeout = defaults.gracefulTimeout();
		Duration shutdownTimeout = defaults.shutdownTimeout();
		Duration startupTimeout = defaults.startupTimeout();
		List<String> pythonPath = new ArrayList<>();
		String pythonHome = null;
		String lang = null;
		String locale = null;
		Map<String, String> osOptions = new LinkedHashMap<>();
		for (String option : d.args().subList(1, d.args().size())) {
			int eq = option.indexOf('=');
			String key = option.substring(0, eq).toLowerCase(Locale.ROOT);
			String value = option.substring(eq + 1);
			if (OS_PROCESS_DAEMON_OPTIONS.contains(key)) {
				osOptions.put(key, value);
				continue;
			}
			if (MEANINGLESS_DAEMON_OPTIONS.contains(key)) {
				logger.info("{}: WSGIDaemonProcess option {} has no effect here: daemon process groups are "
						+ "interpreters inside the JVM, with no socket or process of their own", d.location(), key);
				continue;
			}
			switch (key) {
				case "processes" -> {
					processes = positiveInt(d, value);
					processesGiven = true;
				}
				case "threads" -> threads = positiveInt(d, value);
				case "maximum-requests" -> maximumRequests = value.equals("0") ? 0 : positiveInt(d, value);
				case "display-name" -> displayName = value;
				case "queue-timeout" -> queueTimeout = value.equals("0") ? null : seconds(value);
				case "restart-interval" -> restartInterval = seconds(value);
				case "inactivity-timeout" -> inactivityTimeout = seconds(value);
				case "request-timeout" -> requestTimeout = seconds(value);
				case "graceful-timeout" -> gracefulTimeout = seconds(value);
				case "shutdown-timeout" -> shutdownTimeout = seconds(value);
				case "startup-timeout" -> startupTimeout = seconds(value);
				case "python-path" -> {
					for (String entry : value.split(":")) {
						if (!entry.isEmpty()) {
							pythonPath.add(entry);
						}
					}
				}
				case "python-home" -> pythonHome = value;
				case "lang" -> lang = value;
				case "locale" -> locale = value;
				default -> throw new IllegalStateException("WSGIDaemonProcess option " + key + " is not handled");
			}
		}
		this.daemons.put(name,
				new DaemonProcessGroup(name, processes, processesGiven, threads, maximumRequests, displayName,
						d.location(), queueTimeout,
						new InterpreterLifecycle(restartInterval, inactivityTimeout, requestTimeout, gracefulTimeout,
								shutdownTimeout, startupTimeout),
						new InterpreterEnvironment(pythonPath, pythonHome, lang, locale), osOptions));
	}

	/** A mod_wsgi timeout: seconds, validated as a non-negative number already. */
	private static Duration seconds(String value) {
		return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
	}

	/** {@code SetEnv name [value]}: the value defaults to the empty string. */
	private static void setEnv(ApacheDirective d, Map<String, String> into) {
		if (d.args().isEmpty() || d.args().size() > 2) {
			throw error(d, "SetEnv takes a variable name and an optional value", "Write: SetEnv NAME value");
		}
		into.put(d.args().get(0), (d.args().size() == 2) ? d.args().get(1) : "");
	}

	/** {@code <Location path>} with SetEnv, WSGIPassAuthorization and CGIPassAuth. */
	private void location(ApacheDirective d) {
		if (d.args().size() != 1 || d.args().get(0).equals("~")) {
			validate(d);
			this.unsupported.add(error(d, "<Location> with a regular expression is not supported yet",
					"Write a URL path: <Location /path>."));
			return;
		}
		Map<String, String> locationEnv = new LinkedHashMap<>();
		Boolean passAuthorization = null;
		String processGroup = null;
		Boolean mapHeadToGet = null;
		SectionRules rules = new SectionRules();
		for (ApacheDirective child : d.children()) {
			if (rules.apply(child)) {
				continue;
			}
			switch (child.name().toLowerCase(Locale.ROOT)) {
				case "setenv" -> setEnv(child, locationEnv);
				case "setenvif", "setenvifnocase", "unsetenv", "passenv" -> envDirective(child,
						EnvScope.location(d.args().get(0)));
				case "wsgiprocessgroup" -> processGroup = single(child);
				case "wsgimapheadtoget" -> mapHeadToGet = switch (single(child).toLowerCase(Locale.ROOT)) {
					case "on" -> Boolean.TRUE;
					case "off", "auto" -> Boolean.FALSE;
					default -> throw error(child, "WSGIMapHEADToGet must be On, Off or Auto", "Write: WSGIMapHEADToGet On");
				};
				case "wsgipassauthorization", "cgipassauth" -> {
					// CGIPassAuth On passes the header to WSGI applications too (seen with mod_wsgi 4.9)
					Boolean on = onOff(child);
					passAuthorization = (passAuthorization != null && child.is("CGIPassAuth"))
							? (passAuthorization || on) : on;
				}
				default -> {
					validate(child);
					this.unsupported.add(error(child, child.name() + " inside <Location> is not supported yet",
							"Only SetEnv, SetEnvIf, SetEnvIfNoCase, UnsetEnv, PassEnv, WSGIPassAuthorization, "
									+ "CGIPassAuth, WSGIProcessGroup and WSGIMapHEADToGet are supported inside "
									+ "<Location> so far."));
				}
			}
		}
		this.locations.add(new LocationSettings(d.args().get(0), locationEnv, passAuthorization, d.location(),
				processGroup, mapHeadToGet, rules.access(), rules.requestBody(), rules.authentication()));
	}

	/** {@code <Files name>} inside a {@code <Directory>}: its WSGIApplicationGroup. */
	private void files(Path directory, ApacheDirective d) {
		if (d.args().size() != 1 || d.args().get(0).equals("~")) {
			this.unsupported.add(error(d, "<Files> with a wildcard or regular expression is not supported yet",
					"Name one file: <Files app.wsgi>."));
			return;
		}
		String name = d.args().get(0);
		if (name.contains("*") || name.contains("?") || name.contains("[")) {
			this.unsupported.add(error(d, "<Files> with a wildcard is not supported yet", "Name one file."));
			return;
		}
		for (ApacheDirective child : d.children()) {
			if (child.is("WSGIApplicationGroup")) {
				this.directories.add(new DirectorySettings(directory, name, single(child), child.location()));
			}
			else if (child.is("WSGIProcessGroup")) {
				this.directories.add(new DirectorySettings(directory, name, null, child.location(), null, single(child)));
			}
			else if (ENV_DIRECTIVES.contains(child.name().toLowerCase(Locale.ROOT))) {
				envDirective(child, EnvScope.directory(directory, name));
			}
			else {
				validate(child);
				this.unsupported.add(error(child, child.name() + " inside <Files> is not supported yet",
						"Only WSGIApplicationGroup, WSGIProcessGroup, SetEnv, SetEnvIf, SetEnvIfNoCase, UnsetEnv and "
								+ "PassEnv are supported inside <Files> so far."));
			}
		}
	}

	/** {@code ServerName [scheme://]host[:port]} split into host and port ({@code null} when absent). */
	private record HostAndPort(String host, Integer port) {

		static HostAndPort of(ApacheDirective d) {
			String value = single(d);
			int scheme = value.indexOf("://");
			if (scheme >= 0) {
				value = value.substring(scheme + 3);
			}
			int colon = value.lastIndexOf(':');
			if (colon > 0 && value.indexOf(']') < colon) {
				return new HostAndPort(value.substring(0, colon), positiveInt(d, value.substring(colon + 1)));
			}
			return new HostAndPort(value, null);
		}

	}

	private static String single(ApacheDirective d) {
		if (d.args().size() != 1) {
			throw error(d, d.name() + " takes one argument, got " + d.args().size(),
					"Write: " + d.name() + " <value>");
		}
		return d.args().get(0);
	}

	private static Boolean onOff(ApacheDirective d) {
		String value = single(d);
		if (value.equalsIgnoreCase("On")) {
			return Boolean.TRUE;
		}
		if (value.equalsIgnoreCase("Off")) {
			return Boolean.FALSE;
		}
		throw error(d, d.name() + " must be On or Off, got '" + value + "'", "Write: " + d.name() + " On|Off");
	}

	private static int positiveInt(ApacheDirective d, String value) {
		try {
			int n = Integer.parseInt(value);
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw error(d, d.name() + " must be a positive number, got '" + value + "'", "Write a number such as 4.");
	}

	private static String identifier(ApacheDirective d, String value) {
		if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw error(d, "'" + value + "' is not a Python identifier", "Name the WSGI callable, e.g. application.");
		}
		return value;
	}

	private static WsgiConfigException unsupported(ApacheDirective d) {
		String what = d.isSection() ? "<" + d.name() + ">" : d.name();
		return error(d, what + " is not supported yet",
				"Remove it, or serve this part of the site from Apache until it is supported (see the README).");
	}

	private static WsgiConfigException error(ApacheDirective d, String reason, String action) {
		return new WsgiConfigException(d.location(), reason, action);
	}

}
