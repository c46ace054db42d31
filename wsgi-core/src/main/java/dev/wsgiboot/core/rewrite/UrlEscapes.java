package dev.wsgiboot.core.rewrite;

import java.nio.charset.StandardCharsets;

/**
 * Percent-escaping as mod_rewrite applies it to redirect locations and its
 * {@code int:escape} / {@code int:unescape} maps. Paths here are decoded bytes
 * held as ISO-8859-1 characters, as the router keeps them.
 */
final class UrlEscapes {

	private static final String SAFE = "-._~!$&'()*+,;=:@/";

	private UrlEscapes() {
	}

	/** Escapes every character that may not stand in a URL path (including '%', '?' and '#'). */
	static String escapePath(String path) {
		StringBuilder sb = null;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| SAFE.indexOf(c) >= 0;
			if (safe) {
				if (sb != null) {
					sb.append(c);
				}
				continue;
			}
			if (sb == null) {
				sb = new StringBuilder(path.length() + 16).append(path, 0, i);
			}
			byte[] bytes = (c < 256) ? new byte[] { (byte) c }
					: String.valueOf(c).getBytes(StandardCharsets.UTF_8);
			for (byte b : bytes) {
				sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return (sb != null) ? sb.toString() : path;
	}

	/** Decodes {@code %XX} escapes to ISO-8859-1 characters; a malformed escape is kept as written. */
	static String unescape(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '%' && i + 2 < s.length()) {
				int high = Character.digit(s.charAt(i + 1), 16);
				int low = Character.digit(s.charAt(i + 2), 16);
				if (high >= 0 && low >= 0) {
					sb.append((char) ((high << 4) | low));
					i += 2;
					continue;
				}
			}
			sb.append(c);
		}
		return sb.toString();
	}

}
