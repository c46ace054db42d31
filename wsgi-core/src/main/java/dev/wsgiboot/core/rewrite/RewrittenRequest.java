package dev.wsgiboot.core.rewrite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What rewriting decided for a request that is served here: the complete
 * variables for its environ (SetEnvIf, {@code [E=]}, SetEnv...; never
 * {@code os.environ}), its query string, or the answer to give instead
 * (redirect, 403, 410, 500 after too many internal redirects). Immutable.
 *
 * @param env the request's variables, SetEnv and location SetEnv included
 * @param query the query string after the rules, or {@code null} for none
 * @param status 0 to serve the request, else the status to answer
 * @param location the {@code Location} of a redirect, else {@code null}
 */
public record RewrittenRequest(Map<String, String> env, String query, int status, String location) {

	public RewrittenRequest {
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
	}

	public boolean answers() {
		return this.status != 0;
	}

}
