package dev.wsgiboot.core.rewrite;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code SetEnvIf} / {@code SetEnvIfNoCase}: when the request attribute
 * matches the expression, the variables are set or unset. Immutable.
 *
 * @param attribute {@code Remote_Addr}, {@code Remote_Host},
 * {@code Request_Method}, {@code Request_Protocol}, {@code Request_URI},
 * {@code Server_Addr}, a request header name, or a variable set by an earlier
 * SetEnvIf
 * @param pattern the expression (case-insensitive for SetEnvIfNoCase)
 * @param assignments {@code var}, {@code var=value} (with {@code $1..$9}),
 * {@code !var}, in order
 * @param scope where it applies
 * @param origin where it was written
 */
public record SetEnvIfRule(String attribute, Pattern pattern, List<RewriteRule.EnvAssignment> assignments,
		EnvScope scope, String origin) {

	public SetEnvIfRule {
		Objects.requireNonNull(attribute, "attribute");
		Objects.requireNonNull(pattern, "pattern");
		assignments = List.copyOf(assignments);
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(origin, "origin");
	}

}
