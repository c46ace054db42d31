package dev.wsgiboot.core.runtime;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.routing.RouteMatch;

/**
 * Builds the CGI part of a WSGI environ as one string
 * {@code "KEY\0value\0KEY\0value"}, which the Python gateway turns into a dict
 * with one split: a single Java/Python crossing for the whole environ.
 */
final class CgiEnvironment {

	private static final String SERVER_SOFTWARE = "wsgi-spring-boot";

	private final StringBuilder sb = new StringBuilder(1024);

	private CgiEnvironment() {
	}

	static String build(HttpServletRequest request, String requestMethod, String query, RouteMatch match,
			RequestHost host,
			String scriptFilename,
			String processGroup, String applicationGroup, String callableObject, boolean scriptReloading,
			boolean passAuthorization, Map<String, String> setEnv, RequestGuard.Admission admission) {
		CgiEnvironment env = new CgiEnvironment();
		// SetEnv variables first: the computed CGI variables below override them, as in Apache,
		// and PATH never reaches a WSGI application
		if (!setEnv.isEmpty()) {
			setEnv.forEach((key, value) -> {
				if (!key.equals("PATH")) {
					env.put(key, value);
				}
			});
		}
		String uri = request.getRequestURI();
		String rawQuery = request.getQueryString();
		env.put("REQUEST_METHOD", requestMethod);
		env.put("SCRIPT_NAME", match.scriptName());
		env.put("PATH_INFO", match.pathInfo());
		env.put("QUERY_STRING", (query != null) ? query : "");
		env.put("REQUEST_URI", (rawQuery != null) ? uri + "?" + rawQuery : uri);
		env.put("SERVER_NAME", host.name());
		env.put("SERVER_PORT", Integer.toString(host.port()));
		env.put("SERVER_PROTOCOL", request.getProtocol());
		env.put("SERVER_SOFTWARE", SERVER_SOFTWARE);
		env.put("SERVER_ADDR", request.getLocalAddr());
		env.put("GATEWAY_INTERFACE", "CGI/1.1");
		env.put("REQUEST_SCHEME", request.getScheme());
		env.put("REMOTE_ADDR", request.getRemoteAddr());
		env.put("REMOTE_PORT", Integer.toString(request.getRemotePort()));
		env.put("SCRIPT_FILENAME", scriptFilename);
		if (request.isSecure()) {
			env.put("HTTPS", "on");
		}
		// the user this server authenticated (AuthType Basic), else the servlet container's (e.g. Spring Security's)
		String remoteUser = (admission.remoteUser() != null) ? admission.remoteUser() : request.getRemoteUser();
		if (remoteUser != null) {
			String authType = (admission.remoteUser() != null) ? admission.authType() : authType(request);
			if (authType != null) {
				env.put("AUTH_TYPE", authType);
			}
			env.put("REMOTE_USER", remoteUser);
		}
		env.headers(request, passAuthorization);
		env.put("mod_wsgi.process_group", processGroup);
		env.put("mod_wsgi.application_group", applicationGroup);
		env.put("mod_wsgi.callable_object", callableObject);
		env.put("mod_wsgi.request_handler", "wsgi-script");
		env.put("mod_wsgi.handler_script", "");
		env.put("mod_wsgi.script_reloading", scriptReloading ? "1" : "0");
		env.put("mod_wsgi.script_name", match.scriptName());
		env.put("mod_wsgi.path_info", match.pathInfo());
		env.put("mod_wsgi.request_start", Long.toString(System.currentTimeMillis() * 1000));
		return env.sb.toString();
	}

	/**
	 * The environment of a CGI script (RFC 3875): the same CGI variables as a WSGI
	 * application gets, without the mod_wsgi ones and without an empty
	 * {@code PATH_INFO} (as mod_cgi), plus the server's {@code PATH} so that the
	 * script's {@code #!} interpreter and its commands are found.
	 */
	static Map<String, String> forCgi(HttpServletRequest request, RouteMatch match, RequestHost host,
			String scriptFilename, boolean passAuthorization, Map<String, String> setEnv,
			RequestGuard.Admission admission) {
		String cgi = build(request, request.getMethod(), request.getQueryString(), match, host, scriptFilename, "", "", "", false,
				passAuthorization, setEnv, admission);
		Map<String, String> env = new LinkedHashMap<>();
		String[] parts = cgi.split("\0", -1);
		for (int i = 0; i + 1 < parts.length; i += 2) {
			if (!parts[i].startsWith("mod_wsgi.")) {
				env.put(parts[i], parts[i + 1]);
			}
		}
		if (match.pathInfo().isEmpty()) {
			env.remove("PATH_INFO");
		}
		String path = System.getenv("PATH");
		env.put("PATH", (path != null) ? path : "/usr/local/bin:/usr/bin:/bin");
		return env;
	}

	/**
	 * The servlet request's authentication scheme; when the container does not
	 * know it (Spring Security's request wrapper), the scheme of the
	 * {@code Authorization} header, as RFC 3875 defines {@code AUTH_TYPE};
	 * {@code null} when neither says.
	 */
	private static String authType(HttpServletRequest request) {
		String scheme = request.getAuthType();
		if (scheme == null) {
			String authorization = request.getHeader("Authorization");
			scheme = (authorization != null) ? authorization.strip().split("\\s+", 2)[0] : "";
		}
		// Apache's spelling: "Basic", "Digest" (the servlet API says "BASIC")
		return scheme.isEmpty() ? null
				: Character.toUpperCase(scheme.charAt(0)) + scheme.substring(1).toLowerCase(Locale.ROOT);
	}

	/**
	 * Request headers as mod_wsgi passes them: {@code HTTP_NAME} with '-' as '_',
	 * repeated headers joined with ", ", names holding anything but letters,
	 * digits and '-' dropped (so {@code X_Foo} cannot spoof {@code HTTP_X_FOO}),
	 * {@code Proxy} dropped (httpoxy), credentials only when allowed.
	 */
	private void headers(HttpServletRequest request, boolean passAuthorization) {
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			if (!isPlainName(name)) {
				continue;
			}
			String key;
			if (name.equalsIgnoreCase("Content-Type")) {
				key = "CONTENT_TYPE";
			}
			else if (name.equalsIgnoreCase("Content-Length")) {
				key = "CONTENT_LENGTH";
			}
			else if (name.equalsIgnoreCase("Proxy") || name.equalsIgnoreCase("Proxy-Authorization")
					|| (!passAuthorization && name.equalsIgnoreCase("Authorization"))) {
				continue;
			}
			else {
				key = httpKey(name);
			}
			Enumeration<String> values = request.getHeaders(name);
			String value = values.hasMoreElements() ? values.nextElement().strip() : "";
			while (values.hasMoreElements()) {
				value = value + ", " + values.nextElement().strip();
			}
			put(key, value);
		}
	}

	private static boolean isPlainName(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return !name.isEmpty();
	}

	private static String httpKey(String name) {
		char[] key = new char[name.length() + 5];
		"HTTP_".getChars(0, 5, key, 0);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			key[i + 5] = (c == '-') ? '_' : (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
		}
		return new String(key);
	}

	private void put(String key, String value) {
		if (!this.sb.isEmpty()) {
			this.sb.append('\0');
		}
		this.sb.append(key).append('\0').append(value);
	}

	static String callableObject(ScriptAlias alias, String defaultCallable) {
		return (alias.callableObject() != null) ? alias.callableObject() : defaultCallable;
	}

}
