package dev.wsgiboot.core.apache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.OptionsChange;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * The directives that say how a directory's files are answered
 * ({@code SetHandler}, {@code AddHandler}, {@code RemoveHandler},
 * {@code Options}, {@code DirectoryIndex}, {@code MultiviewsMatch}), read the
 * same way in a {@code <Directory>} section and in a {@code .htaccess} file.
 */
final class HandlerDirectives {

	/** The directives applied here, with the AllowOverride class each belongs to. */
	static final Map<String, OverrideClass> APPLIED = Map.of("sethandler", OverrideClass.FILE_INFO, "addhandler",
			OverrideClass.FILE_INFO, "removehandler", OverrideClass.FILE_INFO, "multiviewsmatch", OverrideClass.FILE_INFO,
			"directoryindex", OverrideClass.INDEXES, "options", OverrideClass.OPTIONS);

	/**
	 * Other directives Apache allows in {@code .htaccess} files, with their
	 * class: a file using one is refused with "not allowed here" when the class
	 * is not allowed, else with "not supported", never silently skipped.
	 */
	static final Map<String, OverrideClass> OTHER = Map.ofEntries(Map.entry("setenv", OverrideClass.FILE_INFO),
			Map.entry("setenvif", OverrideClass.FILE_INFO), Map.entry("unsetenv", OverrideClass.FILE_INFO),
			Map.entry("rewriteengine", OverrideClass.FILE_INFO), Map.entry("rewriterule", OverrideClass.FILE_INFO),
			Map.entry("rewritecond", OverrideClass.FILE_INFO), Map.entry("rewritebase", OverrideClass.FILE_INFO),
			Map.entry("rewriteoptions", OverrideClass.FILE_INFO), Map.entry("addtype", OverrideClass.FILE_INFO),
			Map.entry("forcetype", OverrideClass.FILE_INFO), Map.entry("errordocument", OverrideClass.FILE_INFO),
			Map.entry("redirect", OverrideClass.FILE_INFO), Map.entry("redirectmatch", OverrideClass.FILE_INFO),
			Map.entry("header", OverrideClass.FILE_INFO), Map.entry("addcharset", OverrideClass.FILE_INFO),
			Map.entry("adddefaultcharset", OverrideClass.FILE_INFO), Map.entry("wsgiapplicationgroup", OverrideClass.FILE_INFO),
			Map.entry("wsgiprocessgroup", OverrideClass.FILE_INFO), Map.entry("indexoptions", OverrideClass.INDEXES),
			Map.entry("indexignore", OverrideClass.INDEXES), Map.entry("adddescription", OverrideClass.INDEXES),
			Map.entry("headername", OverrideClass.INDEXES), Map.entry("readmename", OverrideClass.INDEXES),
			Map.entry("directoryslash", OverrideClass.INDEXES), Map.entry("fallbackresource", OverrideClass.INDEXES),
			Map.entry("expiresactive", OverrideClass.INDEXES), Map.entry("require", OverrideClass.AUTH_CONFIG),
			Map.entry("authtype", OverrideClass.AUTH_CONFIG), Map.entry("authname", OverrideClass.AUTH_CONFIG),
			Map.entry("authuserfile", OverrideClass.AUTH_CONFIG), Map.entry("authgroupfile", OverrideClass.AUTH_CONFIG),
			Map.entry("order", OverrideClass.LIMIT), Map.entry("allow", OverrideClass.LIMIT), Map.entry("deny", OverrideClass.LIMIT));

	private String setHandler;

	private final Map<String, String> handlers = new LinkedHashMap<>();

	private final Set<String> removedHandlers = new LinkedHashSet<>();

	private OptionsChange options;

	private List<String> directoryIndex;

	private Boolean multiviewsMatchHandlers;

	/**
	 * Applies {@code d} when it is one of these directives.
	 * @return whether it was
	 * @throws WsgiConfigException for bad arguments
	 */
	boolean apply(ApacheDirective d) {
		String name = d.name().toLowerCase(Locale.ROOT);
		List<String> args = d.args();
		switch (name) {
			case "sethandler" -> {
				requireArgs(d, 1, 1);
				this.setHandler = HandlerSettings.handlerName(args.get(0), d.location());
			}
			case "addhandler" -> {
				requireArgs(d, 2, Integer.MAX_VALUE);
				String handler = HandlerSettings.handlerName(args.get(0), d.location());
				for (String extension : args.subList(1, args.size())) {
					this.handlers.put(HandlerSettings.extension(extension), handler);
				}
			}
			case "removehandler" -> {
				requireArgs(d, 1, Integer.MAX_VALUE);
				for (String extension : args) {
					String ext = HandlerSettings.extension(extension);
					this.handlers.remove(ext);
					this.removedHandlers.add(ext);
				}
			}
			case "options" -> this.options = OptionsChange.parse(args, d.location());
			case "directoryindex" -> {
				requireArgs(d, 1, Integer.MAX_VALUE);
				this.directoryIndex = (args.size() == 1 && args.get(0).equalsIgnoreCase("disabled")) ? List.of()
						: new ArrayList<>(args);
				for (String index : this.directoryIndex) {
					if (index.contains("/")) {
						throw new WsgiConfigException(d.location(), "DirectoryIndex " + index
								+ " names a path: only file names in the directory are supported",
								"Name files of the directory, e.g. DirectoryIndex index.html index.wsgi.");
					}
				}
			}
			case "multiviewsmatch" -> {
				requireArgs(d, 1, 1);
				this.multiviewsMatchHandlers = switch (args.get(0).toLowerCase(Locale.ROOT)) {
					case "handlers" -> Boolean.TRUE;
					case "negotiatedonly" -> Boolean.FALSE;
					default -> throw new WsgiConfigException(d.location(),
							"MultiviewsMatch " + args.get(0) + " is not supported",
							"Use MultiviewsMatch Handlers or NegotiatedOnly.");
				};
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	/** What the applied directives say, or {@code null} when none was applied. */
	HandlerSettings settings() {
		HandlerSettings settings = new HandlerSettings(this.setHandler, this.handlers, this.removedHandlers,
				this.options, this.directoryIndex, this.multiviewsMatchHandlers, null);
		return settings.isEmpty() ? null : settings;
	}

	private static void requireArgs(ApacheDirective d, int min, int max) {
		if (d.args().size() < min || d.args().size() > max) {
			throw new WsgiConfigException(d.location(), d.name() + " takes " + ((min == max) ? min : "at least " + min)
					+ " argument(s), got " + d.args().size(), "See the Apache documentation of " + d.name() + ".");
		}
	}

}
