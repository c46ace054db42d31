package dev.wsgiboot.core.apache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.StaticAlias;
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
 * @param rewrite mod_rewrite, SetEnvIf, UnsetEnv, PassEnv and directory SetEnv
 * (with the DocumentRoot they resolve file names against)
 */
public record ApacheConfig(List<ScriptAlias> scriptAliases, String serverName, String documentRoot,
		String applicationGroup, String callableObject, Boolean scriptReloading, Boolean passAuthorization,
		List<String> pythonPath, Integer serverLimit, List<DirectorySettings> directories,
		EncodedSlashes encodedSlashes, Map<String, String> env, List<LocationSettings> locations,
		Integer serverPort, Boolean useCanonicalName, Map<String, DaemonProcessGroup> daemonProcesses,
		String processGroup, List<StaticAlias> staticAliases, RewriteConfig rewrite) {

	public ApacheConfig {
		scriptAliases = List.copyOf(scriptAliases);
		directories = List.copyOf(directories);
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
		locations = List.copyOf(locations);
		daemonProcesses = Map.copyOf(daemonProcesses);
		staticAliases = List.copyOf(staticAliases);
		pythonPath = List.copyOf(pythonPath);
		if (rewrite == null) {
			rewrite = RewriteConfig.NONE;
		}
	}

}
