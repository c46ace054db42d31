package dev.wsgiboot.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * Where a WSGI script lives: a file on disk (reloadable, the usual mod_wsgi
 * case) or a resource packaged with the application ({@code classpath:}).
 */
public sealed interface ScriptSource permits ScriptSource.FileScript, ScriptSource.ClasspathScript {

	String CLASSPATH_PREFIX = "classpath:";

	/** The name the script is known by: its absolute path or its {@code classpath:} location. */
	String name();

	/**
	 * Parses a location as written by a user: {@code classpath:wsgi/app.wsgi},
	 * {@code file:/srv/app.wsgi} or a plain path.
	 */
	static ScriptSource of(String location, ClassLoader classLoader) {
		Objects.requireNonNull(location, "location");
		if (location.startsWith(CLASSPATH_PREFIX)) {
			String resource = location.substring(CLASSPATH_PREFIX.length());
			while (resource.startsWith("/")) {
				resource = resource.substring(1);
			}
			return new ClasspathScript(resource, classLoader);
		}
		String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
		return new FileScript(Path.of(path).toAbsolutePath().normalize());
	}

	/** A script file; {@link #name()} is its absolute path, as mod_wsgi names it. */
	record FileScript(Path path) implements ScriptSource {

		@Override
		public String name() {
			return this.path.toString();
		}

		/** The file's modification time, or {@code -1} when it cannot be read. */
		public long lastModified() {
			try {
				FileTime time = Files.getLastModifiedTime(this.path);
				return time.toMillis();
			}
			catch (IOException ex) {
				return -1;
			}
		}

	}

	/** A script packaged as a class path resource; never reloaded. */
	record ClasspathScript(String resource, ClassLoader classLoader) implements ScriptSource {

		@Override
		public String name() {
			return CLASSPATH_PREFIX + this.resource;
		}

		public boolean exists() {
			return this.classLoader.getResource(this.resource) != null;
		}

		public String read() throws IOException {
			try (InputStream in = this.classLoader.getResourceAsStream(this.resource)) {
				if (in == null) {
					throw new IOException("class path resource not found: " + this.resource);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

	}

}
