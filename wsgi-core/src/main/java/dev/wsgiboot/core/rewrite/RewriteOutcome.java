package dev.wsgiboot.core.rewrite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the rules of one context did to a request. Immutable.
 *
 * @param path the URL path after the rules (the request's when not rewritten)
 * @param query the query string after the rules, or {@code null} for none
 * @param rewritten whether a substitution changed the URL
 * @param passThrough {@code PT}: the new URL goes through the URL mappings
 * again (server context)
 * @param end {@code END}: no rules run in later rounds
 * @param env variables set ({@code E=}), in order; a {@code null} value unsets
 * @param status 0 to go on, else the status to answer (403 {@code F}, 410
 * {@code G}, 3xx {@code R}, or another {@code R=} code)
 * @param location the {@code Location} of a redirect, else {@code null}
 */
public record RewriteOutcome(String path, String query, boolean rewritten, boolean passThrough, boolean end,
		Map<String, String> env, int status, String location) {

	public RewriteOutcome {
		env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
	}

	/** Nothing changed. */
	public static RewriteOutcome unchanged(String path, String query) {
		return new RewriteOutcome(path, query, false, false, false, Map.of(), 0, null);
	}

	/** Whether the request is answered here (redirect, forbidden, gone...). */
	public boolean answers() {
		return this.status != 0;
	}

	/** The variables applied to {@code into} (set or removed). */
	public void applyEnv(Map<String, String> into) {
		this.env.forEach((name, value) -> {
			if (value == null) {
				into.remove(name);
			}
			else {
				into.put(name, value);
			}
		});
	}

}
