package dev.wsgiboot.core.rewrite;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code RewriteCond}: a test string (with {@code %{VAR}}, {@code $N},
 * {@code %N} and {@code ${map:key}} references) tested against a condition
 * pattern. Immutable.
 *
 * @param testString the test string as written
 * @param kind what the condition tests
 * @param operand the right-hand side of a comparison ({@code =}, {@code <},
 * {@code -eq}...), {@code null} otherwise
 * @param pattern the regular expression of a {@link Kind#REGEX} condition
 * @param negated written with a leading {@code !}
 * @param noCase {@code [NC]}
 * @param orNext {@code [OR]}: this condition or the next one
 * @param origin where it was written
 */
public record RewriteCondition(String testString, Kind kind, String operand, Pattern pattern, boolean negated,
		boolean noCase, boolean orNext, String origin) {

	public RewriteCondition {
		Objects.requireNonNull(testString, "testString");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(origin, "origin");
		if (kind == Kind.REGEX) {
			Objects.requireNonNull(pattern, "pattern");
		}
	}

	/** What a condition pattern tests. */
	public enum Kind {

		/** A regular expression searched in the test string. */
		REGEX,
		/** {@code -f}: a regular file. */
		FILE,
		/** {@code -d}: a directory. */
		DIRECTORY,
		/** {@code -s}: a regular file with a size greater than zero. */
		NON_EMPTY_FILE,
		/** {@code -l}, {@code -L}, {@code -h}: a symbolic link. */
		SYMBOLIC_LINK,
		/** {@code -x}: a file with execute permission. */
		EXECUTABLE,
		/** {@code =}: lexically equal. */
		EQUAL,
		/** {@code <}: lexically before. */
		LESS,
		/** {@code >}: lexically after. */
		GREATER,
		/** {@code <=}: lexically before or equal. */
		LESS_OR_EQUAL,
		/** {@code >=}: lexically after or equal. */
		GREATER_OR_EQUAL,
		/** {@code -eq}: integers equal. */
		INT_EQUAL,
		/** {@code -ne}: integers differ. */
		INT_NOT_EQUAL,
		/** {@code -lt}: integer less than. */
		INT_LESS,
		/** {@code -le}: integer less than or equal. */
		INT_LESS_OR_EQUAL,
		/** {@code -gt}: integer greater than. */
		INT_GREATER,
		/** {@code -ge}: integer greater than or equal. */
		INT_GREATER_OR_EQUAL

	}

}
