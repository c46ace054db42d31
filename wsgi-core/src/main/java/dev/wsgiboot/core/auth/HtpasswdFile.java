package dev.wsgiboot.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * An htpasswd file ({@code AuthUserFile}): one {@code user:hash} line per
 * user, read at startup and read again when its modification time or size
 * changes. Hashes are bcrypt, Apache MD5 ({@code $apr1$}) or {@code {SHA}};
 * any other line stops startup with the file's {@code file:line}. User names
 * and passwords are compared as bytes (latin-1), as Apache compares them.
 */
public final class HtpasswdFile {

	private final Path file;

	private final String origin;

	private volatile Snapshot snapshot;

	private HtpasswdFile(Path file, String origin, Snapshot snapshot) {
		this.file = file;
		this.origin = origin;
		this.snapshot = snapshot;
	}

	/**
	 * Reads the file.
	 * @param origin where it was configured ({@code file:line} of
	 * {@code AuthUserFile}, or a property), named when it cannot be read
	 * @throws WsgiConfigException when it cannot be read or holds a line this
	 * server cannot check
	 */
	public static HtpasswdFile load(Path file, String origin) {
		return new HtpasswdFile(file, origin, read(file, origin));
	}

	public Path file() {
		return this.file;
	}

	/**
	 * Whether {@code user} is in the file with this password; the file is read
	 * again first when it changed.
	 * @throws WsgiConfigException when the changed file cannot be read
	 */
	public boolean verify(String user, byte[] password) {
		PasswordHash hash = current().users.get(user);
		return hash != null && hash.matches(password);
	}

	private Snapshot current() {
		Snapshot snapshot = this.snapshot;
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			throw cannotRead(this.file, this.origin, ex);
		}
		if (attributes.lastModifiedTime().equals(snapshot.modified) && attributes.size() == snapshot.size) {
			return snapshot;
		}
		synchronized (this) {
			snapshot = this.snapshot;
			if (!attributes.lastModifiedTime().equals(snapshot.modified) || attributes.size() != snapshot.size) {
				snapshot = read(this.file, this.origin);
				this.snapshot = snapshot;
			}
			return snapshot;
		}
	}

	private static Snapshot read(Path file, String origin) {
		BasicFileAttributes attributes;
		List<String> lines;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
			lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw cannotRead(file, origin, ex);
		}
		Map<String, PasswordHash> users = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String where = file + ":" + (i + 1);
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw new WsgiConfigException(where, "not a user:password-hash line",
						"Write the file with Apache's htpasswd tool (htpasswd -B " + file + " USER).");
			}
			String user = line.substring(0, colon);
			String hash = line.substring(colon + 1);
			int extra = hash.indexOf(':');
			if (extra >= 0) {
				hash = hash.substring(0, extra);
			}
			PasswordHash parsed;
			try {
				parsed = PasswordHash.parse(hash);
			}
			catch (IllegalArgumentException ex) {
				throw new WsgiConfigException(where, "the password of user '" + user + "': " + ex.getMessage(),
						"Set it again with bcrypt (htpasswd -B " + file + " " + user
								+ "); $apr1$ (htpasswd -m) and {SHA} (htpasswd -s) are accepted too.");
			}
			// Apache uses the first line of a user
			users.putIfAbsent(user, parsed);
		}
		return new Snapshot(attributes.lastModifiedTime(), attributes.size(), Map.copyOf(users));
	}

	private static WsgiConfigException cannotRead(Path file, String origin, IOException ex) {
		return new WsgiConfigException(origin, "cannot read the user file " + file + ": " + ex,
				"Check that the AuthUserFile exists and is readable by this process.", ex);
	}

	private record Snapshot(FileTime modified, long size, Map<String, PasswordHash> users) {
	}

}
