package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;

/**
 * Where an environment directive applies: the whole server, requests at or
 * below a {@code <Location>} path, or files inside a {@code <Directory>}
 * (optionally one {@code <Files>} name). Immutable.
 *
 * @param location the URL path of a {@code <Location>}, or {@code null}
 * @param directory the directory of a {@code <Directory>}, or {@code null}
 * @param files a file name inside the directory ({@code <Files>}), or
 * {@code null}
 */
public record EnvScope(String location, Path directory, String files) {

	/** The server context. */
	public static final EnvScope SERVER = new EnvScope(null, null, null);

	public EnvScope {
		if (directory != null) {
			directory = directory.toAbsolutePath().normalize();
		}
	}

	public static EnvScope location(String path) {
		return new EnvScope(path, null, null);
	}

	public static EnvScope directory(Path directory, String files) {
		return new EnvScope(null, directory, files);
	}

	public boolean isServer() {
		return this.location == null && this.directory == null;
	}

	/**
	 * Whether the scope covers a request for {@code path} mapped to {@code file}
	 * ({@code null} when the request maps to no file).
	 */
	public boolean appliesTo(String path, Path file) {
		if (this.location != null) {
			return path.startsWith(this.location) && (path.length() == this.location.length()
					|| this.location.endsWith("/") || path.charAt(this.location.length()) == '/');
		}
		if (this.directory != null) {
			return file != null && file.startsWith(this.directory)
					&& (this.files == null || this.files.equals(String.valueOf(file.getFileName())));
		}
		return true;
	}

	/** Apache's merge order: server, then directories (shallow to deep, files last), then locations. */
	int rank() {
		if (this.location != null) {
			return 1_000_000;
		}
		if (this.directory != null) {
			return 1 + this.directory.getNameCount() * 2 + ((this.files != null) ? 1 : 0);
		}
		return 0;
	}

}
