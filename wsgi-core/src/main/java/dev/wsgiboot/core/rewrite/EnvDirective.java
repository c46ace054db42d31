package dev.wsgiboot.core.rewrite;

import java.util.Objects;

/**
 * One mod_env directive beyond the server and {@code <Location>} SetEnv of the
 * configuration model: {@code SetEnv} inside {@code <Directory>} /
 * {@code <Files>}, {@code UnsetEnv} and {@code PassEnv} anywhere. Immutable.
 *
 * @param kind what it does
 * @param name the variable
 * @param value the value of a SetEnv, else {@code null}
 * @param scope where it applies
 * @param origin where it was written
 */
public record EnvDirective(Kind kind, String name, String value, EnvScope scope, String origin) {

	public EnvDirective {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(origin, "origin");
	}

	/** The mod_env directives. */
	public enum Kind {

		/** {@code SetEnv name value}. */
		SET,
		/** {@code UnsetEnv name}: removes a SetEnv/PassEnv variable of a wider scope. */
		UNSET,
		/** {@code PassEnv name}: the JVM process's variable, when it is set. */
		PASS

	}

}
