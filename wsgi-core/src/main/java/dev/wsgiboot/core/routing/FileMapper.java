package dev.wsgiboot.core.routing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.FileHandling;
import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.Option;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.ScriptSource;
import dev.wsgiboot.core.routing.RouteMatch.Kind;

/**
 * Maps a URL to the file system the way Apache's core, mod_dir, mod_negotiation
 * and the handlers do for {@code Alias} targets and the {@code DocumentRoot}:
 * the path is walked until a file or a missing name; the file's handler
 * ({@code SetHandler}, {@code AddHandler}) decides whether it runs as a WSGI
 * application, as a CGI script (both need {@code Options ExecCGI}) or is sent
 * as it is; a directory gets its trailing slash (301), then its first
 * {@code DirectoryIndex} file, a listing ({@code Options Indexes}) or a 403; a
 * missing name is looked up as {@code name.*} with {@code Options MultiViews}.
 * Settings come from the {@code <Directory>} sections and, where
 * {@code AllowOverride} permits, from {@code .htaccess} files. Thread-safe.
 */
public final class FileMapper {

	private static final Logger logger = LoggerFactory.getLogger(FileMapper.class);

	private final List<DirectorySettings> directories;

	private final OverrideFiles overrides;

	private final Predicate<String> knownExtension;

	/** Merged settings of directories whose chain has no AllowOverride. */
	private final Map<Path, FileHandling> fixedHandling = new ConcurrentHashMap<>();

	/**
	 * @param directories the {@code <Directory>} settings
	 * @param overrides reads {@code .htaccess} files
	 * @param knownExtension whether a file extension has a content type (for
	 * MultiViews, which only considers files whose extensions all mean something)
	 */
	public FileMapper(List<DirectorySettings> directories, OverrideFiles overrides, Predicate<String> knownExtension) {
		this.directories = List.copyOf(directories);
		this.overrides = overrides;
		this.knownExtension = knownExtension;
	}

	/**
	 * Maps {@code path}, whose file-system name is {@code filename} (the mount's
	 * target with the URL remainder appended).
	 */
	public RouteMatch map(String path, String filename) {
		String name = DecodedPath.collapseSlashes(
				filename.startsWith("/") ? filename : Path.of(filename).toAbsolutePath() + (filename.endsWith("/") ? "/" : ""));
		int position = 0;
		Path current = null;
		while (true) {
			int slash = name.indexOf('/', position + 1);
			String prefix = (slash < 0) ? name : name.substring(0, slash);
			String rest = (slash < 0) ? "" : name.substring(slash);
			Path candidate = Path.of(prefix.isEmpty() ? "/" : prefix);
			RouteMatch refused = refuseSymbolicLink(path, candidate);
			if (refused != null) {
				return refused;
			}
			BasicFileAttributes attributes = attributes(candidate);
			if (attributes == null) {
				return missing(path, (current != null) ? current : candidate.getParent(), candidate, rest);
			}
			if (attributes.isRegularFile()) {
				return file(path, candidate, rest, false);
			}
			if (!attributes.isDirectory()) {
				return RouteMatch.status(null, 403, null);
			}
			if (slash < 0 || rest.equals("/")) {
				return directory(path, candidate);
			}
			current = candidate;
			position = slash;
		}
	}

	private RouteMatch file(String path, Path file, String pathInfo, boolean negotiated) {
		FileHandling handling;
		try {
			handling = handling(file.getParent());
		}
		catch (OverrideFiles.InvalidOverrideException ex) {
			return brokenOverride(path, ex);
		}
		String fileName = file.getFileName().toString();
		if (fileName.startsWith(".ht")) {
			logger.info("{}: {} is an access file and never served", path, file);
			return RouteMatch.status(null, 403, null);
		}
		String scriptName = path.endsWith(pathInfo) ? path.substring(0, path.length() - pathInfo.length()) : path;
		if (negotiated) {
			scriptName = scriptName.substring(0, scriptName.lastIndexOf('/') + 1) + fileName;
		}
		RouteMatch match = answer(handling, file, DecodedPath.collapseSlashes(scriptName), pathInfo);
		return negotiated ? match.asNegotiated() : match;
	}

	/** What the file's handler makes of it. */
	private static RouteMatch answer(FileHandling handling, Path file, String scriptName, String pathInfo) {
		String handler = handling.handlerFor(file.getFileName().toString());
		if (handler == null) {
			// the core handler serves files without path info only
			return pathInfo.isEmpty() ? RouteMatch.file(file) : RouteMatch.status(null, 404, null);
		}
		if (!handling.has(Option.EXEC_CGI)) {
			logger.info("{}: Options ExecCGI is off in this directory: {}", scriptName, file);
			return RouteMatch.status(null, 403, null);
		}
		if (handler.equals(HandlerSettings.CGI_SCRIPT)) {
			return RouteMatch.of(Kind.CGI, file, scriptName, pathInfo);
		}
		ScriptAlias script = new ScriptAlias(scriptName.isEmpty() ? "/" : scriptName,
				new ScriptSource.FileScript(file), null, null, false, file.toString());
		return RouteMatch.script(script, script.script(), scriptName, pathInfo);
	}

	private RouteMatch directory(String path, Path directory) {
		FileHandling handling;
		try {
			handling = handling(directory);
		}
		catch (OverrideFiles.InvalidOverrideException ex) {
			return brokenOverride(path, ex);
		}
		if (!path.endsWith("/")) {
			return RouteMatch.status(null, 301, path + "/");
		}
		if (handling.setHandler() != null) {
			logger.info("{}: attempt to invoke directory {} as a {}", path, directory, handling.setHandler());
			return RouteMatch.status(null, 403, null);
		}
		for (String index : handling.directoryIndex()) {
			Path candidate = directory.resolve(index);
			if (Files.isRegularFile(candidate)) {
				RouteMatch refused = refuseSymbolicLink(path, candidate);
				if (refused != null) {
					return refused;
				}
				return answer(handling, candidate, path + index, "");
			}
		}
		if (handling.has(Option.INDEXES)) {
			return RouteMatch.of(Kind.LISTING, directory, path, "");
		}
		logger.info("{}: cannot serve directory {}: no DirectoryIndex {} found, and directory listings are off "
				+ "(Options Indexes)", path, directory, handling.directoryIndex());
		return RouteMatch.status(null, 403, null);
	}

	private RouteMatch missing(String path, Path directory, Path name, String pathInfo) {
		if (directory != null && Files.isDirectory(directory)) {
			FileHandling handling;
			try {
				handling = handling(directory);
			}
			catch (OverrideFiles.InvalidOverrideException ex) {
				return brokenOverride(path, ex);
			}
			if (handling.has(Option.MULTI_VIEWS)) {
				Path chosen = negotiate(handling, directory, name.getFileName().toString());
				if (chosen != null) {
					RouteMatch refused = refuseSymbolicLink(path, chosen);
					return (refused != null) ? refused : file(path, chosen, pathInfo, true);
				}
			}
		}
		return RouteMatch.status(null, 404, null);
	}

	/**
	 * mod_negotiation for a request without preferences: the files named
	 * {@code base.ext...} whose every extension has a content type (or, with
	 * {@code MultiviewsMatch Handlers}, a handler) are the variants, and the
	 * smallest wins (name order breaks ties).
	 */
	private Path negotiate(FileHandling handling, Path directory, String base) {
		Path best = null;
		long bestSize = Long.MAX_VALUE;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, (entry) -> {
			String entryName = entry.getFileName().toString();
			return entryName.startsWith(base + ".") && entryName.length() > base.length() + 1;
		})) {
			for (Path entry : entries) {
				String entryName = entry.getFileName().toString();
				if (!Files.isRegularFile(entry) || !variant(handling, entryName.substring(base.length() + 1))) {
					continue;
				}
				long size = Files.size(entry);
				if (size < bestSize || (size == bestSize && entryName.compareTo(best.getFileName().toString()) < 0)) {
					best = entry;
					bestSize = size;
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Cannot list {} for MultiViews: {}", directory, ex.toString());
			return null;
		}
		return best;
	}

	private boolean variant(FileHandling handling, String extensions) {
		for (String extension : extensions.split("\\.")) {
			if (extension.isEmpty()) {
				return false;
			}
			boolean handled = handling.multiviewsMatchHandlers()
					&& handling.handlers().containsKey(HandlerSettings.extension(extension));
			if (!handled && !this.knownExtension.test(extension)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The merged settings of a directory: its ancestors' first, then for each
	 * level its {@code <Directory>} sections and, where allowed, its
	 * {@code .htaccess} file.
	 */
	FileHandling handling(Path directory) throws OverrideFiles.InvalidOverrideException {
		FileHandling fixed = this.fixedHandling.get(directory);
		if (fixed != null) {
			return fixed;
		}
		Path parent = directory.getParent();
		FileHandling handling = (parent != null) ? handling(parent) : FileHandling.DEFAULT;
		boolean inheritedOverrides = !handling.allowOverride().isEmpty();
		for (HandlerSettings settings : DirectorySettings.handlingOf(this.directories, directory)) {
			handling = handling.with(settings);
		}
		if (!handling.allowOverride().isEmpty()) {
			handling = handling.with(this.overrides.read(directory, handling.allowOverride()));
		}
		else if (!inheritedOverrides) {
			this.fixedHandling.put(directory, handling);
		}
		return handling;
	}

	/**
	 * Apache's symbolic link check for one component of the mapped path: a link
	 * is followed only under {@code Options FollowSymLinks}, or
	 * {@code SymLinksIfOwnerMatch} when the link and its target have the same
	 * owner, in the settings of the directory holding it; otherwise the request
	 * is a 403.
	 * @return the 403, or {@code null} when {@code candidate} is not a link or
	 * may be followed
	 */
	private RouteMatch refuseSymbolicLink(String path, Path candidate) {
		Path parent = candidate.getParent();
		if (parent == null || !Files.isSymbolicLink(candidate)) {
			return null;
		}
		FileHandling handling;
		try {
			handling = handling(parent);
		}
		catch (OverrideFiles.InvalidOverrideException ex) {
			return brokenOverride(path, ex);
		}
		if (handling.has(Option.FOLLOW_SYMLINKS)) {
			return null;
		}
		if (handling.has(Option.SYMLINKS_IF_OWNER_MATCH) && sameOwner(candidate)) {
			return null;
		}
		logger.info("{}: symbolic link not allowed or link target not accessible: {}", path, candidate);
		return RouteMatch.status(null, 403, null);
	}

	private static boolean sameOwner(Path link) {
		try {
			return Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(link));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	private static RouteMatch brokenOverride(String path, OverrideFiles.InvalidOverrideException ex) {
		logger.error("{}: {}", path, ex.getMessage());
		return RouteMatch.status(null, 500, null);
	}

	private static BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
