package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The mod_rewrite settings of one context: the server, or one
 * {@code <Directory>}. Immutable.
 *
 * @param directory the directory (absolute, normalised), or {@code null} for
 * the server context
 * @param engineOn {@code RewriteEngine On}
 * @param base {@code RewriteBase} (directory context), or {@code null}
 * @param symlinksAllowed whether {@code Options} allows FollowSymLinks or
 * SymLinksIfOwnerMatch here; Apache refuses every request to a directory whose
 * rewrite rules would run without (403)
 * @param rules the rules, in order
 * @param origin where the context was declared
 */
public record RewriteRuleSet(Path directory, boolean engineOn, String base, boolean symlinksAllowed,
		List<RewriteRule> rules, String origin) {

	public RewriteRuleSet {
		if (directory != null) {
			directory = directory.toAbsolutePath().normalize();
		}
		rules = List.copyOf(rules);
		Objects.requireNonNull(origin, "origin");
	}

	/** Whether rules run in this context at all. */
	public boolean active() {
		return this.engineOn && !this.rules.isEmpty();
	}

	/** Whether this directory context governs {@code file}. */
	public boolean appliesTo(Path file) {
		return this.directory != null && file.startsWith(this.directory);
	}

}
