package dev.wsgiboot.core.runtime;

/**
 * The HTTP grammar's small pieces that more than one part of the project checks
 * (RFC 9110, section 5.6.2).
 */
public final class HttpSyntax {

	private static final String SEPARATORS = "()<>@,;:\\\"/[]?={}";

	private HttpSyntax() {
	}

	/** Whether {@code text} is a token: a header name or a method, non-empty, no separators, spaces or controls. */
	public static boolean isToken(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c <= ' ' || c >= 127 || SEPARATORS.indexOf(c) >= 0) {
				return false;
			}
		}
		return true;
	}

}
