package dev.wsgiboot.core.rewrite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that rewrites a request or its environment before it is mapped
 * and served: mod_rewrite rules (server and {@code <Directory>} contexts) and
 * maps, {@code SetEnvIf}, and the mod_env directives the core model lacks
 * ({@code UnsetEnv}, {@code PassEnv}, directory {@code SetEnv}). Immutable.
 *
 * @param server the server context's rules
 * @param directories the {@code <Directory>} contexts with rewrite directives
 * @param maps {@code RewriteMap}s by name
 * @param setEnvIf SetEnvIf / SetEnvIfNoCase rules, in order
 * @param envDirectives directory SetEnv, UnsetEnv and PassEnv, in order
 * @param documentRoot {@code DocumentRoot}: where URL paths map to files when
 * no mount maps them, or {@code null}
 */
public record RewriteConfig(RewriteRuleSet server, List<RewriteRuleSet> directories, Map<String, RewriteMap> maps,
		List<SetEnvIfRule> setEnvIf, List<EnvDirective> envDirectives, Path documentRoot) {

	/** No rules at all. */
	public static final RewriteConfig NONE = new RewriteConfig(null, List.of(), Map.of(), List.of(), List.of(), null);

	public RewriteConfig {
		directories = List.copyOf(directories);
		maps = Map.copyOf(maps);
		setEnvIf = List.copyOf(setEnvIf);
		envDirectives = List.copyOf(envDirectives);
		if (documentRoot != null) {
			documentRoot = documentRoot.toAbsolutePath().normalize();
		}
	}

	/** Whether the server context has rules to run. */
	public boolean hasServerRules() {
		return this.server != null && this.server.active();
	}

	/** Whether anything here can change a request. */
	public boolean isEmpty() {
		return !hasServerRules() && this.directories.isEmpty() && this.setEnvIf.isEmpty()
				&& this.envDirectives.isEmpty();
	}

	/**
	 * The combination of two configurations (e.g. properties and a file): the
	 * first's server rules run before the second's.
	 */
	public RewriteConfig and(RewriteConfig other) {
		RewriteRuleSet mergedServer = this.server;
		if (mergedServer == null) {
			mergedServer = other.server;
		}
		else if (other.server != null) {
			List<RewriteRule> rules = new ArrayList<>(this.server.rules());
			rules.addAll(other.server.rules());
			mergedServer = new RewriteRuleSet(null, this.server.engineOn() || other.server.engineOn(), null, true, rules,
					this.server.origin());
		}
		Map<String, RewriteMap> mergedMaps = new LinkedHashMap<>(other.maps);
		mergedMaps.putAll(this.maps);
		return new RewriteConfig(mergedServer, concat(this.directories, other.directories), mergedMaps,
				concat(this.setEnvIf, other.setEnvIf), concat(this.envDirectives, other.envDirectives),
				(this.documentRoot != null) ? this.documentRoot : other.documentRoot);
	}

	/** The same configuration with every rewrite context switched off ({@code RewriteEngine Off}). */
	public RewriteConfig withEngineOff() {
		return new RewriteConfig(off(this.server), this.directories.stream().map(RewriteConfig::off).toList(), this.maps,
				this.setEnvIf, this.envDirectives, this.documentRoot);
	}

	private static RewriteRuleSet off(RewriteRuleSet set) {
		return (set != null) ? new RewriteRuleSet(set.directory(), false, set.base(), set.symlinksAllowed(), set.rules(),
				set.origin()) : null;
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
