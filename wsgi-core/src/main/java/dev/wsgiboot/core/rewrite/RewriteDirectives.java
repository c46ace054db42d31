package dev.wsgiboot.core.rewrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.wsgiboot.core.config.ConfigPatterns;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Reads mod_rewrite and mod_setenvif directives (already split into
 * arguments) into their immutable records, for both the Apache configuration
 * reader and the {@code wsgi.rewrite} properties. A bad regular expression, an
 * unknown flag or an unreadable map file is a {@link WsgiConfigException} naming
 * where it was written; a valid feature this server does not implement is one
 * whose reason says "not supported yet".
 */
public final class RewriteDirectives {

	/** mod_rewrite's RewriteRule flags, long and short names. */
	static final Set<String> RULE_FLAGS = Set.of("b", "bnp", "backrefnoplus", "bctls", "bne", "c", "chain", "co",
			"cookie", "dpi", "discardpath", "e", "env", "end", "f", "forbidden", "g", "gone", "h", "handler", "l",
			"last", "n", "next", "nc", "nocase", "ne", "noescape", "ns", "nosubreq", "p", "proxy", "pt", "passthrough",
			"qsa", "qsappend", "qsd", "qsdiscard", "qsl", "qslast", "r", "redirect", "s", "skip", "t", "type",
			"unsafeallow3f", "unsafeprefixstat");

	/** mod_rewrite's RewriteCond flags. */
	static final Set<String> CONDITION_FLAGS = Set.of("nc", "nocase", "or", "ornext", "nv", "novary");

	private static final Map<String, RewriteCondition.Kind> CONDITION_TESTS = Map.ofEntries(
			Map.entry("-f", RewriteCondition.Kind.FILE), Map.entry("-d", RewriteCondition.Kind.DIRECTORY),
			Map.entry("-s", RewriteCondition.Kind.NON_EMPTY_FILE), Map.entry("-l", RewriteCondition.Kind.SYMBOLIC_LINK),
			Map.entry("-L", RewriteCondition.Kind.SYMBOLIC_LINK), Map.entry("-h", RewriteCondition.Kind.SYMBOLIC_LINK),
			Map.entry("-x", RewriteCondition.Kind.EXECUTABLE));

	private static final Map<String, RewriteCondition.Kind> INTEGER_TESTS = Map.of("-eq",
			RewriteCondition.Kind.INT_EQUAL, "-ne", RewriteCondition.Kind.INT_NOT_EQUAL, "-lt",
			RewriteCondition.Kind.INT_LESS, "-le", RewriteCondition.Kind.INT_LESS_OR_EQUAL, "-gt",
			RewriteCondition.Kind.INT_GREATER, "-ge", RewriteCondition.Kind.INT_GREATER_OR_EQUAL);

	/** The request attributes SetEnvIf knows besides header and variable names. */
	static final Set<String> SETENVIF_ATTRIBUTES = Set.of("remote_host", "remote_addr", "server_addr",
			"request_method", "request_protocol", "request_uri");

	private RewriteDirectives() {
	}

	/** {@code RewriteCond TestString CondPattern [flags]}. */
	public static RewriteCondition condition(List<String> args, String origin) {
		if (args.size() < 2 || args.size() > 3) {
			throw invalid(origin, "RewriteCond takes a test string, a condition and optional [flags]",
					"Write: RewriteCond %{VAR} pattern [flags]");
		}
		boolean noCase = false;
		boolean orNext = false;
		if (args.size() == 3) {
			for (String flag : flags(args.get(2), CONDITION_FLAGS, "RewriteCond", origin)) {
				switch (flagName(flag)) {
					case "nc", "nocase" -> noCase = true;
					case "or", "ornext" -> orNext = true;
					default -> {
						// NV: no Vary header is added here anyway
					}
				}
			}
		}
		String testString = args.get(0);
		if (testString.equalsIgnoreCase("expr")) {
			throw unsupported(origin, "RewriteCond expr is not supported yet", "Use a test string and a pattern.");
		}
		String written = args.get(1);
		boolean negated = written.startsWith("!");
		String condition = negated ? written.substring(1) : written;
		RewriteCondition.Kind test = CONDITION_TESTS.get(condition);
		if (test != null) {
			return new RewriteCondition(testString, test, null, null, negated, noCase, orNext, origin);
		}
		if (condition.equals("-F") || condition.equals("-U")) {
			throw unsupported(origin, "RewriteCond " + condition + " (a sub-request) is not supported yet",
					"Use -f or -d.");
		}
		RewriteCondition.Kind integer = INTEGER_TESTS.get(condition.length() >= 3 ? condition.substring(0, 3) : "");
		if (integer != null) {
			return new RewriteCondition(testString, integer, unquote(condition.substring(3)), null, negated, noCase,
					orNext, origin);
		}
		for (String operator : new String[] { "<=", ">=", "=", "<", ">" }) {
			if (condition.startsWith(operator)) {
				RewriteCondition.Kind kind = switch (operator) {
					case "<=" -> RewriteCondition.Kind.LESS_OR_EQUAL;
					case ">=" -> RewriteCondition.Kind.GREATER_OR_EQUAL;
					case "=" -> RewriteCondition.Kind.EQUAL;
					case "<" -> RewriteCondition.Kind.LESS;
					default -> RewriteCondition.Kind.GREATER;
				};
				return new RewriteCondition(testString, kind, unquote(condition.substring(operator.length())), null,
						negated, noCase, orNext, origin);
			}
		}
		Pattern pattern = ConfigPatterns.compile(noCase ? "(?i)" + condition : condition, origin);
		return new RewriteCondition(testString, RewriteCondition.Kind.REGEX, null, pattern, negated, noCase, orNext,
				origin);
	}

	/** {@code RewriteRule Pattern Substitution [flags]} with the conditions written before it. */
	public static RewriteRule rule(List<String> args, List<RewriteCondition> conditions, String origin) {
		if (args.size() < 2 || args.size() > 3) {
			throw invalid(origin, "RewriteRule takes a pattern, a substitution and optional [flags]",
					"Write: RewriteRule pattern substitution [flags]");
		}
		boolean last = false;
		boolean end = false;
		boolean passThrough = false;
		boolean queryAppend = false;
		boolean queryDiscard = false;
		List<RewriteRule.EnvAssignment> env = new ArrayList<>();
		int redirect = 0;
		boolean forbidden = false;
		boolean gone = false;
		boolean noCase = false;
		boolean noEscape = false;
		boolean chain = false;
		int skip = 0;
		boolean discardPathInfo = false;
		if (args.size() == 3) {
			for (String flag : flags(args.get(2), RULE_FLAGS, "RewriteRule", origin)) {
				String value = flagValue(flag);
				switch (flagName(flag)) {
					case "l", "last" -> last = true;
					case "end" -> end = true;
					case "pt", "passthrough" -> passThrough = true;
					case "qsa", "qsappend" -> queryAppend = true;
					case "qsd", "qsdiscard" -> queryDiscard = true;
					case "e", "env" -> env.add(envFlag(value, origin));
					case "r", "redirect" -> redirect = redirectStatus(value, origin);
					case "f", "forbidden" -> forbidden = true;
					case "g", "gone" -> gone = true;
					case "nc", "nocase" -> noCase = true;
					case "ne", "noescape" -> noEscape = true;
					case "c", "chain" -> chain = true;
					case "s", "skip" -> skip = skipCount(value, origin);
					case "dpi", "discardpath" -> discardPathInfo = true;
					case "ns", "nosubreq" -> {
						// there are no sub-requests here: the rule always applies
					}
					default -> throw unsupported(origin, "RewriteRule flag " + flag.strip() + " is not supported yet",
							"Supported flags: L, END, PT, QSA, QSD, E, R, F, G, NC, NE, C, S, DPI, NS.");
				}
			}
		}
		String written = args.get(0);
		boolean negated = written.startsWith("!");
		String regex = negated ? written.substring(1) : written;
		Pattern pattern = ConfigPatterns.compile(noCase ? "(?i)" + regex : regex, origin);
		RewriteRule.Flags flags = new RewriteRule.Flags(last, end, passThrough, queryAppend, queryDiscard, env,
				redirect, forbidden, gone, noCase, noEscape, chain, skip, discardPathInfo);
		return new RewriteRule(pattern, negated, args.get(1), flags, conditions, origin);
	}

	/**
	 * {@code RewriteMap name type:source}: {@code txt} and {@code rnd} files
	 * (read now, relative paths against {@code baseDirectory}) and {@code int}
	 * functions.
	 */
	public static RewriteMap map(List<String> args, Path baseDirectory, String origin) {
		if (args.size() < 2 || args.size() > 3) {
			throw invalid(origin, "RewriteMap takes a name and type:source", "Write: RewriteMap users txt:/path/users.txt");
		}
		String name = args.get(0);
		String spec = args.get(1);
		int colon = spec.indexOf(':');
		if (colon <= 0) {
			throw invalid(origin, "RewriteMap source '" + spec + "' has no type", "Write type:source, e.g. txt:/path/map.txt");
		}
		String type = spec.substring(0, colon).toLowerCase(Locale.ROOT);
		String source = spec.substring(colon + 1);
		return switch (type) {
			case "txt", "rnd" -> new RewriteMap(name, type.equals("txt") ? RewriteMap.Type.TXT : RewriteMap.Type.RND,
					readMapFile(resolve(baseDirectory, source), type.equals("rnd"), origin), null, origin);
			case "int" -> {
				String function = source.toLowerCase(Locale.ROOT);
				if (!Set.of("toupper", "tolower", "escape", "unescape").contains(function)) {
					throw invalid(origin, "unknown internal RewriteMap function '" + source + "'",
							"Use int:toupper, int:tolower, int:escape or int:unescape.");
				}
				yield new RewriteMap(name, RewriteMap.Type.INT, Map.of(), function, origin);
			}
			case "dbm" -> throw unsupported(origin, "RewriteMap dbm maps are not supported yet: no maintained Java "
					+ "library reads Apache's DBM files", "Use the text file the DBM file was made from as a txt: map "
							+ "(httxt2dbm's input has the same format).");
			case "prg", "dbd", "fastdbd" -> throw unsupported(origin,
					"RewriteMap " + type + " maps are not supported yet", "Use a txt: or rnd: map.");
			default -> throw invalid(origin, "unknown RewriteMap type '" + type + "'",
					"Use txt, rnd, int (or dbm, prg, dbd, fastdbd, which are not supported yet).");
		};
	}

	private static Path resolve(Path baseDirectory, String source) {
		Path path = Path.of(source);
		return (path.isAbsolute() || baseDirectory == null) ? path : baseDirectory.resolve(path);
	}

	private static Map<String, List<String>> readMapFile(Path file, boolean random, String origin) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new WsgiConfigException(origin, "cannot read RewriteMap file '" + file + "': " + ex,
					"Check that the file exists and is readable.", ex);
		}
		Map<String, List<String>> entries = new LinkedHashMap<>();
		for (String line : lines) {
			String content = line.strip();
			if (content.isEmpty() || content.startsWith("#")) {
				continue;
			}
			String[] fields = content.split("[ \t]+");
			if (fields.length < 2) {
				continue;
			}
			List<String> values = random ? List.of(fields[1].split("\\|", -1)) : List.of(fields[1]);
			entries.putIfAbsent(fields[0], values);
		}
		return entries;
	}

	/**
	 * {@code SetEnvIf attribute regex [!]var[=value] ...} (and
	 * {@code SetEnvIfNoCase}).
	 */
	public static SetEnvIfRule setEnvIf(List<String> args, boolean noCase, EnvScope scope, String origin) {
		String directive = noCase ? "SetEnvIfNoCase" : "SetEnvIf";
		if (args.size() < 3) {
			throw invalid(origin, directive + " takes an attribute, a regular expression and variables",
					"Write: " + directive + " Remote_Addr ^127\\. local=1");
		}
		String attribute = args.get(0);
		if (!attribute.matches("[A-Za-z0-9_-]+")) {
			throw unsupported(origin, directive + " with a regular expression as attribute is not supported yet",
					"Name the attribute: Remote_Addr, Request_URI, a header name...");
		}
		Pattern pattern = ConfigPatterns.compile(noCase ? "(?i)" + args.get(1) : args.get(1), origin);
		List<RewriteRule.EnvAssignment> assignments = new ArrayList<>();
		for (String variable : args.subList(2, args.size())) {
			if (variable.startsWith("!")) {
				assignments.add(new RewriteRule.EnvAssignment(variable.substring(1), null));
			}
			else {
				int eq = variable.indexOf('=');
				assignments.add((eq >= 0) ? new RewriteRule.EnvAssignment(variable.substring(0, eq), variable.substring(eq + 1))
						: new RewriteRule.EnvAssignment(variable, "1"));
			}
			if (assignments.get(assignments.size() - 1).name().isEmpty()) {
				throw invalid(origin, directive + " variable '" + variable + "' has no name", "Write var, var=value or !var.");
			}
		}
		return new SetEnvIfRule(attribute, pattern, assignments, scope, origin);
	}

	/**
	 * Splits a directive line written in a property into arguments: blanks
	 * separate them, double quotes group them.
	 */
	public static List<String> split(String line) {
		List<String> args = new ArrayList<>();
		StringBuilder current = null;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				if (current == null) {
					current = new StringBuilder();
				}
			}
			else if (!quoted && Character.isWhitespace(c)) {
				if (current != null) {
					args.add(current.toString());
					current = null;
				}
			}
			else {
				if (current == null) {
					current = new StringBuilder();
				}
				current.append(c);
			}
		}
		if (current != null) {
			args.add(current.toString());
		}
		return args;
	}

	private static List<String> flags(String written, Set<String> known, String directive, String origin) {
		if (!written.startsWith("[") || !written.endsWith("]")) {
			throw invalid(origin, "flags must be written in brackets, got '" + written + "'", "Write e.g. [L,NC].");
		}
		List<String> flags = new ArrayList<>();
		for (String flag : written.substring(1, written.length() - 1).split(",")) {
			if (!known.contains(flagName(flag))) {
				throw invalid(origin, "unknown flag '" + flag.strip() + "' of " + directive,
						"Known flags: " + String.join(", ", new TreeSet<>(known)) + ".");
			}
			flags.add(flag.strip());
		}
		return flags;
	}

	private static String flagName(String flag) {
		String name = flag.strip();
		int eq = name.indexOf('=');
		return ((eq >= 0) ? name.substring(0, eq) : name).toLowerCase(Locale.ROOT);
	}

	private static String flagValue(String flag) {
		int eq = flag.indexOf('=');
		return (eq >= 0) ? flag.substring(eq + 1) : null;
	}

	private static RewriteRule.EnvAssignment envFlag(String value, String origin) {
		if (value == null || value.isEmpty()) {
			throw invalid(origin, "the E flag needs a variable", "Write [E=name:value] or [E=!name].");
		}
		if (value.startsWith("!")) {
			return new RewriteRule.EnvAssignment(value.substring(1), null);
		}
		int colon = value.indexOf(':');
		return (colon >= 0) ? new RewriteRule.EnvAssignment(value.substring(0, colon), value.substring(colon + 1))
				: new RewriteRule.EnvAssignment(value, "");
	}

	private static int redirectStatus(String value, String origin) {
		if (value == null) {
			return 302;
		}
		switch (value.toLowerCase(Locale.ROOT)) {
			case "permanent" -> {
				return 301;
			}
			case "temp" -> {
				return 302;
			}
			case "seeother" -> {
				return 303;
			}
			default -> {
				try {
					int status = Integer.parseInt(value);
					if (status >= 300 && status <= 599) {
						return status;
					}
				}
				catch (NumberFormatException ex) {
					// reported below
				}
				throw invalid(origin, "R=" + value + " is not a redirect status", "Write R, R=301 or R=permanent.");
			}
		}
	}

	private static int skipCount(String value, String origin) {
		try {
			int count = Integer.parseInt(String.valueOf(value));
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(origin, "S=" + value + " is not a number of rules", "Write [S=2].");
	}

	private static String unquote(String s) {
		return (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) ? s.substring(1, s.length() - 1) : s;
	}

	static WsgiConfigException invalid(String origin, String reason, String action) {
		return new WsgiConfigException(origin, reason, action);
	}

	static WsgiConfigException unsupported(String origin, String reason, String action) {
		return new WsgiConfigException(origin, reason, action);
	}

	/** Whether a problem reported here is a valid feature that is not built yet (rather than a mistake). */
	public static boolean isUnsupported(WsgiConfigException ex) {
		return ex.getReason().contains("not supported yet");
	}

}
