package dev.wsgiboot.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * mod_wsgi's {@code python-home} / {@code WSGIPythonHome}, which names a Python
 * installation or virtual environment. GraalPy always runs its own standard
 * library, so what a home contributes here is its packages: the
 * {@code lib/python3*}/{@code site-packages} and {@code dist-packages}
 * directories, added to {@code sys.path}.
 */
public final class PythonHome {

	private PythonHome() {
	}

	/**
	 * The package directories of a Python home, in name order.
	 * @param home the home directory
	 * @param origin where it was configured, for messages
	 * @throws WsgiConfigException when the home does not exist or holds no package
	 * directory
	 */
	public static List<String> packageDirectories(String home, String origin) {
		Path root = Path.of(home).toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve("lib"))) {
			throw new WsgiConfigException(origin, "Python home '" + home + "' has no lib directory",
					"Name a virtual environment (the directory holding pyvenv.cfg and lib/python3.X/site-packages).");
		}
		List<String> found;
		try (Stream<Path> versions = Files.list(root.resolve("lib"))) {
			found = versions.filter((dir) -> dir.getFileName().toString().startsWith("python3"))
				.flatMap((dir) -> Stream.of(dir.resolve("site-packages"), dir.resolve("dist-packages")))
				.filter(Files::isDirectory)
				.map(Path::toString)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (found.isEmpty()) {
			throw new WsgiConfigException(origin,
					"Python home '" + home + "' has no lib/python3*/site-packages or dist-packages directory",
					"Name a virtual environment or Python installation that holds packages.");
		}
		return found;
	}

}
