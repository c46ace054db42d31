package dev.wsgiboot.core.config;

import java.util.Objects;

/**
 * {@code WSGIImportScript path process-group=... application-group=...}: a
 * script loaded into an interpreter of a named process and application group
 * when the server starts (and into every interpreter of that group created
 * later), so that the first request does not pay for its imports.
 *
 * @param script the script
 * @param processGroup a daemon process group name, or {@code %{GLOBAL}} for the
 * embedded group
 * @param applicationGroup the application group, e.g. {@code %{GLOBAL}} or a
 * name (a name that depends on the request, such as {@code %{RESOURCE}}, cannot
 * be known at startup)
 * @param origin where it was declared, for messages
 */
public record ImportScript(ScriptSource script, String processGroup, String applicationGroup, String origin) {

	public ImportScript {
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(processGroup, "processGroup");
		Objects.requireNonNull(applicationGroup, "applicationGroup");
		Objects.requireNonNull(origin, "origin");
		if (applicationGroup.equals(WsgiConfig.DEFAULT_APPLICATION_GROUP)
				|| applicationGroup.startsWith("%{ENV:")) {
			throw new WsgiConfigException(origin,
					"application group " + applicationGroup + " depends on the request and cannot be imported into at "
							+ "startup",
					"Name the group (application-group=%{GLOBAL}, %{SERVER} or a literal name) and mount the script "
							+ "with the same application-group.");
		}
		if (processGroup.startsWith("%{ENV:")) {
			throw new WsgiConfigException(origin,
					"process group " + processGroup + " depends on the request and cannot be imported into at startup",
					"Name a daemon process group, or %{GLOBAL}.");
		}
	}

}
