package dev.wsgiboot.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;

/**
 * The whole server configuration, immutable. Built from {@code wsgi.*}
 * properties or from an Apache configuration file; the router and the runtime
 * know nothing of where it came from.
 *
 * @param scriptAliases {@code WSGIScriptAlias} mounts, first listed wins
 * @param serverName {@code ServerName}: used in the default application group
 * name and as {@code SERVER_NAME} when a request has no {@code Host}
 * @param applicationGroup {@code WSGIApplicationGroup} default
 * ({@code %{RESOURCE}})
 * @param callableObject {@code WSGICallableObject} default ({@code application})
 * @param scriptReloading {@code WSGIScriptReloading}: reload a script whose file
 * changed
 * @param passAuthorization {@code WSGIPassAuthorization}: pass the
 * {@code Authorization} header as {@code HTTP_AUTHORIZATION}
 * @param pythonPath {@code WSGIPythonPath}: directories added to every
 * interpreter's {@code sys.path}
 * @param embedded sizing of the embedded ({@code %{GLOBAL}}) process group
 * @param directories per-directory settings ({@code <Directory>},
 * {@code <Files>}) of the scripts inside them
 * @param encodedSlashes {@code AllowEncodedSlashes}
 * @param env server-level {@code SetEnv} variables: in the WSGI environ of every
 * request, never in {@code os.environ}
 * @param locations {@code <Location>} settings, in declaration order
 * @param canonicalName {@code UseCanonicalName On}: SERVER_NAME and SERVER_PORT
 * (and the default application group) come from {@code serverName} and
 * {@code serverPort}, whatever the request's Host header says
 * @param serverPort the port given with {@code ServerName}, or {@code null}
 * @param daemonProcesses {@code WSGIDaemonProcess} groups by name
 * @param processGroup {@code WSGIProcessGroup} default ({@code %{GLOBAL}}:
 * the embedded group)
 * @param staticAliases {@code Alias} / {@code AliasMatch}: URLs served as
 * static files, before any WSGIScriptAlias
 * @param fileServing {@code DocumentRoot} and the CGI timeout
 * @param importScripts {@code WSGIImportScript}: scripts loaded at startup into
 * named process and application groups
 * @param virtualHosts {@code <VirtualHost>} sections, in order: a request whose
 * Host names none of them is served by the first (empty: no virtual hosts, the
 * main server serves every request)
 * @param requestBody server-level {@code LimitRequestBody} and
 * {@code WSGIChunkedRequest}, both set
 * @param rewrite mod_rewrite rules and maps, SetEnvIf, UnsetEnv, PassEnv and
 * directory SetEnv ({@link RewriteConfig#NONE} for none)
 */
public record WsgiConfig(List<ScriptAlias> scriptAliases, String serverName, String applicationGroup,
		String callableObject, boolean scriptReloading, boolean passAuthorization, List<String> pythonPath,
		InterpreterPoolSettings embedded, List<DirectorySettings> directories, EncodedSlashes encodedSlashes,
		Map<String, String> env, List<LocationSettings> locations, boolean canonicalName, Integer serverPort,
		Map<String, DaemonProcessGroup> daemonProcesses, String processGroup, List<StaticAlias> staticAliases,
		FileServingSettings fileServing, List<ImportScript> importScripts, List<VirtualHostConfig> virtualHosts,
		RequestBodyLimits requestBody, RewriteConfig rewrite) {

	public static final String GLOBAL = "%{GLOBAL}";

	public static final String DEFAULT_APPLICATION_GROUP = "%{RESOURCE}";

	public static final String DEFAULT_CALLABLE_OBJECT = "application";

	public WsgiConfig {
		scriptAliases = List.copyOf(scriptAliases);
		Objects.requireNonNull(serverName, "serverName");
		Objects.requireNonNull(applicationGroup, "applicationGroup");
		Objects.requireNonNull(callableObject, "callableObject");
		pythonPath = List.copyOf(pythonPath);
		Objects.requireNonNull(embedded, "embedded");
		directories = List.copyOf(directories);
		Objects.requireNonNull(encodedSlashes, "encodedSlashes");
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
		locations = List.copyOf(locations);
		daemonProcesses = Collections.unmodifiableMap(new LinkedHashMap<>(daemonProcesses));
		Objects.requireNonNull(processGroup, "processGroup");
		staticAliases = List.copyOf(staticAliases);
		requestBody = RequestBodyLimits.DEFAULTS.with(requestBody);
		importScripts = List.copyOf(importScripts);
		virtualHosts = List.copyOf(virtualHosts);
		Objects.requireNonNull(fileServing, "fileServing");
		if (rewrite == null) {
			rewrite = RewriteConfig.NONE;
		}
	}

	public WsgiConfig(List<ScriptAlias> scriptAliases, String serverName, String applicationGroup,
			String callableObject, boolean scriptReloading, boolean passAuthorization, List<String> pythonPath,
			InterpreterPoolSettings embedded, List<DirectorySettings> directories, EncodedSlashes encodedSlashes,
			Map<String, String> env, List<LocationSettings> locations, boolean canonicalName, Integer serverPort,
			Map<String, DaemonProcessGroup> daemonProcesses, String processGroup, List<StaticAlias> staticAliases) {
		this(scriptAliases, serverName, applicationGroup, callableObject, scriptReloading, passAuthorization,
				pythonPath, embedded, directories, encodedSlashes, env, locations, canonicalName, serverPort,
				daemonProcesses, processGroup, staticAliases, FileServingSettings.DEFAULT, List.of(), List.of(),
				RequestBodyLimits.DEFAULTS, RewriteConfig.NONE);
	}

	/** The same configuration with other virtual hosts. */
	public WsgiConfig withVirtualHosts(List<VirtualHostConfig> hosts) {
		return new WsgiConfig(this.scriptAliases, this.serverName, this.applicationGroup, this.callableObject,
				this.scriptReloading, this.passAuthorization, this.pythonPath, this.embedded, this.directories,
				this.encodedSlashes, this.env, this.locations, this.canonicalName, this.serverPort,
				this.daemonProcesses, this.processGroup, this.staticAliases, this.fileServing, this.importScripts,
				hosts, this.requestBody, this.rewrite);
	}

}
