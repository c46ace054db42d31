package dev.wsgiboot.core.apache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.routing.OverrideFiles;

/**
 * Reads {@code .htaccess} files (Apache's {@code AccessFileName}) where
 * {@code AllowOverride} permits: parsed once, kept, and read again when the
 * file's modification time or size changes (checked on every request, as Apache
 * does). A directive outside the allowed classes makes the file invalid, and
 * so every request below its directory a 500, as in Apache.
 */
public final class HtaccessFiles implements OverrideFiles {

	/** Apache's default {@code AccessFileName}. */
	public static final String FILE_NAME = ".htaccess";

	private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

	@Override
	public HandlerSettings read(Path directory, Set<OverrideClass> allowed) throws InvalidOverrideException {
		Path file = directory.resolve(FILE_NAME);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (NoSuchFileException ex) {
			this.cache.remove(file);
			return null;
		}
		catch (IOException ex) {
			throw new InvalidOverrideException(file + ": unable to check htaccess file, ensure it is readable and "
					+ "that '" + directory + "' is executable: " + ex.getMessage());
		}
		long modified = attributes.lastModifiedTime().toMillis();
		long size = attributes.size();
		Entry entry = this.cache.get(file);
		if (entry == null || entry.modified() != modified || entry.size() != size || !entry.allowed().equals(allowed)) {
			entry = load(file, allowed, modified, size);
			this.cache.put(file, entry);
		}
		if (entry.problem() != null) {
			throw new InvalidOverrideException(entry.problem());
		}
		return entry.settings();
	}

	private static Entry load(Path file, Set<OverrideClass> allowed, long modified, long size) {
		try {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			ApacheConfigParser parser = new ApacheConfigParser(Map.of(), ApacheConfigReader::isModuleAvailable);
			List<ApacheDirective> directives = parser.parse(text, file.toString(), file.getParent());
			return new Entry(modified, size, allowed, settings(file, directives, allowed), null);
		}
		catch (IOException ex) {
			return new Entry(modified, size, allowed, null, file + ": cannot be read: " + ex.getMessage());
		}
		catch (ApacheConfigException ex) {
			return new Entry(modified, size, allowed, null, ex.getLocation() + ": " + ex.getReason());
		}
		catch (WsgiConfigException ex) {
			return new Entry(modified, size, allowed, null, ex.getOrigin() + ": " + ex.getReason());
		}
		catch (InvalidOverrideException ex) {
			return new Entry(modified, size, allowed, null, ex.getMessage());
		}
	}

	/** Applies the file's directives, refusing those of classes that are not allowed. */
	static HandlerSettings settings(Path file, List<ApacheDirective> directives, Set<OverrideClass> allowed)
			throws InvalidOverrideException {
		HandlerDirectives handling = new HandlerDirectives();
		for (ApacheDirective d : directives) {
			String name = d.name().toLowerCase(Locale.ROOT);
			OverrideClass applied = HandlerDirectives.APPLIED.get(name);
			OverrideClass known = (applied != null) ? applied : HandlerDirectives.OTHER.get(name);
			if (known == null) {
				throw new InvalidOverrideException(file + ": Invalid command '" + d.name()
						+ "', perhaps misspelled or defined by a module not included in the server configuration");
			}
			if (!allowed.contains(known)) {
				throw new InvalidOverrideException(file + ": " + d.name() + " not allowed here");
			}
			if (applied == null) {
				throw new InvalidOverrideException(d.location() + ": " + d.name()
						+ " is not supported in .htaccess files here (supported: AddHandler, SetHandler, "
						+ "RemoveHandler, MultiviewsMatch, DirectoryIndex, Options)");
			}
			handling.apply(d);
		}
		return handling.settings();
	}

	private record Entry(long modified, long size, Set<OverrideClass> allowed, HandlerSettings settings, String problem) {
	}

}
