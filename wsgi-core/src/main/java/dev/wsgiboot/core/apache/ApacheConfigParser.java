package dev.wsgiboot.core.apache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the syntax of Apache httpd 2.4 configuration files into a tree of
 * {@link ApacheDirective}s, without giving the directives any meaning.
 * <p>
 * What it does, like httpd:
 * <ul>
 * <li>one directive per line; lines whose first non-blank character is {@code #}
 * are comments (a {@code #} anywhere else is an ordinary character); a line
 * ending with a backslash continues on the next line, and since that happens
 * before comments are recognised, a comment ending with a backslash swallows the
 * next line too;</li>
 * <li>arguments are separated by blanks; an argument starting with {@code "} or
 * {@code '} runs to the matching quote, inside which a backslash escapes that
 * quote or a backslash (any other backslash is kept, so regular expressions
 * survive); a quote elsewhere in an argument is an ordinary character;</li>
 * <li>{@code <Name args>} opens a section that {@code </Name>} closes, names
 * compared ignoring case;</li>
 * <li>{@code Define}, {@code UnDefine}, {@code <IfDefine>}, {@code <IfModule>},
 * {@code Include} and {@code IncludeOptional} are carried out while reading, in
 * file order, and do not appear in the tree: the contents of a conditional
 * section that holds, and the directives of included files, take their
 * place;</li>
 * <li>{@code ${NAME}} in an argument is replaced by the {@code Define}d value or
 * else the environment variable, and left as written when neither exists.</li>
 * </ul>
 * Differences from httpd: variables are substituted in each argument after its
 * quotes are removed (httpd substitutes in the whole line first), so a value
 * containing blanks stays one argument; relative {@code Include} paths are
 * resolved against the directory of the including file rather than
 * {@code ServerRoot}; a {@code Define} without a value substitutes as the empty
 * string.
 * <p>
 * The parser is immutable and may be shared; each {@code parse} call starts from
 * the defines given to the constructor.
 */
public final class ApacheConfigParser {

	private static final Pattern WILDCARD = Pattern.compile("[*?]|\\[.*]");

	private final Map<String, String> defines;

	private final Predicate<String> moduleAvailable;

	/**
	 * @param defines variables defined before the first file is read, like
	 * {@code httpd -D NAME}; a {@code null} value counts as the empty string
	 * @param moduleAvailable answers {@code <IfModule name>} for a module
	 * identifier or name such as {@code mod_wsgi.c} or {@code wsgi_module}
	 */
	public ApacheConfigParser(Map<String, String> defines, Predicate<String> moduleAvailable) {
		Objects.requireNonNull(defines, "defines");
		Objects.requireNonNull(moduleAvailable, "moduleAvailable");
		Map<String, String> copy = new LinkedHashMap<>();
		defines.forEach((name, value) -> copy.put(name, (value != null) ? value : ""));
		this.defines = copy;
		this.moduleAvailable = moduleAvailable;
	}

	/**
	 * Reads a configuration file (UTF-8) and everything it includes.
	 * @throws ApacheConfigException when a file cannot be read or is not valid;
	 * located at the file's name when {@code file} itself cannot be read, at the
	 * {@code Include} directive when an included file cannot be read or found
	 */
	public List<ApacheDirective> parse(Path file) throws ApacheConfigException {
		Objects.requireNonNull(file, "file");
		return new Session().parseFile(file, file.toString(), null);
	}

	/**
	 * Reads configuration text that was already loaded, e.g. from the classpath.
	 * @param text the file's contents
	 * @param fileName how to name the file in directives and error messages
	 * @param baseDirectory the directory that relative {@code Include} paths are
	 * resolved against; {@code null} for the working directory
	 * @throws ApacheConfigException when the text or an included file is not valid
	 */
	public List<ApacheDirective> parse(String text, String fileName, Path baseDirectory)
			throws ApacheConfigException {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(fileName, "fileName");
		List<ApacheDirective> raw = new SyntaxReader(fileName).read(text);
		return new Session().interpret(raw, (baseDirectory != null) ? baseDirectory : Path.of(""));
	}

	/**
	 * The state of one {@code parse} call: the variables defined so far and the
	 * files being read, innermost last, to detect include loops.
	 */
	private final class Session {

		private final Map<String, String> variables = new LinkedHashMap<>(ApacheConfigParser.this.defines);

		private final Map<Path, String> reading = new LinkedHashMap<>();

		List<ApacheDirective> parseFile(Path file, String name, String includedFrom) {
			Path realPath = realPath(file, name, includedFrom);
			enter(realPath, name, includedFrom);
			try {
				String text = read(file, name, includedFrom);
				List<ApacheDirective> raw = new SyntaxReader(name).read(text);
				Path parent = file.getParent();
				return interpret(raw, (parent != null) ? parent : Path.of(""));
			}
			finally {
				this.reading.remove(realPath);
			}
		}

		List<ApacheDirective> interpret(List<ApacheDirective> raw, Path baseDirectory) {
			List<ApacheDirective> result = new ArrayList<>();
			for (ApacheDirective directive : raw) {
				interpret(directive, baseDirectory, result);
			}
			return result;
		}

		private void interpret(ApacheDirective directive, Path baseDirectory, List<ApacheDirective> result) {
			if (directive.is("IfDefine") || directive.is("IfModule")) {
				if (!directive.isSection()) {
					throw new ApacheConfigException(directive.location(), directive.name()
							+ " must be written as a section, <" + directive.name() + " ...>...</" + directive.name()
							+ ">");
				}
				if (holds(directive)) {
					for (ApacheDirective child : directive.children()) {
						interpret(child, baseDirectory, result);
					}
				}
				return;
			}
			if (directive.is("Define") || directive.is("UnDefine") || directive.is("Include")
					|| directive.is("IncludeOptional")) {
				if (directive.isSection()) {
					throw new ApacheConfigException(directive.location(),
							directive.name() + " is a directive, not a section");
				}
				if (directive.is("Define")) {
					define(directive);
				}
				else if (directive.is("UnDefine")) {
					undefine(directive);
				}
				else {
					include(directive, directive.is("IncludeOptional"), baseDirectory, result);
				}
				return;
			}
			List<String> args = substitute(directive.args());
			if (directive.isSection()) {
				List<ApacheDirective> children = new ArrayList<>();
				for (ApacheDirective child : directive.children()) {
					interpret(child, baseDirectory, children);
				}
				result.add(new ApacheDirective(directive.name(), args, directive.file(), directive.line(), children,
						true));
			}
			else {
				result.add(new ApacheDirective(directive.name(), args, directive.file(), directive.line(), List.of(),
						false));
			}
		}

		private boolean holds(ApacheDirective conditional) {
			List<String> args = substitute(conditional.args());
			String what = conditional.is("IfDefine") ? "variable" : "module";
			if (args.size() != 1 || args.get(0).equals("!")) {
				throw new ApacheConfigException(conditional.location(), "<" + conditional.name()
						+ "> takes one argument, a " + what + " name optionally preceded by '!'");
			}
			String argument = args.get(0);
			boolean negated = argument.startsWith("!");
			String name = negated ? argument.substring(1) : argument;
			boolean present = conditional.is("IfDefine") ? this.variables.containsKey(name)
					: ApacheConfigParser.this.moduleAvailable.test(name);
			return present != negated;
		}

		private void define(ApacheDirective define) {
			List<String> args = substitute(define.args());
			if (args.isEmpty() || args.size() > 2) {
				throw new ApacheConfigException(define.location(),
						define.name() + " takes a variable name and an optional value");
			}
			this.variables.put(args.get(0), (args.size() > 1) ? args.get(1) : "");
		}

		private void undefine(ApacheDirective undefine) {
			List<String> args = substitute(undefine.args());
			if (args.size() != 1) {
				throw new ApacheConfigException(undefine.location(),
						undefine.name() + " takes one argument, a variable name");
			}
			this.variables.remove(args.get(0));
		}

		private List<String> substitute(List<String> args) {
			List<String> result = new ArrayList<>(args.size());
			for (String arg : args) {
				result.add(substitute(arg));
			}
			return result;
		}

		/**
		 * Replaces each {@code ${NAME}} with the defined value, else the environment
		 * variable; leaves it as written when neither exists. Substituted values are
		 * not scanned again.
		 */
		private String substitute(String arg) {
			int start = arg.indexOf("${");
			if (start < 0) {
				return arg;
			}
			StringBuilder result = new StringBuilder(arg.length());
			int done = 0;
			while (start >= 0) {
				int end = arg.indexOf('}', start + 2);
				if (end < 0) {
					break;
				}
				String name = arg.substring(start + 2, end);
				String value = name.isEmpty() ? null : this.variables.get(name);
				if (value == null && !name.isEmpty()) {
					value = System.getenv(name);
				}
				result.append(arg, done, start).append((value != null) ? value : arg.substring(start, end + 1));
				done = end + 1;
				start = arg.indexOf("${", done);
			}
			return result.append(arg, done, arg.length()).toString();
		}

		private void include(ApacheDirective include, boolean optional, Path baseDirectory,
				List<ApacheDirective> result) {
			List<String> args = substitute(include.args());
			if (args.size() != 1) {
				throw new ApacheConfigException(include.location(),
						include.name() + " takes one argument, a file, directory or wildcard pattern");
			}
			String pattern = args.get(0);
			List<Path> paths = new ArrayList<>();
			try {
				int wildcard = firstWildcardComponent(pattern);
				if (wildcard < 0) {
					Path path = baseDirectory.resolve(pattern).normalize();
					if (Files.exists(path)) {
						paths.add(path);
					}
					else if (!optional) {
						throw new ApacheConfigException(include.location(),
								include.name() + " " + path + ": no such file or directory");
					}
				}
				else {
					Path fixed = baseDirectory.resolve(pattern.substring(0, wildcard)).normalize();
					List<String> components = new ArrayList<>();
					for (String component : pattern.substring(wildcard).split("/")) {
						if (!component.isEmpty()) {
							components.add(component);
						}
					}
					expand(fixed, components, 0, include, paths);
					if (paths.isEmpty() && !optional) {
						throw new ApacheConfigException(include.location(),
								include.name() + " " + pattern + ": wildcard matches no files (looked in " + fixed
										+ ")");
					}
				}
			}
			catch (InvalidPathException ex) {
				throw new ApacheConfigException(include.location(),
						include.name() + ": invalid path '" + pattern + "': " + ex.getReason(), ex);
			}
			for (Path path : paths) {
				includePath(path, include, result);
			}
		}

		/**
		 * Adds the paths under {@code directory} matching {@code components} from
		 * {@code index} on, in sorted order.
		 */
		private void expand(Path directory, List<String> components, int index, ApacheDirective include,
				List<Path> matches) {
			String component = components.get(index);
			boolean last = index == components.size() - 1;
			if (!isWildcard(component)) {
				Path path = directory.resolve(component).normalize();
				if (last && Files.exists(path)) {
					matches.add(path);
				}
				else if (!last && Files.isDirectory(path)) {
					expand(path, components, index + 1, include, matches);
				}
				return;
			}
			if (!Files.isDirectory(directory)) {
				return;
			}
			Pattern glob = Glob.toPattern(component);
			boolean hiddenAllowed = component.startsWith(".");
			for (Path entry : list(directory, include)) {
				String name = entry.getFileName().toString();
				if (!glob.matcher(name).matches() || (name.startsWith(".") && !hiddenAllowed)) {
					continue;
				}
				if (last) {
					matches.add(entry);
				}
				else if (Files.isDirectory(entry)) {
					expand(entry, components, index + 1, include, matches);
				}
			}
		}

		/** A file is read; a directory includes everything in it, recursively. */
		private void includePath(Path path, ApacheDirective include, List<ApacheDirective> result) {
			String name = path.toString();
			if (!Files.isDirectory(path)) {
				result.addAll(parseFile(path, name, include.location()));
				return;
			}
			Path realPath = realPath(path, name, include.location());
			enter(realPath, name, include.location());
			try {
				for (Path entry : list(path, include)) {
					includePath(entry, include, result);
				}
			}
			finally {
				this.reading.remove(realPath);
			}
		}

		private void enter(Path realPath, String name, String includedFrom) {
			if (this.reading.containsKey(realPath)) {
				StringBuilder chain = new StringBuilder();
				boolean inLoop = false;
				for (Map.Entry<Path, String> entry : this.reading.entrySet()) {
					inLoop = inLoop || entry.getKey().equals(realPath);
					if (inLoop) {
						chain.append(entry.getValue()).append(" -> ");
					}
				}
				throw new ApacheConfigException(includedFrom, "include loop: " + chain + name);
			}
			this.reading.put(realPath, name);
		}

		private List<Path> list(Path directory, ApacheDirective include) {
			List<Path> entries = new ArrayList<>();
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
				stream.forEach(entries::add);
			}
			catch (IOException ex) {
				throw new ApacheConfigException(include.location(),
						"cannot list directory " + directory + ": " + describe(ex), ex);
			}
			entries.sort(Comparator.comparing((Path entry) -> entry.getFileName().toString()));
			return entries;
		}

	}

	/** The start of the first path component of an Include pattern that holds a wildcard, or -1. */
	private static int firstWildcardComponent(String pattern) {
		int start = 0;
		for (String component : pattern.split("/", -1)) {
			if (isWildcard(component)) {
				return start;
			}
			start += component.length() + 1;
		}
		return -1;
	}

	private static boolean isWildcard(String component) {
		return WILDCARD.matcher(component).find();
	}

	private static Path realPath(Path path, String name, String includedFrom) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			throw readFailure(name, includedFrom, ex);
		}
	}

	private static String read(Path file, String name, String includedFrom) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw readFailure(name, includedFrom, ex);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ApacheConfigException((includedFrom != null) ? includedFrom : name,
					((includedFrom != null) ? "included file " + name + " " : "") + "is not UTF-8 text", ex);
		}
	}

	private static ApacheConfigException readFailure(String name, String includedFrom, IOException ex) {
		if (includedFrom != null) {
			return new ApacheConfigException(includedFrom, "cannot read included file " + name + ": " + describe(ex),
					ex);
		}
		return new ApacheConfigException(name, "cannot read file: " + describe(ex), ex);
	}

	private static String describe(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
			return fileSystemException.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * Turns the text of one file into a tree of directives, checking quotes and
	 * section nesting. Arguments are unquoted but not yet substituted, and nothing
	 * is interpreted: that happens later, in file order, so that a conditional
	 * section that does not hold is only checked, not acted on.
	 */
	private static final class SyntaxReader {

		private final String file;

		SyntaxReader(String file) {
			this.file = file;
		}

		List<ApacheDirective> read(String text) {
			List<ApacheDirective> top = new ArrayList<>();
			Deque<OpenSection> open = new ArrayDeque<>();
			for (LogicalLine line : LogicalLine.split(text)) {
				String content = strip(line.text());
				if (content.isEmpty() || content.charAt(0) == '#') {
					continue;
				}
				String location = this.file + ":" + line.number();
				if (content.startsWith("</")) {
					ApacheDirective section = close(content, location, open);
					(open.isEmpty() ? top : open.peek().children()).add(section);
				}
				else if (content.charAt(0) == '<') {
					open.push(open(content, line.number(), location));
				}
				else {
					List<Token> tokens = Token.split(content, location);
					List<String> args = new ArrayList<>();
					for (Token token : tokens.subList(1, tokens.size())) {
						args.add(token.value());
					}
					(open.isEmpty() ? top : open.peek().children()).add(new ApacheDirective(tokens.get(0).value(), args, this.file, line.number(), List.of(),
							false));
				}
			}
			if (!open.isEmpty()) {
				OpenSection section = open.peek();
				throw new ApacheConfigException(this.file + ":" + section.line(), "<" + section.name()
						+ "> section is never closed: </" + section.name() + "> is missing before the end of the file");
			}
			return top;
		}

		private OpenSection open(String content, int line, String location) {
			int nameEnd = nameEnd(content, 1);
			String name = content.substring(1, nameEnd);
			if (name.isEmpty()) {
				throw new ApacheConfigException(location, "section name missing after '<'");
			}
			List<Token> tokens = Token.split(content.substring(nameEnd), location);
			int closing = -1;
			for (int i = tokens.size() - 1; i >= 0 && closing < 0; i--) {
				if (!tokens.get(i).quoted() && tokens.get(i).value().indexOf('>') >= 0) {
					closing = i;
				}
			}
			if (closing < 0) {
				throw new ApacheConfigException(location, "<" + name + "> directive missing closing '>'");
			}
			String last = tokens.get(closing).value();
			int gt = last.lastIndexOf('>');
			if (gt != last.length() - 1 || closing != tokens.size() - 1) {
				throw new ApacheConfigException(location, "unexpected text after the closing '>' of <" + name + ">");
			}
			List<String> args = new ArrayList<>();
			for (Token token : tokens.subList(0, closing)) {
				args.add(token.value());
			}
			if (gt > 0) {
				args.add(last.substring(0, gt));
			}
			return new OpenSection(name, args, line, new ArrayList<>());
		}

		private ApacheDirective close(String content, String location, Deque<OpenSection> open) {
			int nameEnd = nameEnd(content, 2);
			String name = content.substring(2, nameEnd);
			String rest = strip(content.substring(nameEnd));
			if (name.isEmpty()) {
				throw new ApacheConfigException(location, "section name missing after '</'");
			}
			if (!rest.startsWith(">")) {
				throw new ApacheConfigException(location, "</" + name + "> directive missing closing '>'");
			}
			if (rest.length() > 1) {
				throw new ApacheConfigException(location, "unexpected text after </" + name + ">");
			}
			if (open.isEmpty()) {
				throw new ApacheConfigException(location, "</" + name + "> without matching <" + name + "> section");
			}
			OpenSection section = open.pop();
			if (!section.name().equalsIgnoreCase(name)) {
				throw new ApacheConfigException(location, "</" + name + "> does not match <" + section.name()
						+ "> opened at " + this.file + ":" + section.line() + "; expected </" + section.name() + ">");
			}
			return new ApacheDirective(section.name(), section.args(), this.file, section.line(), section.children(),
					true);
		}

		private static int nameEnd(String content, int from) {
			int end = from;
			while (end < content.length() && !isBlank(content.charAt(end)) && content.charAt(end) != '>') {
				end++;
			}
			return end;
		}

		private record OpenSection(String name, List<String> args, int line, List<ApacheDirective> children) {
		}

	}

	/** A line after backslash continuations are joined, numbered by its first physical line. */
	private record LogicalLine(String text, int number) {

		static List<LogicalLine> split(String text) {
			String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
			List<LogicalLine> lines = new ArrayList<>();
			StringBuilder pending = null;
			int start = 0;
			int number = 0;
			for (String physical : content.split("\n", -1)) {
				number++;
				String line = physical.endsWith("\r") ? physical.substring(0, physical.length() - 1) : physical;
				if (pending == null) {
					pending = new StringBuilder();
					start = number;
				}
				if (line.endsWith("\\")) {
					pending.append(line, 0, line.length() - 1);
					continue;
				}
				lines.add(new LogicalLine(pending.append(line).toString(), start));
				pending = null;
			}
			if (pending != null) {
				lines.add(new LogicalLine(pending.toString(), start));
			}
			return lines;
		}

	}

	/** One argument of a line, unquoted; remembers whether it was quoted. */
	private record Token(String value, boolean quoted) {

		static List<Token> split(String text, String location) {
			List<Token> tokens = new ArrayList<>();
			int length = text.length();
			int i = 0;
			while (true) {
				while (i < length && isBlank(text.charAt(i))) {
					i++;
				}
				if (i >= length) {
					return tokens;
				}
				char quote = text.charAt(i);
				if (quote == '"' || quote == '\'') {
					StringBuilder value = new StringBuilder();
					int j = i + 1;
					boolean closed = false;
					while (j < length && !closed) {
						char c = text.charAt(j);
						if (c == '\\' && j + 1 < length && (text.charAt(j + 1) == quote || text.charAt(j + 1) == '\\')) {
							value.append(text.charAt(j + 1));
							j += 2;
						}
						else {
							closed = c == quote;
							if (!closed) {
								value.append(c);
							}
							j++;
						}
					}
					if (!closed) {
						throw new ApacheConfigException(location,
								"unterminated quoted argument, missing closing " + quote + ": " + text.substring(i));
					}
					tokens.add(new Token(value.toString(), true));
					i = j;
				}
				else {
					int j = i;
					while (j < length && !isBlank(text.charAt(j))) {
						j++;
					}
					tokens.add(new Token(text.substring(i, j), false));
					i = j;
				}
			}
		}

	}

	/** Shell-style wildcards for one path component: {@code *}, {@code ?}, {@code [...]}. */
	private static final class Glob {

		private Glob() {
		}

		static Pattern toPattern(String glob) {
			StringBuilder regex = new StringBuilder();
			int length = glob.length();
			for (int i = 0; i < length; i++) {
				char c = glob.charAt(i);
				if (c == '*') {
					regex.append(".*");
				}
				else if (c == '?') {
					regex.append('.');
				}
				else if (c == '\\' && i + 1 < length) {
					regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
				}
				else if (c == '[' && bracketEnd(glob, i) > 0) {
					int end = bracketEnd(glob, i);
					regex.append(bracket(glob.substring(i + 1, end)));
					i = end;
				}
				else {
					regex.append(Pattern.quote(String.valueOf(c)));
				}
			}
			return Pattern.compile(regex.toString(), Pattern.DOTALL);
		}

		/** The index of the ']' closing the bracket expression at {@code start}, or -1. */
		private static int bracketEnd(String glob, int start) {
			int i = start + 1;
			if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
				i++;
			}
			if (i < glob.length() && glob.charAt(i) == ']') {
				i++;
			}
			return glob.indexOf(']', i);
		}

		private static String bracket(String body) {
			StringBuilder regex = new StringBuilder("[");
			int first = 0;
			if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
				regex.append('^');
				first = 1;
			}
			for (int i = first; i < body.length(); i++) {
				char c = body.charAt(i);
				boolean range = c == '-' && i > first && i < body.length() - 1;
				if (range || Character.isLetterOrDigit(c)) {
					regex.append(c);
				}
				else {
					regex.append('\\').append(c);
				}
			}
			return regex.append(']').toString();
		}

	}

	private static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isBlank(text.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/** Blanks as httpd sees them: ASCII white space. */
	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u000B';
	}

}
