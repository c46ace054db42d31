package dev.wsgiboot.core.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code RewriteMap}: a table read once at startup ({@code txt},
 * {@code rnd}) or one of the internal functions ({@code int:toupper},
 * {@code int:tolower}, {@code int:escape}, {@code int:unescape}). Immutable.
 *
 * @param name the map's name, as used in {@code ${name:key}}
 * @param type the map type
 * @param entries key to values ({@code rnd} maps: the {@code |}-separated
 * choices; {@code txt} maps: one value)
 * @param function the internal function of an {@code int} map, else
 * {@code null}
 * @param origin where it was declared
 */
public record RewriteMap(String name, Type type, Map<String, List<String>> entries, String function, String origin) {

	public RewriteMap {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		entries = Map.copyOf(entries);
		Objects.requireNonNull(origin, "origin");
	}

	/** The supported map types. */
	public enum Type {

		/** Plain text, one {@code key value} per line. */
		TXT,
		/** Plain text, one {@code key a|b|c} per line; a random choice. */
		RND,
		/** An internal function. */
		INT

	}

	/** The value for {@code key}, or {@code null} when the map has none. */
	public String lookup(String key) {
		return switch (this.type) {
			case TXT -> {
				List<String> values = this.entries.get(key);
				yield (values != null) ? values.get(0) : null;
			}
			case RND -> {
				List<String> values = this.entries.get(key);
				yield (values != null) ? values.get(ThreadLocalRandom.current().nextInt(values.size())) : null;
			}
			case INT -> switch (this.function) {
				case "toupper" -> key.toUpperCase(Locale.ROOT);
				case "tolower" -> key.toLowerCase(Locale.ROOT);
				case "escape" -> UrlEscapes.escapePath(key);
				case "unescape" -> UrlEscapes.unescape(key);
				default -> throw new IllegalStateException("unknown internal map function " + this.function);
			};
		};
	}

}
