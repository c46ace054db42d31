package dev.wsgiboot.core.routing;

/**
 * The URL path of a request as Apache hands it to mod_wsgi: percent-decoded,
 * bytes exposed as latin-1 characters (PEP 3333 native strings), repeated
 * slashes merged and dot segments resolved. Decoding can also fail with the
 * status Apache answers: 400 for a malformed escape or a path above the root,
 * 404 for an encoded slash or NUL.
 */
public final class DecodedPath {

	private final String path;

	private final int errorStatus;

	private final String error;

	private DecodedPath(String path, int errorStatus, String error) {
		this.path = path;
		this.errorStatus = errorStatus;
		this.error = error;
	}

	/** The decoded, normalised path; {@code null} when {@link #isValid()} is false. */
	public String path() {
		return this.path;
	}

	public boolean isValid() {
		return this.path != null;
	}

	/** 400 or 404 when the path could not be decoded. */
	public int errorStatus() {
		return this.errorStatus;
	}

	public String error() {
		return this.error;
	}

	/**
	 * Decodes a raw request path (no query string) whose characters are the
	 * request bytes as latin-1, as Tomcat's {@code getRequestURI()} returns them.
	 */
	public static DecodedPath decode(String rawPath) {
		return decode(rawPath, EncodedSlashes.OFF);
	}

	/**
	 * Apache's {@code AllowEncodedSlashes}: {@code OFF} answers 404 for a path
	 * holding {@code %2F}, {@code ON} decodes it to '/', {@code NO_DECODE} keeps
	 * the three characters as written.
	 */
	public enum EncodedSlashes {

		OFF, ON, NO_DECODE

	}

	/** As {@link #decode(String)}, with the given {@code AllowEncodedSlashes} behaviour. */
	public static DecodedPath decode(String rawPath, EncodedSlashes encodedSlashes) {
		if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return invalid(400, "request path must start with '/'");
		}
		int length = rawPath.length();
		char[] out = null;
		int n = 0;
		for (int i = 0; i < length; i++) {
			char c = rawPath.charAt(i);
			if (c == '%') {
				if (i + 2 >= length) {
					return invalid(400, "truncated percent escape");
				}
				int hi = Character.digit(rawPath.charAt(i + 1), 16);
				int lo = Character.digit(rawPath.charAt(i + 2), 16);
				if (hi < 0 || lo < 0) {
					return invalid(400, "invalid percent escape");
				}
				c = (char) ((hi << 4) | lo);
				if (c == '/' && encodedSlashes != EncodedSlashes.ON) {
					if (encodedSlashes == EncodedSlashes.OFF) {
						return invalid(404, "encoded slash (%2F) in path");
					}
					if (out == null) {
						out = new char[length];
						rawPath.getChars(0, i, out, 0);
						n = i;
					}
					out[n++] = '%';
					out[n++] = rawPath.charAt(i + 1);
					out[n++] = rawPath.charAt(i + 2);
					i += 2;
					continue;
				}
				if (c == 0) {
					return invalid(404, "encoded NUL (%00) in path");
				}
				if (out == null) {
					out = new char[length];
					rawPath.getChars(0, i, out, 0);
					n = i;
				}
				out[n++] = c;
				i += 2;
			}
			else if (out != null) {
				out[n++] = c;
			}
		}
		String decoded = (out != null) ? new String(out, 0, n) : rawPath;
		String normalized = normalize(decoded);
		if (normalized == null) {
			return invalid(400, "path climbs above the root");
		}
		return new DecodedPath(normalized, 0, null);
	}

	private static DecodedPath invalid(int status, String error) {
		return new DecodedPath(null, status, error);
	}

	/**
	 * Merges repeated slashes and resolves {@code .} and {@code ..} segments;
	 * {@code null} when a {@code ..} would climb above the root. Returns its
	 * argument when there is nothing to do (the common case, no allocation).
	 */
	static String normalize(String path) {
		if (!needsNormalizing(path)) {
			return path;
		}
		StringBuilder sb = new StringBuilder(path.length());
		int length = path.length();
		int i = 0;
		while (i < length) {
			// path.charAt(i) == '/' here; skip repeated slashes
			while (i < length && path.charAt(i) == '/') {
				i++;
			}
			int end = path.indexOf('/', i);
			if (end < 0) {
				end = length;
			}
			boolean last = end == length;
			int segLength = end - i;
			if (segLength == 1 && path.charAt(i) == '.') {
				if (last) {
					sb.append('/');
				}
			}
			else if (segLength == 2 && path.charAt(i) == '.' && path.charAt(i + 1) == '.') {
				int cut = sb.lastIndexOf("/");
				if (cut < 0) {
					return null;
				}
				sb.setLength(cut);
				if (last) {
					sb.append('/');
				}
			}
			else if (segLength > 0) {
				sb.append('/').append(path, i, end);
			}
			else if (last) {
				sb.append('/');
			}
			i = end;
		}
		if (sb.isEmpty()) {
			sb.append('/');
		}
		return sb.toString();
	}

	private static boolean needsNormalizing(String path) {
		int length = path.length();
		for (int i = 0; i < length; i++) {
			if (path.charAt(i) == '/' && i + 1 < length) {
				char next = path.charAt(i + 1);
				if (next == '/') {
					return true;
				}
				if (next == '.' && (i + 2 == length || path.charAt(i + 2) == '/'
						|| (path.charAt(i + 2) == '.' && (i + 3 == length || path.charAt(i + 3) == '/')))) {
					return true;
				}
			}
		}
		return false;
	}

	/** {@code path} with runs of slashes made one, as Apache's URL mapping does. */
	public static String collapseSlashes(String path) {
		if (!path.contains("//")) {
			return path;
		}
		StringBuilder sb = new StringBuilder(path.length());
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c != '/' || sb.isEmpty() || sb.charAt(sb.length() - 1) != '/') {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
