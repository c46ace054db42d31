package dev.wsgiboot.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@code <Location>}: they apply to requests whose (decoded)
 * path is the location or lies below it. Several matching locations apply in
 * the order they were declared, later ones overriding earlier ones, as Apache
 * merges them.
 *
 * @param path the URL path
 * @param env {@code SetEnv} variables (environ only, never {@code os.environ})
 * @param passAuthorization {@code WSGIPassAuthorization} (or
 * {@code CGIPassAuth}) here, or {@code null}
 * @param origin where it was declared, for messages
 * @param processGroup {@code WSGIProcessGroup} here, or {@code null}
 * @param mapHeadToGet {@code WSGIMapHEADToGet On} ({@code true}) or
 * {@code Off}/{@code Auto} ({@code false}), or {@code null}
 * @param access {@code Order}/{@code Allow}/{@code Deny}/{@code Require} here,
 * or {@code null}
 * @param requestBody {@code LimitRequestBody} / {@code WSGIChunkedRequest}
 * here, or {@code null}
 * @param authentication {@code AuthType} / {@code AuthName} /
 * {@code AuthUserFile} here, or {@code null}
 */
public record LocationSettings(String path, Map<String, String> env, Boolean passAuthorization, String origin,
		String processGroup, Boolean mapHeadToGet, AccessControl access, RequestBodyLimits requestBody,
		Authentication authentication) {

	public LocationSettings(String path, Map<String, String> env, Boolean passAuthorization, String origin) {
		this(path, env, passAuthorization, origin, null, null);
	}

	public LocationSettings(String path, Map<String, String> env, Boolean passAuthorization, String origin,
			String processGroup, Boolean mapHeadToGet) {
		this(path, env, passAuthorization, origin, processGroup, mapHeadToGet, null, null, null);
	}

	public LocationSettings {
		Objects.requireNonNull(path, "path");
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
		Objects.requireNonNull(origin, "origin");
	}

	/** Whether the settings apply to a request for {@code requestPath}. */
	public boolean appliesTo(String requestPath) {
		if (!requestPath.startsWith(this.path)) {
			return false;
		}
		return requestPath.length() == this.path.length() || this.path.endsWith("/")
				|| requestPath.charAt(this.path.length()) == '/';
	}

}
