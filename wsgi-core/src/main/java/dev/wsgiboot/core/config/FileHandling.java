package dev.wsgiboot.core.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.wsgiboot.core.config.HandlerSettings.Option;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;

/**
 * The settings in force for one directory after merging every
 * {@link HandlerSettings} from the file system root down to it, as Apache
 * merges {@code <Directory>} sections and {@code .htaccess} files: later
 * (deeper) values replace earlier ones, {@code AddHandler} extensions
 * accumulate, {@code Options +X -Y} changes the inherited set. Immutable.
 *
 * @param setHandler the handler of every file, or {@code null}
 * @param handlers extension to handler
 * @param options the options in force
 * @param directoryIndex index file names in order
 * @param multiviewsMatchHandlers whether MultiViews also considers files
 * that only a handler claims ({@code MultiviewsMatch Handlers})
 * @param allowOverride which {@code .htaccess} directives are allowed
 */
public record FileHandling(String setHandler, Map<String, String> handlers, Set<Option> options,
		List<String> directoryIndex, boolean multiviewsMatchHandlers, Set<OverrideClass> allowOverride) {

	/**
	 * Apache's defaults: no handler, {@code Options FollowSymLinks},
	 * {@code DirectoryIndex index.html}, {@code AllowOverride None}.
	 */
	public static final FileHandling DEFAULT = new FileHandling(null, Map.of(), EnumSet.of(Option.FOLLOW_SYMLINKS),
			List.of("index.html"), false, EnumSet.noneOf(OverrideClass.class));

	public FileHandling {
		handlers = Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
		options = Collections.unmodifiableSet(options.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(options));
		directoryIndex = List.copyOf(directoryIndex);
		allowOverride = Collections
			.unmodifiableSet(allowOverride.isEmpty() ? EnumSet.noneOf(OverrideClass.class) : EnumSet.copyOf(allowOverride));
	}

	/** These settings with one more (deeper) section or file applied. */
	public FileHandling with(HandlerSettings settings) {
		if (settings == null || settings.isEmpty()) {
			return this;
		}
		String set = this.setHandler;
		if (settings.setHandler() != null) {
			set = settings.setHandler().equals(HandlerSettings.NO_HANDLER) ? null : settings.setHandler();
		}
		Map<String, String> merged = this.handlers;
		if (!settings.handlers().isEmpty() || !settings.removedHandlers().isEmpty()) {
			merged = new LinkedHashMap<>(this.handlers);
			merged.keySet().removeAll(settings.removedHandlers());
			merged.putAll(settings.handlers());
		}
		return new FileHandling(set, merged,
				(settings.options() != null) ? settings.options().applyTo(this.options) : this.options,
				(settings.directoryIndex() != null) ? settings.directoryIndex() : this.directoryIndex,
				(settings.multiviewsMatchHandlers() != null) ? settings.multiviewsMatchHandlers()
						: this.multiviewsMatchHandlers,
				(settings.allowOverride() != null) ? settings.allowOverride() : this.allowOverride);
	}

	public boolean has(Option option) {
		return this.options.contains(option);
	}

	/**
	 * The handler of a file name: {@code SetHandler}, else the handler of its
	 * extensions (as Apache, every extension of {@code a.wsgi.txt} counts, the
	 * last one claimed winning), else {@code null} (a static file).
	 */
	public String handlerFor(String fileName) {
		if (this.setHandler != null) {
			return this.setHandler;
		}
		return extensionHandler(fileName);
	}

	/** The handler {@code AddHandler} gives a file name, ignoring {@code SetHandler}. */
	public String extensionHandler(String fileName) {
		if (this.handlers.isEmpty()) {
			return null;
		}
		String handler = null;
		String[] parts = fileName.split("\\.");
		for (int i = 1; i < parts.length; i++) {
			String found = this.handlers.get(HandlerSettings.extension(parts[i]));
			if (found != null) {
				handler = found;
			}
		}
		return (handler != null && handler.equals(HandlerSettings.NO_HANDLER)) ? null : handler;
	}

}
