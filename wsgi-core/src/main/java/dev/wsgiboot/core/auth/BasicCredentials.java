package dev.wsgiboot.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The user and password of an {@code Authorization: Basic ...} header, as
 * bytes shown as latin-1 (PEP 3333's native strings), or {@code null} for any
 * other header.
 *
 * @param user the user name
 * @param password the password bytes
 */
public record BasicCredentials(String user, byte[] password) {

	/** Parses the header value; {@code null} when absent, another scheme or malformed. */
	public static BasicCredentials parse(String authorization) {
		if (authorization == null) {
			return null;
		}
		String value = authorization.strip();
		int space = value.indexOf(' ');
		if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
			return null;
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = -1;
		for (int i = 0; i < decoded.length; i++) {
			if (decoded[i] == ':') {
				colon = i;
				break;
			}
		}
		if (colon < 0) {
			return null;
		}
		return new BasicCredentials(new String(decoded, 0, colon, StandardCharsets.ISO_8859_1),
				Arrays.copyOfRange(decoded, colon + 1, decoded.length));
	}

}
