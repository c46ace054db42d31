package dev.wsgiboot.core.runtime;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.routing.RouteMatch;

/**
 * Builds the CGI part of a WSGI environ as one string
 * {@code "KEY\0value\0KEY\0value"}, which the Python gateway turns into a dict
 * with one split: a single Java/Python crossing for the whole environ. The keys
 * every request has ({@link #CODED_KEYS}) travel as one control character each
 * ({@code \u0001} for the first): the gateway then inserts its own copy of the
 * key, whose hash Python has computed once, instead of a new string it would
 * hash on every request (a sixth of the gateway's Python time for hello).
 */
final class CgiEnvironment {

	private static final Logger logger = LoggerFactory.getLogger(CgiEnvironment.class);

	private static final String SERVER_SOFTWARE = "wsgi-spring-boot";

	/**
	 * Keys sent as {@code (char) (index + 1)}; the gateway gets this list when an
	 * interpreter starts ({@link #codedKeys()}). At most 31 (up to {@code \u001f}).
	 */
	static final List<String> CODED_KEYS = List.of("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
			"REQUEST_URI", "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "SERVER_ADDR",
			"GATEWAY_INTERFACE", "REQUEST_SCHEME", "REMOTE_ADDR", "REMOTE_PORT", "SCRIPT_FILENAME", "HTTPS",
			"AUTH_TYPE", "REMOTE_USER", "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_HOST", "mod_wsgi.process_group",
			"mod_wsgi.application_group", "mod_wsgi.callable_object", "mod_wsgi.request_handler",
			"mod_wsgi.handler_script", "mod_wsgi.script_reloading", "mod_wsgi.script_name", "mod_wsgi.path_info",
			"mod_wsgi.request_start");

	private static final char REQUEST_METHOD = code("REQUEST_METHOD");

	private static final char SCRIPT_NAME = code("SCRIPT_NAME");

	private static final char PATH_INFO = code("PATH_INFO");

	private static final char QUERY_STRING = code("QUERY_STRING");

	private static final char REQUEST_URI = code("REQUEST_URI");

	private static final char SERVER_NAME = code("SERVER_NAME");

	private static final char SERVER_PORT = code("SERVER_PORT");

	private static final char SERVER_PROTOCOL = code("SERVER_PROTOCOL");

	private static final char SERVER_SOFTWARE_KEY = code("SERVER_SOFTWARE");

	private static final char SERVER_ADDR = code("SERVER_ADDR");

	private static final char GATEWAY_INTERFACE = code("GATEWAY_INTERFACE");

	private static final char REQUEST_SCHEME = code("REQUEST_SCHEME");

	private static final char REMOTE_ADDR = code("REMOTE_ADDR");

	private static final char REMOTE_PORT = code("REMOTE_PORT");

	private static final char SCRIPT_FILENAME = code("SCRIPT_FILENAME");

	private static final char HTTPS = code("HTTPS");

	private static final char AUTH_TYPE = code("AUTH_TYPE");

	private static final char REMOTE_USER = code("REMOTE_USER");

	private static final char CONTENT_TYPE = code("CONTENT_TYPE");

	private static final char CONTENT_LENGTH = code("CONTENT_LENGTH");

	private static final char HTTP_HOST = code("HTTP_HOST");

	private static final char PROCESS_GROUP = code("mod_wsgi.process_group");

	private static final char APPLICATION_GROUP = code("mod_wsgi.application_group");

	private static final char CALLABLE_OBJECT = code("mod_wsgi.callable_object");

	private static final char REQUEST_HANDLER = code("mod_wsgi.request_handler");

	private static final char HANDLER_SCRIPT = code("mod_wsgi.handler_script");

	private static final char SCRIPT_RELOADING = code("mod_wsgi.script_reloading");

	private static final char MOD_WSGI_SCRIPT_NAME = code("mod_wsgi.script_name");

	private static final char MOD_WSGI_PATH_INFO = code("mod_wsgi.path_info");

	private static final char REQUEST_START = code("mod_wsgi.request_start");

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
		env.put(REQUEST_METHOD, requestMethod);
		env.put(SCRIPT_NAME, match.scriptName());
		env.put(PATH_INFO, match.pathInfo());
		env.put(QUERY_STRING, (query != null) ? query : "");
		env.put(REQUEST_URI, (rawQuery != null) ? uri + "?" + rawQuery : uri);
		env.put(SERVER_NAME, host.name());
		env.put(SERVER_PORT, Integer.toString(host.port()));
		env.put(SERVER_PROTOCOL, request.getProtocol());
		env.put(SERVER_SOFTWARE_KEY, SERVER_SOFTWARE);
		env.put(SERVER_ADDR, request.getLocalAddr());
		env.put(GATEWAY_INTERFACE, "CGI/1.1");
		env.put(REQUEST_SCHEME, request.getScheme());
		env.put(REMOTE_ADDR, request.getRemoteAddr());
		env.put(REMOTE_PORT, Integer.toString(request.getRemotePort()));
		env.put(SCRIPT_FILENAME, scriptFilename);
		if (request.isSecure()) {
			env.put(HTTPS, "on");
		}
		// the user this server authenticated (AuthType Basic), else the servlet container's (e.g. Spring Security's)
		String remoteUser = (admission.remoteUser() != null) ? admission.remoteUser() : request.getRemoteUser();
		if (remoteUser != null) {
			String authType = (admission.remoteUser() != null) ? admission.authType() : authType(request);
			if (authType != null) {
				env.put(AUTH_TYPE, authType);
			}
			env.put(REMOTE_USER, remoteUser);
		}
		env.headers(request, passAuthorization);
		env.put(PROCESS_GROUP, processGroup);
		env.put(APPLICATION_GROUP, applicationGroup);
		env.put(CALLABLE_OBJECT, callableObject);
		env.put(REQUEST_HANDLER, "wsgi-script");
		env.put(HANDLER_SCRIPT, "");
		env.put(SCRIPT_RELOADING, scriptReloading ? "1" : "0");
		env.put(MOD_WSGI_SCRIPT_NAME, match.scriptName());
		env.put(MOD_WSGI_PATH_INFO, match.pathInfo());
		env.put(REQUEST_START, Long.toString(System.currentTimeMillis() * 1000));
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
			String key = key(parts[i]);
			if (!key.startsWith("mod_wsgi.")) {
				env.put(key, parts[i + 1]);
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
			char code = 0;
			String key = null;
			if (name.equalsIgnoreCase("Host")) {
				code = HTTP_HOST;
			}
			else if (name.equalsIgnoreCase("Content-Type")) {
				code = CONTENT_TYPE;
			}
			else if (name.equalsIgnoreCase("Content-Length")) {
				code = CONTENT_LENGTH;
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
			if (key != null) {
				put(key, value);
			}
			else {
				put(code, value);
			}
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
		if (key.length() == 1 && key.charAt(0) < ' ') {
			// a SetEnv name of one control character would read as a coded key
			logger.warn("Environment variable name {} is a control character; it is not passed to the application",
					(int) key.charAt(0));
			return;
		}
		if (!this.sb.isEmpty()) {
			this.sb.append('\0');
		}
		this.sb.append(key).append('\0').append(value);
	}

	private void put(char code, String value) {
		if (!this.sb.isEmpty()) {
			this.sb.append('\0');
		}
		this.sb.append(code).append('\0').append(value);
	}

	/** {@link #CODED_KEYS} as the gateway takes them: one string, {@code \0} between keys. */
	static String codedKeys() {
		return String.join("\0", CODED_KEYS);
	}

	/** The key that a key of the built string stands for. */
	static String key(String sent) {
		return (sent.length() == 1 && sent.charAt(0) < ' ') ? CODED_KEYS.get(sent.charAt(0) - 1) : sent;
	}

	private static char code(String key) {
		int index = CODED_KEYS.indexOf(key);
		if (index < 0 || index >= 31) {
			throw new IllegalStateException("no one-character code for " + key);
		}
		return (char) (index + 1);
	}

	static String callableObject(ScriptAlias alias, String defaultCallable) {
		return (alias.callableObject() != null) ? alias.callableObject() : defaultCallable;
	}

}
