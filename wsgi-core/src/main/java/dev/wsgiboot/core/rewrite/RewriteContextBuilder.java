package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Collects the mod_rewrite directives of one context (the server or one
 * {@code <Directory>}) in the order they were written: RewriteCond lines
 * attach to the next RewriteRule.
 */
public final class RewriteContextBuilder {

	private final Path directory;

	private final String origin;

	private final List<RewriteRule> rules = new ArrayList<>();

	private final List<RewriteCondition> pending = new ArrayList<>();

	private String pendingOrigin;

	private Boolean engineOn;

	private String base;

	private boolean symlinksAllowed = true;

	/**
	 * @param directory the directory of a {@code <Directory>} context, or
	 * {@code null} for the server
	 * @param origin where the context was declared
	 */
	public RewriteContextBuilder(Path directory, String origin) {
		this.directory = directory;
		this.origin = origin;
	}

	/** {@code RewriteEngine On|Off}. */
	public void engine(List<String> args, String origin) {
		if (args.size() != 1 || !(args.get(0).equalsIgnoreCase("on") || args.get(0).equalsIgnoreCase("off"))) {
			throw RewriteDirectives.invalid(origin, "RewriteEngine must be On or Off", "Write: RewriteEngine On");
		}
		this.engineOn = args.get(0).toLowerCase(Locale.ROOT).equals("on");
	}

	/** {@code RewriteBase /url}: only in a directory context. */
	public void base(List<String> args, String origin) {
		if (this.directory == null) {
			throw RewriteDirectives.invalid(origin, "RewriteBase is only allowed in <Directory> and .htaccess",
					"Remove it, or move it into the <Directory> of the rules.");
		}
		if (args.size() != 1 || !args.get(0).startsWith("/")) {
			throw RewriteDirectives.invalid(origin, "RewriteBase takes one URL path", "Write: RewriteBase /app/");
		}
		this.base = args.get(0);
	}

	public void condition(List<String> args, String origin) {
		this.pending.add(RewriteDirectives.condition(args, origin));
		if (this.pendingOrigin == null) {
			this.pendingOrigin = origin;
		}
	}

	public void rule(List<String> args, String origin) {
		this.rules.add(RewriteDirectives.rule(args, this.pending, origin));
		this.pending.clear();
		this.pendingOrigin = null;
	}

	/** Whether the {@code Options} of the directory allow per-directory rewriting (FollowSymLinks). */
	public void symlinksAllowed(boolean allowed) {
		this.symlinksAllowed = allowed;
	}

	/** Whether any rewrite directive was written here. */
	public boolean isEmpty() {
		return this.engineOn == null && this.rules.isEmpty() && this.pending.isEmpty() && this.base == null;
	}

	/**
	 * The context's rules.
	 * @throws WsgiConfigException for RewriteCond lines that no RewriteRule follows
	 */
	public RewriteRuleSet build() {
		if (!this.pending.isEmpty()) {
			throw RewriteDirectives.invalid(this.pendingOrigin, "RewriteCond without a RewriteRule after it",
					"Write the RewriteRule the condition belongs to, or remove the condition.");
		}
		return new RewriteRuleSet(this.directory, Boolean.TRUE.equals(this.engineOn), this.base, this.symlinksAllowed,
				this.rules, this.origin);
	}

}
