package dev.wsgiboot.autoconfigure;

import java.util.HashSet;
import java.util.Set;

/**
 * The request paths that Spring MVC's own handler mappings might answer, as a
 * superset: a path outside it is certainly answered by none of them. Built from
 * their URL patterns: a literal pattern ({@code /java/hello}) claims itself and
 * everything below it, a pattern with a wildcard or a variable
 * ({@code /api/{id}}) everything below its literal directory ({@code /api}),
 * {@code /} itself only the root. A path with {@code %}, {@code ;} or an empty
 * segment is always claimed, as Spring matches such paths after decoding and
 * normalising them.
 */
final class JavaHandlerPaths {

	/** Claims every path: nothing is known, or a mapping may answer anything. */
	static final JavaHandlerPaths ALL = new JavaHandlerPaths(true, false, Set.of(), "");

	private final boolean all;

	private final boolean root;

	/** Literal directories: each claims itself and every path below it ({@code /java} claims {@code /java/x}). */
	private final Set<String> bases;

	private final String why;

	private JavaHandlerPaths(boolean all, boolean root, Set<String> bases, String why) {
		this.all = all;
		this.root = root;
		this.bases = bases;
		this.why = why;
	}

	/**
	 * Whether a Java handler mapping might answer this path (within the
	 * application, starting with {@code /}).
	 */
	boolean mayClaim(String path) {
		return mayClaim(path, 0);
	}

	/**
	 * Whether a Java handler mapping might answer the path that starts at
	 * {@code from} in {@code uri} (the request URI after its context path).
	 */
	boolean mayClaim(String uri, int from) {
		if (this.all) {
			return true;
		}
		int end = uri.length();
		if (from >= end || uri.charAt(from) != '/') {
			return true;
		}
		if (end - from == 1) {
			return this.root;
		}
		for (int i = from; i < end; i++) {
			char c = uri.charAt(i);
			if (c == '%' || c == ';' || (c == '/' && i + 1 < end && uri.charAt(i + 1) == '/')) {
				return true;
			}
		}
		if (this.bases.isEmpty()) {
			return false;
		}
		int slash = uri.indexOf('/', from + 1);
		while (true) {
			int stop = (slash < 0) ? end : slash;
			if (this.bases.contains(uri.substring(from, stop))) {
				return true;
			}
			if (slash < 0 || slash + 1 == end) {
				return false;
			}
			slash = uri.indexOf('/', slash + 1);
		}
	}

	/** True when every path is claimed. */
	boolean claimsAll() {
		return this.all;
	}

	/** Why every path is claimed, for the log; empty otherwise. */
	String why() {
		return this.why;
	}

	@Override
	public String toString() {
		return this.all ? "all paths (" + this.why + ")" : "root " + this.root + ", below " + this.bases;
	}

	/** Collects the patterns of the mappings ordered before the WSGI mapping. */
	static final class Builder {

		private final Set<String> bases = new HashSet<>();

		private boolean root;

		private String all;

		/** A URL pattern of a handler mapping (PathPattern or Ant style). */
		Builder pattern(String pattern) {
			if (pattern.isEmpty() || pattern.equals("/")) {
				this.root = true;
				return this;
			}
			if (pattern.charAt(0) != '/') {
				return all("the pattern '" + pattern + "' is relative");
			}
			int wildcard = firstWildcard(pattern);
			String base;
			if (wildcard < 0) {
				base = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
			}
			else {
				base = pattern.substring(0, pattern.lastIndexOf('/', wildcard));
			}
			if (base.isEmpty() || base.contains("//")) {
				return all("the pattern '" + pattern + "' may match any path");
			}
			if (base.equals("/")) {
				// "//": the root; a path with an empty segment is claimed anyway
				return root();
			}
			this.bases.add(base);
			return this;
		}

		/** A mapping answers the root path ({@code /}) itself. */
		Builder root() {
			this.root = true;
			return this;
		}

		/** A mapping may answer any path. */
		Builder all(String why) {
			if (this.all == null) {
				this.all = why;
			}
			return this;
		}

		JavaHandlerPaths build() {
			if (this.all != null) {
				return new JavaHandlerPaths(true, true, Set.of(), this.all);
			}
			return new JavaHandlerPaths(false, this.root, Set.copyOf(this.bases), "");
		}

		private static int firstWildcard(String pattern) {
			for (int i = 0; i < pattern.length(); i++) {
				switch (pattern.charAt(i)) {
					case '*', '?', '{', '}', '[', ']', '\\', '%', ';' -> {
						return i;
					}
					default -> {
					}
				}
			}
			return -1;
		}

	}

}
