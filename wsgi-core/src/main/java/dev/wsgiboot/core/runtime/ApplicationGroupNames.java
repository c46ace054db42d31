package dev.wsgiboot.core.runtime;

import java.util.function.UnaryOperator;

/**
 * Expands a {@code WSGIApplicationGroup} value for one request:
 * {@code %{RESOURCE}} (the default: ServerName, the request's port unless 80 or
 * 443, '|' and the lower-cased SCRIPT_NAME), {@code %{GLOBAL}} (''),
 * {@code %{SERVER}}, {@code %{HOST}}, {@code %{ENV:NAME}} (left as written when
 * the variable is unset, as mod_wsgi does) or a literal name.
 */
final class ApplicationGroupNames {

	static final String RESOURCE = "%{RESOURCE}";

	static final String GLOBAL = "%{GLOBAL}";

	static final String SERVER = "%{SERVER}";

	static final String HOST = "%{HOST}";

	static final String ENV_PREFIX = "%{ENV:";

	private ApplicationGroupNames() {
	}

	static String expand(String configured, String serverName, RequestHost host, String scriptName,
			UnaryOperator<String> environment) {
		return switch (configured) {
			case RESOURCE -> resource(serverName, host.port(), scriptName);
			case GLOBAL -> "";
			case SERVER -> RequestHost.withPort(serverName, host.port());
			case HOST -> RequestHost.withPort(host.name(), host.port());
			default -> {
				if (configured.startsWith(ENV_PREFIX) && configured.endsWith("}")) {
					String value = environment.apply(configured.substring(ENV_PREFIX.length(), configured.length() - 1));
					yield (value != null) ? value : configured;
				}
				yield configured;
			}
		};
	}

	static String resource(String serverName, int port, String scriptName) {
		return RequestHost.withPort(serverName, port) + "|" + RequestHost.asciiLowerCase(scriptName);
	}

}
