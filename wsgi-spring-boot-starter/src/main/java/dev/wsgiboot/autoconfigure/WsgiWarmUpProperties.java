package dev.wsgiboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.runtime.HttpSyntax;

/**
 * An opt-in warm-up: once the server listens, requests listed here are sent to
 * the application's own WSGI mounts over a plain HTTP connection, round-robin,
 * so that the Graal JIT compiles their Python code before real traffic arrives.
 * mod_wsgi has no counterpart (CPython does not compile); only the listed
 * requests are ever sent, nothing is derived from the mounts.
 */
@ConfigurationProperties("wsgi.warm-up")
public final class WsgiWarmUpProperties {

	/** Headers the warm-up writes itself (the body's length, keep-alive). */
	private static final Set<String> RESERVED_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
			"expect", "upgrade", "te", "trailer", "keep-alive");

	/**
	 * Whether to warm up when requests are listed; false switches it off, e.g. in
	 * tests or a profile, without removing the list.
	 */
	private final boolean enabled;

	/**
	 * The requests to send, in turn. Empty (the default): no warm-up. Send only
	 * requests that are safe to repeat thousands of times.
	 */
	private final List<Request> requests;

	/**
	 * How long to keep sending them once each has been answered once; with
	 * until-compiled, the longest the warm-up may take.
	 */
	private final Duration duration;

	/**
	 * Whether to stop before the duration is over once the JIT compilers (Truffle's
	 * for Python, the JVM's for Java) have been quiet for quiet-period: the code the
	 * requests run has been compiled. False: send for the whole duration.
	 */
	private final boolean untilCompiled;

	/** How long the compilers must stay below a tenth of a core for until-compiled to end the warm-up. */
	private final Duration quietPeriod;

	/**
	 * Connections sending at the same time. Defaults to the number of CPU cores:
	 * enough to make the embedded pool start all its slots (one per core), few
	 * enough to leave the JIT compilers CPU.
	 */
	private final int concurrency;

	/**
	 * Whether the application reports ready (ApplicationReadyEvent, readiness state
	 * ACCEPTING_TRAFFIC) only after the warm-up. When false the warm-up runs in the
	 * background while the application serves.
	 */
	private final boolean holdReadiness;

	/** How long one answer may take; the first may create an interpreter and import the application. */
	private final Duration requestTimeout;

	public WsgiWarmUpProperties(@DefaultValue("true") boolean enabled, List<Request> requests,
			@DefaultValue("5m") Duration duration,
			@DefaultValue("true") boolean untilCompiled, @DefaultValue("10s") Duration quietPeriod,
			Integer concurrency, @DefaultValue("true") boolean holdReadiness,
			@DefaultValue("5m") Duration requestTimeout) {
		this.enabled = enabled;
		this.requests = (requests != null) ? List.copyOf(requests) : List.of();
		this.duration = duration;
		this.untilCompiled = untilCompiled;
		this.quietPeriod = quietPeriod;
		this.concurrency = (concurrency != null) ? concurrency : Runtime.getRuntime().availableProcessors();
		this.holdReadiness = holdReadiness;
		this.requestTimeout = requestTimeout;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public List<Request> getRequests() {
		return this.requests;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public boolean isUntilCompiled() {
		return this.untilCompiled;
	}

	public Duration getQuietPeriod() {
		return this.quietPeriod;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public boolean isHoldReadiness() {
		return this.holdReadiness;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * The requests checked: each with its property name, method, target, headers
	 * and body. Empty when there is no warm-up (none listed, or switched off).
	 * @throws WsgiConfigException naming the offending property
	 */
	List<WarmUpRequest> toRequests() {
		if (!this.enabled || this.requests.isEmpty()) {
			return List.of();
		}
		if (this.duration.isNegative()) {
			throw new WsgiConfigException("wsgi.warm-up.duration", "must not be negative, got " + this.duration,
					"Set a duration such as 5m, or 0s to send each request once.");
		}
		if (!this.quietPeriod.isPositive()) {
			throw new WsgiConfigException("wsgi.warm-up.quiet-period",
					"must be a positive duration, got " + this.quietPeriod, "Set a duration such as 10s.");
		}
		if (this.concurrency < 1) {
			throw new WsgiConfigException("wsgi.warm-up.concurrency", "must be at least 1, got " + this.concurrency,
					"Set the number of connections to send on, e.g. the number of CPU cores.");
		}
		if (!this.requestTimeout.isPositive()) {
			throw new WsgiConfigException("wsgi.warm-up.request-timeout",
					"must be a positive duration, got " + this.requestTimeout, "Set a duration such as 5m.");
		}
		List<WarmUpRequest> result = new ArrayList<>();
		for (int i = 0; i < this.requests.size(); i++) {
			result.add(this.requests.get(i).toWarmUpRequest("wsgi.warm-up.requests[" + i + "]"));
		}
		return List.copyOf(result);
	}

	/** One request of the warm-up. */
	public static final class Request {

		/** Path and query string as a client would send them, e.g. /app/?page=1. */
		private final String url;

		/** The request method. */
		private final String method;

		/** Extra request headers, e.g. Host for a name-based virtual host, or Authorization. */
		private final Map<String, String> headers;

		/** The request body (UTF-8), sent with its Content-Length. */
		private final String body;

		public Request(String url, @DefaultValue("GET") String method, Map<String, String> headers, String body) {
			this.url = url;
			this.method = method;
			this.headers = (headers != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(headers)) : Map.of();
			this.body = (body != null) ? body : "";
		}

		public String getUrl() {
			return this.url;
		}

		public String getMethod() {
			return this.method;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public String getBody() {
			return this.body;
		}

		WarmUpRequest toWarmUpRequest(String property) {
			if (this.url == null || this.url.isBlank()) {
				throw new WsgiConfigException(property + ".url", "not set",
						"Set " + property + ".url to a path of a WSGI mount, e.g. /app/.");
			}
			if (!this.url.startsWith("/") || !isVisibleAscii(this.url)) {
				throw new WsgiConfigException(property + ".url",
						"must be a path (and query) starting with '/', without spaces or control characters, got '"
								+ this.url + "'",
						"Write it as it appears in a request line, percent-encoded, e.g. /app/search?q=a%20b.");
			}
			if (this.method == null || !HttpSyntax.isToken(this.method)) {
				throw new WsgiConfigException(property + ".method", "not a request method: '" + this.method + "'",
						"Use a method name such as GET or POST.");
			}
			Map<String, String> checked = new LinkedHashMap<>();
			for (Map.Entry<String, String> header : this.headers.entrySet()) {
				String name = header.getKey();
				String where = property + ".headers." + name;
				if (!HttpSyntax.isToken(name)) {
					throw new WsgiConfigException(where, "not a header name", "Use a header name such as Accept.");
				}
				if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
					throw new WsgiConfigException(where, "set by the warm-up itself",
							"Remove it: the warm-up sends the body's Content-Length and keeps its connections open.");
				}
				String value = (header.getValue() != null) ? header.getValue() : "";
				if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
					throw new WsgiConfigException(where, "contains a line break", "Write the value on one line.");
				}
				checked.put(name, value);
			}
			return new WarmUpRequest(property, this.method, this.url, checked, this.body);
		}

		private static boolean isVisibleAscii(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c <= ' ' || c >= 0x7f) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * A checked warm-up request.
	 * @param property the property it was configured under, for messages
	 * @param method the request method
	 * @param target the request target (path and query)
	 * @param headers extra headers, in order
	 * @param body the body, possibly empty
	 */
	record WarmUpRequest(String property, String method, String target, Map<String, String> headers, String body) {

		/** {@code GET /app/}: how log lines name it. */
		String describe() {
			return this.method + " " + this.target;
		}

		boolean hasHost() {
			return this.headers.keySet().stream().anyMatch("host"::equalsIgnoreCase);
		}

	}

}
