package dev.wsgiboot.core.runtime;

/**
 * {@code SERVER_NAME} and {@code SERVER_PORT} as Apache computes them with
 * {@code UseCanonicalName Off}: the {@code Host} header's name (lower-cased,
 * one trailing dot removed, IPv6 literals kept in brackets) and port, else the
 * scheme's default port; without a {@code Host} header, the configured
 * {@code ServerName}.
 *
 * @param name {@code SERVER_NAME}
 * @param port {@code SERVER_PORT}
 */
record RequestHost(String name, int port) {

	static RequestHost of(String hostHeader, String serverName, boolean secure) {
		int defaultPort = secure ? 443 : 80;
		if (hostHeader == null || hostHeader.isEmpty()) {
			return new RequestHost(serverName, defaultPort);
		}
		String host = hostHeader;
		int port = defaultPort;
		int colon;
		if (host.charAt(0) == '[') {
			int close = host.indexOf(']');
			colon = (close > 0 && close + 1 < host.length() && host.charAt(close + 1) == ':') ? close + 1 : -1;
		}
		else {
			colon = host.lastIndexOf(':');
		}
		if (colon >= 0) {
			String digits = host.substring(colon + 1);
			host = host.substring(0, colon);
			if (!digits.isEmpty()) {
				try {
					port = Integer.parseInt(digits);
				}
				catch (NumberFormatException ex) {
					port = defaultPort;
				}
			}
		}
		if (host.endsWith(".") && host.length() > 1) {
			host = host.substring(0, host.length() - 1);
		}
		return new RequestHost(asciiLowerCase(host), port);
	}

	/** {@code name} or {@code name:port}, leaving out the default ports 80 and 443 as mod_wsgi does. */
	static String withPort(String name, int port) {
		return (port == 80 || port == 443) ? name : name + ":" + port;
	}

	static String asciiLowerCase(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				char[] chars = s.toCharArray();
				for (int j = i; j < chars.length; j++) {
					char d = chars[j];
					if (d >= 'A' && d <= 'Z') {
						chars[j] = (char) (d + ('a' - 'A'));
					}
				}
				return new String(chars);
			}
		}
		return s;
	}

}
