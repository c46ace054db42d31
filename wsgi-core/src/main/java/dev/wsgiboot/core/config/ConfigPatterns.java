package dev.wsgiboot.core.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the regular expressions of a configuration (AliasMatch,
 * WSGIScriptAliasMatch, rewrite rules...), turning a bad one into a
 * {@link WsgiConfigException} that names where it was written.
 */
public final class ConfigPatterns {

	private ConfigPatterns() {
	}

	public static Pattern compile(String regex, String origin) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new WsgiConfigException(origin, "bad regular expression '" + regex + "': " + ex.getDescription(),
					"Fix the regular expression.");
		}
	}

}
