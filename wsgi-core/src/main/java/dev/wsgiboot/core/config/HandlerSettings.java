package dev.wsgiboot.core.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the files of one directory are answered, as one {@code <Directory>}
 * section or {@code .htaccess} file says: which handler runs a file
 * ({@code SetHandler}, {@code AddHandler}), the {@code Options}, the
 * {@code DirectoryIndex}, {@code MultiviewsMatch} and {@code AllowOverride}.
 * Every field may be unset ({@code null}): the enclosing directory's value then
 * applies (see {@link FileHandling#with(HandlerSettings)}).
 *
 * @param setHandler {@code SetHandler}: the handler of every file, or
 * {@link #NO_HANDLER} to cancel an inherited one
 * @param handlers {@code AddHandler}: file extension (lower case, without the
 * dot) to handler; added to the inherited ones
 * @param removedHandlers {@code RemoveHandler}: extensions whose inherited
 * handler is removed
 * @param options {@code Options}, or {@code null}
 * @param directoryIndex {@code DirectoryIndex} in order (empty for
 * {@code disabled}), or {@code null}
 * @param multiviewsMatchHandlers {@code MultiviewsMatch Handlers}
 * ({@code true}) or {@code NegotiatedOnly} ({@code false}), or {@code null}
 * @param allowOverride {@code AllowOverride}, or {@code null}
 */
public record HandlerSettings(String setHandler, Map<String, String> handlers, Set<String> removedHandlers,
		OptionsChange options, List<String> directoryIndex, Boolean multiviewsMatchHandlers,
		Set<OverrideClass> allowOverride) {

	/** Runs a file as a WSGI application (mod_wsgi). */
	public static final String WSGI_SCRIPT = "wsgi-script";

	/** Runs a file as a CGI script (mod_cgi). */
	public static final String CGI_SCRIPT = "cgi-script";

	/** {@code SetHandler None}: the file is served as it is. */
	public static final String NO_HANDLER = "none";

	/** The handlers this server has; any other name is refused at startup. */
	public static final Set<String> KNOWN_HANDLERS = Set.of(WSGI_SCRIPT, CGI_SCRIPT, NO_HANDLER, "default-handler");

	public static final HandlerSettings NONE = new HandlerSettings(null, Map.of(), Set.of(), null, null, null, null);

	public HandlerSettings {
		handlers = Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
		removedHandlers = Set.copyOf(removedHandlers);
		directoryIndex = (directoryIndex != null) ? List.copyOf(directoryIndex) : null;
		allowOverride = (allowOverride != null) ? Collections.unmodifiableSet(EnumSet.copyOf(withNone(allowOverride)))
				: null;
	}

	private static Set<OverrideClass> withNone(Set<OverrideClass> overrides) {
		return overrides.isEmpty() ? EnumSet.noneOf(OverrideClass.class) : overrides;
	}

	public boolean isEmpty() {
		return equals(NONE);
	}

	/** The handler name of {@code SetHandler}/{@code AddHandler}, checked and lower-cased. */
	public static String handlerName(String name, String origin) {
		String handler = name.toLowerCase(Locale.ROOT);
		if (!KNOWN_HANDLERS.contains(handler)) {
			throw new WsgiConfigException(origin, "handler '" + name + "' is not supported",
					"Use wsgi-script, cgi-script or None (served as a static file).");
		}
		return handler.equals("default-handler") ? NO_HANDLER : handler;
	}

	/** An extension of {@code AddHandler}, as Apache matches it: lower case, without the dot. */
	public static String extension(String extension) {
		String ext = extension.startsWith(".") ? extension.substring(1) : extension;
		return ext.toLowerCase(Locale.ROOT);
	}

	/** An option of the {@code Options} directive. */
	public enum Option {

		/** {@code ExecCGI}: CGI and WSGI scripts may run. */
		EXEC_CGI("ExecCGI"),
		/** {@code MultiViews}: an extension-less URL finds {@code name.ext}. */
		MULTI_VIEWS("MultiViews"),
		/** {@code Indexes}: a directory without index file is listed. */
		INDEXES("Indexes"),
		/** {@code FollowSymLinks}: symbolic links are followed (else a path through one is a 403). */
		FOLLOW_SYMLINKS("FollowSymLinks"),
		/** {@code SymLinksIfOwnerMatch}: links are followed when the link and its target have the same owner. */
		SYMLINKS_IF_OWNER_MATCH("SymLinksIfOwnerMatch");

		private final String apacheName;

		Option(String apacheName) {
			this.apacheName = apacheName;
		}

		public String apacheName() {
			return this.apacheName;
		}

		/**
		 * {@code ExecCGI} or {@code exec-cgi} (a property value) to its option.
		 * @throws IllegalArgumentException for an option this server does not have
		 */
		public static Option of(String name) {
			String key = name.replace("-", "").replace("_", "");
			for (Option option : values()) {
				if (option.apacheName.equalsIgnoreCase(key) || option.name().replace("_", "").equalsIgnoreCase(key)) {
					return option;
				}
			}
			throw new IllegalArgumentException("option '" + name + "' is not supported");
		}

		/** What {@code Options All} turns on (never MultiViews). */
		public static Set<Option> all() {
			return EnumSet.of(EXEC_CGI, INDEXES, FOLLOW_SYMLINKS, SYMLINKS_IF_OWNER_MATCH);
		}

	}

	/**
	 * One {@code Options} line: either a new set ({@code Options ExecCGI
	 * Indexes}) or changes to the inherited one ({@code Options +ExecCGI
	 * -Indexes}).
	 *
	 * @param replace whether the line replaces the inherited options
	 * @param on the options turned on (the whole set when {@code replace})
	 * @param off the options turned off
	 */
	public record OptionsChange(boolean replace, Set<Option> on, Set<Option> off) {

		public OptionsChange {
			on = Collections.unmodifiableSet(on.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(on));
			off = Collections.unmodifiableSet(off.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(off));
		}

		/**
		 * Reads the words of an {@code Options} line ({@code None}, {@code All},
		 * names with or without {@code +}/{@code -}).
		 * @throws WsgiConfigException for an unknown option or a mix Apache refuses
		 */
		public static OptionsChange parse(List<String> words, String origin) {
			Set<Option> on = EnumSet.noneOf(Option.class);
			Set<Option> off = EnumSet.noneOf(Option.class);
			boolean relative = false;
			boolean absolute = false;
			for (String word : words) {
				char sign = word.isEmpty() ? ' ' : word.charAt(0);
				String name = (sign == '+' || sign == '-') ? word.substring(1) : word;
				relative |= (sign == '+' || sign == '-');
				absolute |= !(sign == '+' || sign == '-');
				Set<Option> named;
				if (name.equalsIgnoreCase("None")) {
					named = EnumSet.noneOf(Option.class);
				}
				else if (name.equalsIgnoreCase("All")) {
					named = Option.all();
				}
				else {
					try {
						named = EnumSet.of(Option.of(name));
					}
					catch (IllegalArgumentException ex) {
						throw new WsgiConfigException(origin, "Options " + name + " is not supported",
								"Use ExecCGI, Indexes, MultiViews, FollowSymLinks, SymLinksIfOwnerMatch, All or None.");
					}
				}
				(sign == '-' ? off : on).addAll(named);
			}
			if (relative && absolute) {
				throw new WsgiConfigException(origin,
						"Options mixes options with and without + or - (Apache refuses this)",
						"Write either Options +A -B or Options A B.");
			}
			return new OptionsChange(!relative, on, off);
		}

		/** The inherited options with this line applied. */
		public Set<Option> applyTo(Set<Option> inherited) {
			if (this.replace) {
				return this.on;
			}
			Set<Option> result = inherited.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(inherited);
			result.addAll(this.on);
			result.removeAll(this.off);
			return result;
		}

	}

	/** A class of directives {@code AllowOverride} lets {@code .htaccess} files use. */
	public enum OverrideClass {

		/** AddHandler, SetHandler, RemoveHandler, MultiviewsMatch... */
		FILE_INFO("FileInfo"),
		/** DirectoryIndex and the directory listing directives. */
		INDEXES("Indexes"),
		/** Options. */
		OPTIONS("Options"),
		/** Require, AuthType... */
		AUTH_CONFIG("AuthConfig"),
		/** Order, Allow, Deny. */
		LIMIT("Limit");

		private final String apacheName;

		OverrideClass(String apacheName) {
			this.apacheName = apacheName;
		}

		public String apacheName() {
			return this.apacheName;
		}

		/**
		 * The classes named by {@code AllowOverride} words ({@code None},
		 * {@code All}, {@code FileInfo}, {@code file-info}...).
		 * @throws WsgiConfigException for an unknown class
		 */
		public static Set<OverrideClass> parse(List<String> words, String origin) {
			Set<OverrideClass> result = EnumSet.noneOf(OverrideClass.class);
			for (String word : words) {
				String key = word.replace("-", "").replace("_", "");
				if (key.equalsIgnoreCase("None")) {
					continue;
				}
				if (key.equalsIgnoreCase("All")) {
					result.addAll(EnumSet.allOf(OverrideClass.class));
					continue;
				}
				OverrideClass found = null;
				for (OverrideClass override : values()) {
					if (override.apacheName.equalsIgnoreCase(key)) {
						found = override;
					}
				}
				if (found == null) {
					throw new WsgiConfigException(origin, "AllowOverride " + word + " is not supported",
							"Use None, All, FileInfo, Indexes, Options, AuthConfig or Limit.");
				}
				result.add(found);
			}
			return result;
		}

	}

}
