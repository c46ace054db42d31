package dev.wsgiboot.core.rewrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Runs the rules of one mod_rewrite context over a request, as Apache's
 * mod_rewrite does: each rule's pattern is searched in the URL path (in a
 * directory context, the path below the directory), then its conditions are
 * tested; a matching rule sets its variables and substitutes the URL, and
 * {@code L}, {@code END}, {@code C}, {@code S}, {@code F}, {@code G} and
 * {@code R} steer what follows. Stateless and thread-safe; the file tests
 * touch the file system.
 */
public final class RewriteEngine {

	private static final int MAX_EXPANSION_DEPTH = 8;

	private final Map<String, RewriteMap> maps;

	public RewriteEngine(Map<String, RewriteMap> maps) {
		this.maps = Map.copyOf(maps);
	}

	/**
	 * Runs the server context's rules.
	 * @param rules the server context
	 * @param request the request
	 * @param path the decoded URL path
	 * @param query the query string, or {@code null}
	 */
	public RewriteOutcome server(RewriteRuleSet rules, RewriteRequest request, String path, String query) {
		return run(rules, request, path, query, null, path);
	}

	/**
	 * Runs a directory context's rules for a request whose URL path
	 * {@code path} was mapped to {@code filename} (plus {@code pathInfo}). The
	 * directory is stripped from the file name before matching; a relative
	 * substitution is put back under the RewriteBase (or the URL of the
	 * directory). A rewritten outcome means an internal redirect to its URL.
	 */
	public RewriteOutcome directory(RewriteRuleSet rules, RewriteRequest request, String path, String query,
			String filename, String pathInfo) {
		String full = filename + ((pathInfo != null) ? pathInfo : "");
		String prefix = rules.directory().toString();
		if (!prefix.endsWith("/")) {
			prefix = prefix + "/";
		}
		String remainder;
		if (full.startsWith(prefix)) {
			remainder = full.substring(prefix.length());
		}
		else if ((full + "/").equals(prefix)) {
			remainder = "";
		}
		else {
			return RewriteOutcome.unchanged(path, query);
		}
		PerDirectory context = new PerDirectory(remainder, filename, base(rules, path, remainder));
		return run(rules, request, path, query, context, remainder);
	}

	/** The URL under which a directory's relative substitutions are put. */
	private static String base(RewriteRuleSet rules, String path, String remainder) {
		String base = rules.base();
		if (base == null) {
			base = (path.endsWith(remainder)) ? path.substring(0, path.length() - remainder.length()) : "/";
		}
		return base.endsWith("/") ? base : base + "/";
	}

	private record PerDirectory(String remainder, String filename, String base) {
	}

	private RewriteOutcome run(RewriteRuleSet rules, RewriteRequest request, String path, String query,
			PerDirectory perDirectory, String subject) {
		Evaluation evaluation = new Evaluation(request, path, query, perDirectory);
		String current = subject;
		boolean rewritten = false;
		boolean passThrough = false;
		boolean end = false;
		boolean chainBroken = false;
		List<RewriteRule> list = rules.rules();
		for (int i = 0; i < list.size(); i++) {
			RewriteRule rule = list.get(i);
			if (chainBroken) {
				// a rule of a broken chain is skipped, and so is the rest of the chain
				chainBroken = rule.flags().chain();
				continue;
			}
			Matcher matcher = rule.pattern().matcher(current);
			boolean matched = matcher.find() != rule.negated();
			evaluation.ruleMatch = rule.negated() ? null : matcher;
			evaluation.conditionMatch = null;
			if (!matched || !evaluation.conditionsHold(rule.conditions())) {
				chainBroken = rule.flags().chain();
				continue;
			}
			RewriteRule.Flags flags = rule.flags();
			for (RewriteRule.EnvAssignment assignment : flags.env()) {
				evaluation.env.put(assignment.name(),
						(assignment.value() != null) ? evaluation.expand(assignment.value(), 0) : null);
			}
			if (flags.forbidden()) {
				return evaluation.answer(403, null);
			}
			if (flags.gone()) {
				return evaluation.answer(410, null);
			}
			if (!rule.keepsUrl()) {
				String result = evaluation.expand(rule.substitution(), 0);
				int mark = result.indexOf('?');
				if (mark >= 0) {
					String newQuery = result.substring(mark + 1);
					result = result.substring(0, mark);
					String old = evaluation.query;
					evaluation.query = (flags.queryAppend() && old != null && !old.isEmpty())
							? (newQuery.isEmpty() ? old : newQuery + "&" + old) : (newQuery.isEmpty() ? null : newQuery);
				}
				else if (flags.queryDiscard()) {
					evaluation.query = null;
				}
				boolean absolute = isAbsoluteUrl(result);
				if (!absolute) {
					if (perDirectory != null) {
						if (!result.startsWith("/")) {
							result = perDirectory.base() + result;
						}
					}
					else if (!result.startsWith("/")) {
						result = "/" + result;
					}
				}
				if (absolute || flags.redirect() != 0) {
					int status = (flags.redirect() != 0) ? flags.redirect() : 302;
					if (status < 300 || status > 399) {
						return evaluation.answer(status, null);
					}
					return evaluation.answer(status, location(request, result, absolute, flags.noEscape(),
							evaluation.query));
				}
				current = result;
				evaluation.path = result;
				rewritten = true;
				passThrough |= flags.passThrough();
			}
			else if (flags.redirect() >= 400 || (flags.redirect() > 0 && flags.redirect() < 300)) {
				return evaluation.answer(flags.redirect(), null);
			}
			if (flags.end()) {
				end = true;
				break;
			}
			if (flags.last()) {
				break;
			}
			i += flags.skip();
		}
		String resultPath = rewritten ? current : path;
		if (perDirectory != null && rewritten && resultPath.equals(path) && same(evaluation.query, query)) {
			// Apache ignores a directory rewrite back to the URL it came from
			rewritten = false;
		}
		return new RewriteOutcome(resultPath, evaluation.query, rewritten, passThrough, end, evaluation.env, 0, null);
	}

	private static boolean same(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

	static boolean isAbsoluteUrl(String s) {
		int colon = s.indexOf("://");
		if (colon <= 0) {
			return false;
		}
		String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https");
	}

	/** A redirect location: the server's URL for a path, its path escaped unless {@code NE}. */
	private static String location(RewriteRequest request, String result, boolean absolute, boolean noEscape,
			String query) {
		String url;
		if (absolute) {
			url = result;
		}
		else {
			String scheme = "on".equalsIgnoreCase(request.variable("HTTPS")) ? "https" : "http";
			String name = String.valueOf(request.variable("SERVER_NAME"));
			String port = request.variable("SERVER_PORT");
			boolean defaultPort = port == null || (scheme.equals("http") && port.equals("80"))
					|| (scheme.equals("https") && port.equals("443"));
			if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
				name = "[" + name + "]";
			}
			url = scheme + "://" + name + (defaultPort ? "" : ":" + port) + (noEscape ? result : UrlEscapes.escapePath(result));
		}
		return (query != null && !query.isEmpty()) ? url + "?" + query : url;
	}

	/** The state of one run over one context's rules. */
	private final class Evaluation {

		private final RewriteRequest request;

		private final PerDirectory perDirectory;

		private final Map<String, String> env = new LinkedHashMap<>();

		private String path;

		private String query;

		private Matcher ruleMatch;

		private Matcher conditionMatch;

		Evaluation(RewriteRequest request, String path, String query, PerDirectory perDirectory) {
			this.request = request;
			this.path = path;
			this.query = query;
			this.perDirectory = perDirectory;
		}

		RewriteOutcome answer(int status, String location) {
			return new RewriteOutcome(this.path, this.query, false, false, true, this.env, status, location);
		}

		/** mod_rewrite's [OR] logic: an [OR] condition that holds skips the rest of its group. */
		boolean conditionsHold(List<RewriteCondition> conditions) {
			for (int i = 0; i < conditions.size(); i++) {
				RewriteCondition condition = conditions.get(i);
				boolean holds = test(condition);
				if (condition.orNext()) {
					if (holds) {
						while (i < conditions.size() && conditions.get(i).orNext()) {
							i++;
						}
					}
				}
				else if (!holds) {
					return false;
				}
			}
			return true;
		}

		private boolean test(RewriteCondition condition) {
			String value = expand(condition.testString(), 0);
			boolean result = switch (condition.kind()) {
				case REGEX -> {
					Matcher matcher = condition.pattern().matcher(value);
					boolean found = matcher.find();
					if (found && !condition.negated()) {
						this.conditionMatch = matcher;
					}
					yield found;
				}
				case FILE -> !value.isEmpty() && Files.isRegularFile(Path.of(value));
				case DIRECTORY -> !value.isEmpty() && Files.isDirectory(Path.of(value));
				case NON_EMPTY_FILE -> !value.isEmpty() && nonEmptyFile(Path.of(value));
				case SYMBOLIC_LINK -> !value.isEmpty() && Files.isSymbolicLink(Path.of(value));
				case EXECUTABLE -> !value.isEmpty() && Files.exists(Path.of(value), LinkOption.NOFOLLOW_LINKS)
						&& Files.isExecutable(Path.of(value));
				case EQUAL -> compare(value, condition) == 0;
				case LESS -> compare(value, condition) < 0;
				case GREATER -> compare(value, condition) > 0;
				case LESS_OR_EQUAL -> compare(value, condition) <= 0;
				case GREATER_OR_EQUAL -> compare(value, condition) >= 0;
				case INT_EQUAL -> integer(value) == integer(operand(condition));
				case INT_NOT_EQUAL -> integer(value) != integer(operand(condition));
				case INT_LESS -> integer(value) < integer(operand(condition));
				case INT_LESS_OR_EQUAL -> integer(value) <= integer(operand(condition));
				case INT_GREATER -> integer(value) > integer(operand(condition));
				case INT_GREATER_OR_EQUAL -> integer(value) >= integer(operand(condition));
			};
			return result != condition.negated();
		}

		private String operand(RewriteCondition condition) {
			return expand(condition.operand(), 0);
		}

		private int compare(String value, RewriteCondition condition) {
			String operand = operand(condition);
			return condition.noCase() ? value.compareToIgnoreCase(operand) : value.compareTo(operand);
		}

		private static long integer(String s) {
			try {
				return Long.parseLong(s.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		private static boolean nonEmptyFile(Path path) {
			try {
				return Files.isRegularFile(path) && Files.size(path) > 0;
			}
			catch (IOException ex) {
				return false;
			}
		}

		/**
		 * Expands {@code $N} (the rule's groups), {@code %N} (the last matching
		 * condition's groups), {@code %{VAR}} and {@code ${map:key|default}};
		 * a backslash escapes the next character.
		 */
		String expand(String template, int depth) {
			if (template.indexOf('$') < 0 && template.indexOf('%') < 0 && template.indexOf('\\') < 0) {
				return template;
			}
			StringBuilder sb = new StringBuilder(template.length() + 32);
			int i = 0;
			while (i < template.length()) {
				char c = template.charAt(i);
				char next = (i + 1 < template.length()) ? template.charAt(i + 1) : 0;
				if (c == '\\' && next != 0) {
					sb.append(next);
					i += 2;
				}
				else if ((c == '$' || c == '%') && next >= '0' && next <= '9') {
					Matcher matcher = (c == '$') ? this.ruleMatch : this.conditionMatch;
					int group = next - '0';
					if (matcher != null && group <= matcher.groupCount() && matcher.group(group) != null) {
						sb.append(matcher.group(group));
					}
					i += 2;
				}
				else if (c == '%' && next == '{') {
					int close = template.indexOf('}', i + 2);
					if (close < 0) {
						sb.append(c);
						i++;
						continue;
					}
					sb.append(variable(template.substring(i + 2, close)));
					i = close + 1;
				}
				else if (c == '$' && next == '{' && depth < MAX_EXPANSION_DEPTH) {
					int close = closingBrace(template, i + 2);
					if (close < 0) {
						sb.append(c);
						i++;
						continue;
					}
					sb.append(lookupMap(template.substring(i + 2, close), depth));
					i = close + 1;
				}
				else {
					sb.append(c);
					i++;
				}
			}
			return sb.toString();
		}

		private static int closingBrace(String s, int from) {
			int depth = 0;
			for (int i = from; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					if (depth == 0) {
						return i;
					}
					depth--;
				}
			}
			return -1;
		}

		/** {@code map:key|default}, key and default expanded first. */
		private String lookupMap(String spec, int depth) {
			int colon = spec.indexOf(':');
			if (colon < 0) {
				return "";
			}
			RewriteMap map = RewriteEngine.this.maps.get(spec.substring(0, colon));
			String rest = spec.substring(colon + 1);
			int bar = topLevelBar(rest);
			String key = expand((bar >= 0) ? rest.substring(0, bar) : rest, depth + 1);
			String fallback = (bar >= 0) ? expand(rest.substring(bar + 1), depth + 1) : "";
			String value = (map != null) ? map.lookup(key) : null;
			return (value != null) ? value : fallback;
		}

		private static int topLevelBar(String s) {
			int depth = 0;
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}') {
					depth--;
				}
				else if (c == '|' && depth == 0) {
					return i;
				}
			}
			return -1;
		}

		/** A {@code %{NAME}} server variable; unknown names are empty, as in Apache. */
		String variable(String name) {
			String upper = name.toUpperCase(Locale.ROOT);
			if (upper.startsWith("ENV:")) {
				String key = name.substring(4);
				if (this.env.containsKey(key)) {
					return nonNull(this.env.get(key));
				}
				return nonNull(this.request.env(key));
			}
			if (upper.startsWith("HTTP:")) {
				return nonNull(this.request.header(name.substring(5)));
			}
			String value = switch (upper) {
				case "REQUEST_URI" -> this.path;
				case "QUERY_STRING" -> this.query;
				case "REQUEST_FILENAME", "SCRIPT_FILENAME" -> (this.perDirectory != null)
						? this.perDirectory.filename() : this.path;
				case "HTTP_HOST", "HTTP_USER_AGENT", "HTTP_REFERER", "HTTP_COOKIE", "HTTP_FORWARDED", "HTTP_ACCEPT",
						"HTTP_PROXY_CONNECTION" -> this.request.header(upper.substring(5).replace('_', '-'));
				case "IS_SUBREQ" -> "false";
				case "TIME_YEAR", "TIME_MON", "TIME_DAY", "TIME_HOUR", "TIME_MIN", "TIME_SEC", "TIME_WDAY", "TIME" ->
					time(upper);
				default -> this.request.variable(upper);
			};
			return nonNull(value);
		}

		private static String time(String name) {
			LocalDateTime now = LocalDateTime.now();
			return switch (name) {
				case "TIME_YEAR" -> String.format("%04d", now.getYear());
				case "TIME_MON" -> String.format("%02d", now.getMonthValue());
				case "TIME_DAY" -> String.format("%02d", now.getDayOfMonth());
				case "TIME_HOUR" -> String.format("%02d", now.getHour());
				case "TIME_MIN" -> String.format("%02d", now.getMinute());
				case "TIME_SEC" -> String.format("%02d", now.getSecond());
				case "TIME_WDAY" -> Integer.toString(now.getDayOfWeek().getValue() % 7);
				default -> String.format("%04d%02d%02d%02d%02d%02d", now.getYear(), now.getMonthValue(),
						now.getDayOfMonth(), now.getHour(), now.getMinute(), now.getSecond());
			};
		}

		private static String nonNull(String s) {
			return (s != null) ? s : "";
		}

	}

}
