package dev.wsgiboot.core.apache;

import java.util.List;
import java.util.Objects;

/**
 * One directive or section of an Apache httpd configuration file, as read by
 * {@link ApacheConfigParser}. Immutable.
 * <p>
 * A plain directive such as {@code WSGIScriptAlias /app /srv/app.wsgi} has no
 * children; a section such as {@code <Directory /srv>...</Directory>} has
 * {@link #section() section} set and holds what was written between its opening
 * and closing tags.
 *
 * @param name the directive's name as written, e.g. {@code WSGIScriptAlias}, or
 * {@code Directory} for {@code <Directory ...>}; Apache names are
 * case-insensitive, so compare them with {@link #is(String)}
 * @param args the arguments, with quotes removed and {@code ${VAR}} substituted
 * @param file the path (or {@code classpath:} location) of the file the directive
 * was read from, as given to the parser or to {@code Include}
 * @param line the 1-based line where the directive starts (its first physical
 * line when it is continued with a backslash)
 * @param children the contents of a section; empty for a plain directive
 * @param section whether the directive was written as a section,
 * {@code <Name ...>...</Name>}; a section may be empty
 */
public record ApacheDirective(String name, List<String> args, String file, int line,
		List<ApacheDirective> children, boolean section) {

	public ApacheDirective {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(file, "file");
		args = List.copyOf(args);
		children = List.copyOf(children);
		if (!section && !children.isEmpty()) {
			throw new IllegalArgumentException("Plain directive " + name + " cannot have children");
		}
	}

	/**
	 * A directive that is a section exactly when it has children. Use the
	 * canonical constructor for an empty section.
	 */
	public ApacheDirective(String name, List<String> args, String file, int line, List<ApacheDirective> children) {
		this(name, args, file, line, children, !children.isEmpty());
	}

	/** Whether it was written as {@code <Name ...>...</Name>}. */
	public boolean isSection() {
		return this.section;
	}

	/** Whether this directive's name is {@code directiveName}, ignoring case. */
	public boolean is(String directiveName) {
		return this.name.equalsIgnoreCase(directiveName);
	}

	/** {@code file:line}, for error messages. */
	public String location() {
		return this.file + ":" + this.line;
	}

}
