package dev.wsgiboot.core.rewrite;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code RewriteRule} with the {@code RewriteCond} lines written before
 * it. Immutable.
 *
 * @param pattern the regular expression searched in the URL path (in a
 * directory context: the path below the directory)
 * @param negated written with a leading {@code !}: the rule applies when the
 * pattern does not match (and has no {@code $N})
 * @param substitution the substitution as written, or {@code -} for none
 * @param flags the flags
 * @param conditions its conditions, in order
 * @param origin where it was written
 */
public record RewriteRule(Pattern pattern, boolean negated, String substitution, Flags flags,
		List<RewriteCondition> conditions, String origin) {

	public RewriteRule {
		Objects.requireNonNull(pattern, "pattern");
		Objects.requireNonNull(substitution, "substitution");
		Objects.requireNonNull(flags, "flags");
		conditions = List.copyOf(conditions);
		Objects.requireNonNull(origin, "origin");
	}

	/** Whether the substitution is {@code -}: the URL is left as it is. */
	public boolean keepsUrl() {
		return this.substitution.equals("-");
	}

	/**
	 * The flags of a rule.
	 *
	 * @param last {@code L}: stop after this rule
	 * @param end {@code END}: stop, also in later rounds after an internal redirect
	 * @param passThrough {@code PT}: map the new URL through the URL mappings
	 * (Alias, WSGIScriptAlias) again
	 * @param queryAppend {@code QSA}: append the request's query to the
	 * substitution's
	 * @param queryDiscard {@code QSD}: drop the request's query
	 * @param env {@code E=name:value} ({@code E=!name} unsets) in order
	 * @param redirect {@code R[=code]}: the status of the redirect, 0 for none
	 * @param forbidden {@code F}: answer 403
	 * @param gone {@code G}: answer 410
	 * @param noCase {@code NC}: match the pattern case-insensitively
	 * @param noEscape {@code NE}: do not escape the redirect location
	 * @param chain {@code C}: the next rule applies only when this one did
	 * @param skip {@code S=n}: skip the next n rules when this one applies
	 * @param discardPathInfo {@code DPI}: drop the PATH_INFO part (directory
	 * context)
	 */
	public record Flags(boolean last, boolean end, boolean passThrough, boolean queryAppend, boolean queryDiscard,
			List<EnvAssignment> env, int redirect, boolean forbidden, boolean gone, boolean noCase, boolean noEscape,
			boolean chain, int skip, boolean discardPathInfo) {

		public static final Flags NONE = new Flags(false, false, false, false, false, List.of(), 0, false, false, false,
				false, false, 0, false);

		public Flags {
			env = List.copyOf(env);
		}

	}

	/**
	 * One {@code E=} flag.
	 *
	 * @param name the variable
	 * @param value its value (with references), {@code null} to unset it
	 */
	public record EnvAssignment(String name, String value) {

		public EnvAssignment {
			Objects.requireNonNull(name, "name");
		}

	}

}
