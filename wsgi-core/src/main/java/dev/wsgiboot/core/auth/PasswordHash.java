package dev.wsgiboot.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A password hash of an htpasswd file, in one of the formats Apache's
 * {@code htpasswd} writes and this server checks: bcrypt ({@code $2y$},
 * {@code $2a$}, {@code $2b$}), Apache MD5 ({@code $apr1$}) and SHA-1
 * ({@code {SHA}}). Other formats are refused when the file is read.
 */
sealed interface PasswordHash {

	/** bcrypt only looks at the first 72 bytes of a password. */
	int BCRYPT_MAX_BYTES = 72;

	/** Whether {@code password} (the bytes the client sent) matches. */
	boolean matches(byte[] password);

	/**
	 * Reads one hash.
	 * @throws IllegalArgumentException naming the format when it is not one this
	 * server checks
	 */
	static PasswordHash parse(String hash) {
		if (hash.startsWith("$2y$") || hash.startsWith("$2a$") || hash.startsWith("$2b$")) {
			if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
				throw new IllegalArgumentException("malformed bcrypt hash");
			}
			return new Bcrypt(hash);
		}
		if (hash.startsWith(Apr1Md5.MAGIC)) {
			if (!hash.matches("\\$apr1\\$[^$]{1,8}\\$[./A-Za-z0-9]{22}")) {
				throw new IllegalArgumentException("malformed $apr1$ (Apache MD5) hash");
			}
			return new Apr1(hash);
		}
		if (hash.startsWith("{SHA}")) {
			byte[] digest;
			try {
				digest = Base64.getDecoder().decode(hash.substring(5));
			}
			catch (IllegalArgumentException ex) {
				digest = new byte[0];
			}
			if (digest.length != 20) {
				throw new IllegalArgumentException("malformed {SHA} hash");
			}
			return new Sha1(digest);
		}
		if (hash.startsWith("$5$") || hash.startsWith("$6$")) {
			throw new IllegalArgumentException("SHA-256/SHA-512 crypt hashes ($5$, $6$) are not supported");
		}
		if (hash.matches("[./A-Za-z0-9]{13}")) {
			throw new IllegalArgumentException("crypt() (DES) hashes are not supported: they keep only 8 "
					+ "characters of a password");
		}
		throw new IllegalArgumentException("unknown password hash format (plain text passwords are not accepted)");
	}

	/** bcrypt, checked by Spring Security's implementation. */
	record Bcrypt(String hash) implements PasswordHash {

		@Override
		public boolean matches(byte[] password) {
			byte[] used = (password.length > BCRYPT_MAX_BYTES) ? Arrays.copyOf(password, BCRYPT_MAX_BYTES) : password;
			try {
				return BCrypt.checkpw(used, this.hash);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

	/** Apache's MD5 ({@code $apr1$}). */
	record Apr1(String hash) implements PasswordHash {

		@Override
		public boolean matches(byte[] password) {
			String computed = Apr1Md5.hash(password, Apr1Md5.salt(this.hash));
			return MessageDigest.isEqual(computed.getBytes(StandardCharsets.ISO_8859_1),
					this.hash.getBytes(StandardCharsets.ISO_8859_1));
		}

	}

	/** {@code {SHA}}: base-64 of the password's SHA-1, unsalted. */
	record Sha1(byte[] digest) implements PasswordHash {

		@Override
		public boolean matches(byte[] password) {
			try {
				return MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(password), this.digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-1 is not available in this JVM", ex);
			}
		}

	}

}
