package dev.wsgiboot.core.apache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.FileServingSettings;
import dev.wsgiboot.core.config.ImportScript;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.StaticAlias;
import dev.wsgiboot.core.config.VirtualHostConfig;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;

/**
 * What an Apache configuration file says, in terms of the WSGI configuration
 * model. {@code null} means "not set in the file": a {@code wsgi.*} property or
 * the default applies.
 *
 * @param scriptAliases {@code WSGIScriptAlias} mounts in file order
 * @param serverName {@code ServerName} (host part)
 * @param documentRoot {@code DocumentRoot}
 * @param applicationGroup server-level {@code WSGIApplicationGroup}
 * @param callableObject server-level {@code WSGICallableObject}
 * @param scriptReloading {@code WSGIScriptReloading}
 * @param passAuthorization server-level {@code WSGIPassAuthorization}
 * @param pythonPath {@code WSGIPythonPath} directories
 * @param serverLimit {@code ServerLimit}: Apache child processes, i.e. embedded
 * interpreter slots
 * @param directories settings of {@code <Directory>} and nested {@code <Files>}
 * sections
 * @param encodedSlashes {@code AllowEncodedSlashes}, or {@code null}
 * @param env server-level {@code SetEnv} variables
 * @param locations {@code <Location>} sections
 * @param serverPort the port of {@code ServerName}, or {@code null}
 * @param useCanonicalName {@code UseCanonicalName}, or {@code null}
 * @param daemonProcesses {@code WSGIDaemonProcess} groups by name
 * @param processGroup server-level {@code WSGIProcessGroup}, or {@code null}
 * @param staticAliases {@code Alias} / {@code AliasMatch} in file order
 * @param importScripts {@code WSGIImportScript} in file order
 * @param virtualHosts {@code <VirtualHost>} sections in file order
 * @param requestBody server-level {@code LimitRequestBody} /
 * {@code WSGIChunkedRequest} (fields {@code null} when not set)
 * @param rewrite mod_rewrite, SetEnvIf, UnsetEnv, PassEnv and directory SetEnv
 * (with the DocumentRoot they resolve file names against)
 */
public record ApacheConfig(List<ScriptAlias> scriptAliases, String serverName, String documentRoot,
		String applicationGroup, String callableObject, Boolean scriptReloading, Boolean passAuthorization,
		List<String> pythonPath, Integer serverLimit, List<DirectorySettings> directories,
		EncodedSlashes encodedSlashes, Map<String, String> env, List<LocationSettings> locations,
		Integer serverPort, Boolean useCanonicalName, Map<String, DaemonProcessGroup> daemonProcesses,
		String processGroup, List<StaticAlias> staticAliases, List<ImportScript> importScripts,
		List<VirtualHost> virtualHosts, RequestBodyLimits requestBody,
		RewriteConfig rewrite) {

	public ApacheConfig {
		scriptAliases = List.copyOf(scriptAliases);
		directories = List.copyOf(directories);
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
		locations = List.copyOf(locations);
		daemonProcesses = Collections.unmodifiableMap(new LinkedHashMap<>(daemonProcesses));
		staticAliases = List.copyOf(staticAliases);
		importScripts = List.copyOf(importScripts);
		virtualHosts = List.copyOf(virtualHosts);
		pythonPath = List.copyOf(pythonPath);
		if (rewrite == null) {
			rewrite = RewriteConfig.NONE;
		}
	}

	/**
	 * A {@code <VirtualHost>} section: what it says, read like a main server.
	 *
	 * @param address the section's address (not used)
	 * @param serverAliases its {@code ServerAlias} names
	 * @param config its directives
	 * @param origin where it starts, for messages
	 */
	public record VirtualHost(String address, List<String> serverAliases, ApacheConfig config, String origin) {

		public VirtualHost {
			serverAliases = List.copyOf(serverAliases);
		}

		/**
		 * The configuration of this host's requests: its own settings, then what it
		 * inherits from the main server as Apache merges them (its mounts and aliases
		 * before the main server's, sections of both, its single values where set).
		 * @param main the main server's configuration
		 * @param daemonCheck applied to each of its daemon process groups (refuses or
		 * adapts options)
		 */
		public VirtualHostConfig resolve(WsgiConfig main, UnaryOperator<DaemonProcessGroup> daemonCheck) {
			ApacheConfig own = this.config;
			List<ScriptAlias> aliases = new ArrayList<>(own.scriptAliases());
			aliases.addAll(main.scriptAliases());
			List<DirectorySettings> directories = new ArrayList<>(main.directories());
			directories.addAll(own.directories());
			Map<String, String> env = new LinkedHashMap<>(main.env());
			env.putAll(own.env());
			List<LocationSettings> locations = new ArrayList<>(main.locations());
			locations.addAll(own.locations());
			Map<String, DaemonProcessGroup> daemons = new LinkedHashMap<>(main.daemonProcesses());
			own.daemonProcesses().forEach((name, daemon) -> daemons.put(name, daemonCheck.apply(daemon)));
			List<StaticAlias> statics = new ArrayList<>(own.staticAliases());
			statics.addAll(main.staticAliases());
			FileServingSettings files = (own.documentRoot() != null)
					? new FileServingSettings(Path.of(own.documentRoot()), main.fileServing().cgiTimeout())
					: main.fileServing();
			WsgiConfig config = new WsgiConfig(aliases, own.serverName(), or(own.applicationGroup(), main.applicationGroup()),
					or(own.callableObject(), main.callableObject()), or(own.scriptReloading(), main.scriptReloading()),
					or(own.passAuthorization(), main.passAuthorization()), main.pythonPath(), main.embedded(),
					directories, or(own.encodedSlashes(), main.encodedSlashes()), env, locations,
					or(own.useCanonicalName(), main.canonicalName()), or(own.serverPort(), main.serverPort()), daemons,
					or(own.processGroup(), main.processGroup()), statics, files, own.importScripts(), List.of(),
					main.requestBody().with(own.requestBody()), main.rewrite().and(own.rewrite()));
			return new VirtualHostConfig(own.serverName(), this.serverAliases, config,
					List.copyOf(own.daemonProcesses().keySet()), this.origin);
		}

		private static <T> T or(T value, T inherited) {
			return (value != null) ? value : inherited;
		}

	}

}
