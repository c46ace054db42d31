package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/**
 * Applies SetEnvIf and the mod_env directives of a {@link RewriteConfig} to the
 * variables of one request, in Apache's phases: server SetEnvIf first
 * (post-read-request), scoped SetEnvIf after the URL was mapped (header
 * parser), mod_env last (fixups), where SetEnv overrides what SetEnvIf and
 * {@code RewriteRule [E=]} set.
 */
public final class EnvironmentRules {

	private EnvironmentRules() {
	}

	/**
	 * Runs the SetEnvIf rules of the server context ({@code server} true) or of
	 * the {@code <Location>} / {@code <Directory>} contexts covering the request.
	 * @param attributes a request attribute ({@code Remote_Addr}...) by its
	 * lower-case name, or a header by name; {@code null} when absent
	 */
	public static void setEnvIf(List<SetEnvIfRule> rules, boolean server, String path, Path file,
			UnaryOperator<String> attributes, Map<String, String> env) {
		for (SetEnvIfRule rule : rules) {
			if (rule.scope().isServer() != server || !rule.scope().appliesTo(path, file)) {
				continue;
			}
			String attribute = rule.attribute().toLowerCase(Locale.ROOT);
			String value = attributes.apply(attribute);
			if (value == null && !RewriteDirectives.SETENVIF_ATTRIBUTES.contains(attribute)) {
				// not a header: a variable set by an earlier SetEnvIf
				value = env.get(rule.attribute());
			}
			if (value == null) {
				continue;
			}
			Matcher matcher = rule.pattern().matcher(value);
			if (!matcher.find()) {
				continue;
			}
			for (RewriteRule.EnvAssignment assignment : rule.assignments()) {
				if (assignment.value() == null) {
					env.remove(assignment.name());
				}
				else {
					env.put(assignment.name(), substitute(assignment.value(), matcher));
				}
			}
		}
	}

	/**
	 * mod_env's variables for a request: the server's SetEnv, then the scoped
	 * SetEnv/UnsetEnv/PassEnv from the widest to the narrowest scope
	 * (directories, then locations), each UnsetEnv removing what a wider scope
	 * set.
	 * @param vars the server and location SetEnv already merged; changed in place
	 * @param locations whether to apply the {@code <Location>} directives (after
	 * the location SetEnv) rather than the server and directory ones
	 */
	public static void modEnv(List<EnvDirective> directives, boolean locations, String path, Path file,
			UnaryOperator<String> processEnv, Map<String, String> vars) {
		directives.stream()
			.filter((directive) -> (directive.scope().location() != null) == locations
					&& directive.scope().appliesTo(path, file))
			.sorted(Comparator.comparingInt((EnvDirective directive) -> directive.scope().rank()))
			.forEachOrdered((directive) -> {
				switch (directive.kind()) {
					case SET -> vars.put(directive.name(), directive.value());
					case UNSET -> vars.remove(directive.name());
					case PASS -> {
						String value = processEnv.apply(directive.name());
						if (value != null) {
							vars.put(directive.name(), value);
						}
					}
				}
			});
	}

	private static String substitute(String template, Matcher matcher) {
		if (template.indexOf('$') < 0) {
			return template;
		}
		StringBuilder sb = new StringBuilder(template.length() + 16);
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
				int group = template.charAt(++i) - '0';
				if (group <= matcher.groupCount() && matcher.group(group) != null) {
					sb.append(matcher.group(group));
				}
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
