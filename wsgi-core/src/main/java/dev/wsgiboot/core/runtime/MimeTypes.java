package dev.wsgiboot.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content types of static files by extension, read from the system's
 * {@code /etc/mime.types} (Apache's {@code TypesConfig} on Debian), with the
 * servlet container's table as the fallback.
 */
final class MimeTypes {

	private static final Path SYSTEM_TABLE = Path.of("/etc/mime.types");

	private final Map<String, String> byExtension;

	private MimeTypes(Map<String, String> byExtension) {
		this.byExtension = byExtension;
	}

	static MimeTypes system() {
		Map<String, String> types = new HashMap<>();
		if (Files.isReadable(SYSTEM_TABLE)) {
			try {
				for (String line : Files.readAllLines(SYSTEM_TABLE, StandardCharsets.ISO_8859_1)) {
					String trimmed = line.strip();
					if (trimmed.isEmpty() || trimmed.startsWith("#")) {
						continue;
					}
					String[] fields = trimmed.split("\\s+");
					for (int i = 1; i < fields.length; i++) {
						types.putIfAbsent(fields[i].toLowerCase(Locale.ROOT), fields[0]);
					}
				}
			}
			catch (IOException ex) {
				// the servlet container's table answers instead
			}
		}
		return new MimeTypes(Map.copyOf(types));
	}

	/** Whether a file extension (without the dot) has a content type. */
	boolean knowsExtension(String extension) {
		return this.byExtension.containsKey(extension.toLowerCase(Locale.ROOT));
	}

	/** The content type for a file name, or {@code null} when unknown. */
	String forFileName(String name) {
		int dot = name.lastIndexOf('.');
		return (dot >= 0) ? this.byExtension.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)) : null;
	}

}
