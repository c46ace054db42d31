package dev.wsgiboot.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Apache's {@code $apr1$} password hash (htpasswd {@code -m}, the default of
 * older htpasswd versions): the FreeBSD MD5-crypt algorithm with the magic
 * string {@code $apr1$}, written from its description: an MD5 of password,
 * magic and salt mixed with a digest of password-salt-password, stretched by
 * 1000 rounds, and the 16 bytes written in crypt's base-64 alphabet in a
 * fixed shuffled order.
 */
final class Apr1Md5 {

	static final String MAGIC = "$apr1$";

	private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	/** Which digest bytes make each group of four output characters. */
	private static final int[][] GROUPS = { { 0, 6, 12 }, { 1, 7, 13 }, { 2, 8, 14 }, { 3, 9, 15 }, { 4, 10, 5 } };

	private Apr1Md5() {
	}

	/** The salt of an {@code $apr1$salt$hash} string: up to 8 characters, ending at the next {@code $}. */
	static String salt(String hash) {
		String rest = hash.substring(MAGIC.length());
		int end = rest.indexOf('$');
		String salt = (end >= 0) ? rest.substring(0, end) : rest;
		return (salt.length() > 8) ? salt.substring(0, 8) : salt;
	}

	/** {@code $apr1$salt$hash} of a password. */
	static String hash(byte[] password, String salt) {
		byte[] saltBytes = salt.getBytes(StandardCharsets.ISO_8859_1);
		byte[] magic = MAGIC.getBytes(StandardCharsets.ISO_8859_1);
		MessageDigest alternate = md5();
		alternate.update(password);
		alternate.update(saltBytes);
		alternate.update(password);
		byte[] mix = alternate.digest();

		MessageDigest main = md5();
		main.update(password);
		main.update(magic);
		main.update(saltBytes);
		for (int left = password.length; left > 0; left -= 16) {
			main.update(mix, 0, Math.min(16, left));
		}
		// for each bit of the password length, lowest first: a zero byte when set, the first password byte when not
		for (int bits = password.length; bits != 0; bits >>>= 1) {
			if ((bits & 1) != 0) {
				main.update((byte) 0);
			}
			else {
				main.update((password.length > 0) ? password[0] : 0);
			}
		}
		byte[] digest = main.digest();

		for (int round = 0; round < 1000; round++) {
			MessageDigest step = md5();
			boolean odd = (round & 1) != 0;
			step.update(odd ? password : digest);
			if (round % 3 != 0) {
				step.update(saltBytes);
			}
			if (round % 7 != 0) {
				step.update(password);
			}
			step.update(odd ? digest : password);
			digest = step.digest();
		}

		StringBuilder out = new StringBuilder(MAGIC).append(salt).append('$');
		for (int[] group : GROUPS) {
			int value = ((digest[group[0]] & 0xff) << 16) | ((digest[group[1]] & 0xff) << 8) | (digest[group[2]] & 0xff);
			encode(out, value, 4);
		}
		encode(out, digest[11] & 0xff, 2);
		return out.toString();
	}

	private static void encode(StringBuilder out, int value, int characters) {
		for (int i = 0; i < characters; i++) {
			out.append(ALPHABET.charAt(value & 0x3f));
			value >>>= 6;
		}
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available in this JVM", ex);
		}
	}

}
