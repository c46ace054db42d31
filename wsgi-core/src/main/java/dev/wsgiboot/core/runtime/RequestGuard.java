package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.auth.BasicCredentials;
import dev.wsgiboot.core.auth.HtpasswdFile;
import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.Authentication;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Decides, before any application runs, whether a request may go on, in
 * Apache's order: host access rules ({@code Order}/{@code Allow}/{@code Deny}
 * and {@code Require} lines and containers, with the request's environment
 * variables for {@code env=} and {@code Require env}; 403), authentication and
 * the user {@code Require} lines (401 with a {@code WWW-Authenticate}
 * challenge), both or either of them as {@code Satisfy} says, then,
 * for scripts, mod_wsgi's request body checks: a chunked body without
 * {@code WSGIChunkedRequest On} (411) and a declared {@code Content-Length}
 * over {@code LimitRequestBody} (413, without reading the body, so no
 * {@code 100 Continue} is sent). {@code <Directory>} settings apply from the
 * least to the most specific, then matching {@code <Location>} settings in
 * declaration order, each replacing what the previous set.
 */
final class RequestGuard {

	private static final Logger logger = LoggerFactory.getLogger(RequestGuard.class);

	private final WsgiConfig config;

	/** Script or static file to the directory settings that apply to it, least specific first. */
	private final Map<Path, List<DirectorySettings>> directoryRules = new ConcurrentHashMap<>();

	private final Map<Path, HtpasswdFile> userFiles = new LinkedHashMap<>();

	/**
	 * Reads every {@code AuthUserFile} now, so that a missing or unreadable one
	 * stops startup.
	 * @throws WsgiConfigException naming where the file was configured, or the
	 * file's own line
	 */
	RequestGuard(WsgiConfig config) {
		this.config = config;
		List<Authentication> all = new ArrayList<>();
		config.directories().forEach((settings) -> all.add(settings.authentication()));
		config.locations().forEach((settings) -> all.add(settings.authentication()));
		for (Authentication authentication : all) {
			if (authentication != null && authentication.userFile() != null
					&& !this.userFiles.containsKey(authentication.userFile())) {
				this.userFiles.put(authentication.userFile(),
						HtpasswdFile.load(authentication.userFile(), authentication.origin()));
			}
		}
	}

	/**
	 * The request's admission, or {@code null} when it was refused (the error
	 * response has then been sent).
	 * @param file the script or static file the request is for, or {@code null}
	 * (class path scripts): only {@code <Location>} settings then apply
	 * @param path the decoded request path
	 * @param script whether a script will run (the request body checks apply to
	 * scripts only)
	 * @param env the request's environment variables, for {@code env=} and
	 * {@code Require env}
	 */
	Admission admit(HttpServletRequest request, HttpServletResponse response, Path file, String path, boolean script,
			Function<String, String> env) throws IOException {
		if (this.config.directories().isEmpty() && this.config.locations().isEmpty()) {
			return script ? checkBody(request, response, new Admission(null, null, this.config.requestBody())) : Admission.OPEN;
		}
		List<DirectorySettings> directories = (file != null) ? this.directoryRules.computeIfAbsent(file,
				(key) -> DirectorySettings.applyingTo(this.config.directories(), key)) : List.of();
		SectionRules rules = new SectionRules(this.config.requestBody());
		for (DirectorySettings settings : directories) {
			rules.add(settings.access(), settings.authentication(), settings.requestBody());
		}
		for (LocationSettings settings : this.config.locations()) {
			if (settings.appliesTo(path)) {
				rules.add(settings.access(), settings.authentication(), settings.requestBody());
			}
		}
		AccessControl compat = rules.compat;
		AccessControl require = rules.require;
		Boolean satisfyAny = rules.satisfyAny;
		Authentication authentication = rules.authentication;
		RequestBodyLimits limits = rules.limits;
		String address = request.getRemoteAddr();
		AccessControl.Client client = new AccessControl.Client(address, env, AccessControl.HostNames.DNS);
		boolean hostAllowed = compat == null || compat.compatAllows(client);
		Admission admission = new Admission(null, null, limits);
		if (Boolean.TRUE.equals(satisfyAny) && compat != null && hostAllowed) {
			// Satisfy Any: the host rules let the client in without authentication
			return script ? checkBody(request, response, admission) : admission;
		}
		AccessControl.Verdict verdict = (require != null) ? require.evaluate(client, null)
				: AccessControl.Verdict.GRANTED;
		// Satisfy Any with host rules refusing the client: authentication may still let it in
		boolean satisfyAnyWithUser = Boolean.TRUE.equals(satisfyAny) && compat != null && require != null
				&& require.requiresUser();
		if ((!hostAllowed && !satisfyAnyWithUser) || verdict == AccessControl.Verdict.DENIED
				|| verdict == AccessControl.Verdict.NEUTRAL) {
			logger.info("{} {}: client {} denied by server configuration", request.getMethod(), request.getRequestURI(),
					address);
			WsgiRuntime.sendError(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden");
			return null;
		}
		if (verdict == AccessControl.Verdict.AUTHENTICATION_NEEDED) {
			String user = authenticate(request, response, authentication);
			if (user == null) {
				return null;
			}
			if (require.evaluate(client, user) != AccessControl.Verdict.GRANTED) {
				logger.info("{} {}: user '{}' does not meet the Require lines", request.getMethod(),
						request.getRequestURI(), user);
				challenge(response, authentication.realm());
				return null;
			}
			admission = new Admission(Authentication.BASIC, user, limits);
		}
		return script ? checkBody(request, response, admission) : admission;
	}

	/** The authenticated user, or {@code null} after answering 401 (or 500 for an incomplete configuration). */
	private String authenticate(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String missing = (authentication.type() == null || authentication.type().equals(Authentication.NONE))
				? "AuthType" : (authentication.realm() == null) ? "AuthName"
						: (authentication.userFile() == null) ? "AuthUserFile" : null;
		if (missing != null) {
			logger.error("{} {}: a Require line needs an authenticated user but no {} applies", request.getMethod(),
					request.getRequestURI(), missing);
			WsgiRuntime.sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return null;
		}
		BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization"));
		if (credentials == null) {
			challenge(response, authentication.realm());
			return null;
		}
		boolean valid;
		try {
			valid = this.userFiles.get(authentication.userFile()).verify(credentials.user(), credentials.password());
		}
		catch (WsgiConfigException ex) {
			logger.error("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
			WsgiRuntime.sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Internal Server Error");
			return null;
		}
		if (!valid) {
			logger.info("{} {}: user '{}': authentication failure", request.getMethod(), request.getRequestURI(),
					credentials.user());
			challenge(response, authentication.realm());
			return null;
		}
		return credentials.user();
	}

	private static void challenge(HttpServletResponse response, String realm) throws IOException {
		response.setHeader("WWW-Authenticate",
				"Basic realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
		WsgiRuntime.sendError(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized");
	}

	/** mod_wsgi's checks before the application: 411 for a refused chunked body, 413 for a declared length over the limit. */
	private static Admission checkBody(HttpServletRequest request, HttpServletResponse response, Admission admission)
			throws IOException {
		RequestBodyLimits limits = admission.limits();
		if (isChunked(request)) {
			if (!Boolean.TRUE.equals(limits.chunked())) {
				logger.info("{} {}: chunked request body refused (WSGIChunkedRequest Off)", request.getMethod(),
						request.getRequestURI());
				response.setHeader("Connection", "close");
				request.setAttribute(WsgiRuntime.CLOSE_WITHOUT_READING_BODY, Boolean.TRUE);
				WsgiRuntime.sendError(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length Required");
				return null;
			}
		}
		else if (limits.exceeds(request.getContentLengthLong())) {
			logger.info("{} {}: Content-Length {} is over LimitRequestBody {}", request.getMethod(),
					request.getRequestURI(), request.getContentLengthLong(), limits.limit());
			response.setHeader("Connection", "close");
			request.setAttribute(WsgiRuntime.CLOSE_WITHOUT_READING_BODY, Boolean.TRUE);
			WsgiRuntime.sendError(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"Request Entity Too Large");
			return null;
		}
		return admission;
	}

	static boolean isChunked(HttpServletRequest request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	/**
	 * A request allowed to go on.
	 *
	 * @param authType {@code AUTH_TYPE} when this server authenticated the user,
	 * else {@code null}
	 * @param remoteUser {@code REMOTE_USER} likewise
	 * @param limits the request body limits that apply to it
	 */
	record Admission(String authType, String remoteUser, RequestBodyLimits limits) {

		static final Admission OPEN = new Admission(null, null, RequestBodyLimits.DEFAULTS);

	}

	/**
	 * The rules of the sections that apply to a request, merged in Apache's order
	 * (directories shallow to deep, then matching locations): the last section
	 * with compatibility rules, the last with Require lines, and the
	 * authentication and body limits each section narrows.
	 */
	private static final class SectionRules {

		private AccessControl compat;

		private AccessControl require;

		private Boolean satisfyAny;

		private Authentication authentication = Authentication.UNSET;

		private RequestBodyLimits limits;

		SectionRules(RequestBodyLimits serverLimits) {
			this.limits = serverLimits;
		}

		void add(AccessControl access, Authentication authentication, RequestBodyLimits body) {
			if (access != null) {
				this.compat = access.hasCompatRules() ? access : this.compat;
				this.require = access.hasRequire() ? access : this.require;
				this.satisfyAny = (access.satisfyAny() != null) ? access.satisfyAny() : this.satisfyAny;
			}
			this.authentication = this.authentication.with(authentication);
			this.limits = this.limits.with(body);
		}

	}

}
