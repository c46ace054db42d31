package dev.wsgiboot.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name-based virtual host ({@code <VirtualHost>}): the requests whose
 * {@code Host} names it are served with its own configuration, which already
 * holds what it inherits from the main server. The address of the section is
 * not used: every virtual host is served by the one connector.
 *
 * @param serverName its {@code ServerName} (host part)
 * @param serverAliases its {@code ServerAlias} names; {@code *} and {@code ?}
 * are wildcards
 * @param config the configuration of its requests; its daemon process groups
 * include its own, which no other host may use
 * @param ownDaemonProcesses the names of the daemon process groups defined
 * inside it
 * @param origin where it was declared, for messages
 */
public record VirtualHostConfig(String serverName, List<String> serverAliases, WsgiConfig config,
		List<String> ownDaemonProcesses, String origin) {

	public VirtualHostConfig {
		Objects.requireNonNull(serverName, "serverName");
		serverAliases = List.copyOf(serverAliases);
		Objects.requireNonNull(config, "config");
		ownDaemonProcesses = List.copyOf(ownDaemonProcesses);
		Objects.requireNonNull(origin, "origin");
	}

	/** Whether a request's host name (without port) names this host, as Apache compares them. */
	public boolean matches(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals(this.serverName.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (String alias : this.serverAliases) {
			if (glob(alias.toLowerCase(Locale.ROOT)).matcher(name).matches()) {
				return true;
			}
		}
		return false;
	}

	private static Pattern glob(String wildcard) {
		StringBuilder regex = new StringBuilder();
		for (char c : wildcard.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

}
