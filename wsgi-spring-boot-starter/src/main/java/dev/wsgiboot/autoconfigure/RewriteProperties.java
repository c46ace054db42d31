package dev.wsgiboot.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.EnvDirective;
import dev.wsgiboot.core.rewrite.EnvScope;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.rewrite.RewriteContextBuilder;
import dev.wsgiboot.core.rewrite.RewriteDirectives;
import dev.wsgiboot.core.rewrite.RewriteMap;
import dev.wsgiboot.core.rewrite.RewriteRuleSet;
import dev.wsgiboot.core.rewrite.SetEnvIfRule;

/**
 * The {@code wsgi.rewrite.*} properties: mod_rewrite rules and maps, SetEnvIf,
 * UnsetEnv and PassEnv, written as in an Apache file but one property per
 * line.
 */
public final class RewriteProperties {

	/**
	 * RewriteEngine: whether rewrite rules run. false switches off the rules of
	 * the Apache files too. Default: the properties' rules run, the files' as
	 * their RewriteEngine says.
	 */
	private final Boolean enabled;

	/**
	 * RewriteRule lines with their RewriteCond lines, in order. Rules with a
	 * directory form that directory's per-directory rule set.
	 */
	private final List<Rule> rules;

	/**
	 * RewriteMap: maps by name, as type:source (txt:/path/map.txt,
	 * rnd:/path/map.txt, int:tolower...), for ${name:key|default} in rules.
	 */
	private final Map<String, String> maps;

	/**
	 * SetEnvIf / SetEnvIfNoCase rules, in order.
	 */
	private final List<SetEnvIf> setEnvIf;

	/**
	 * UnsetEnv: variables removed from what SetEnv / PassEnv set.
	 */
	private final List<String> unsetEnv;

	/**
	 * PassEnv: variables of the JVM's environment passed to the WSGI environ.
	 */
	private final List<String> passEnv;

	/**
	 * DocumentRoot: where URL paths map to files when no mount maps them (for
	 * REQUEST_FILENAME and server-level substitutions without PT).
	 */
	private final String documentRoot;

	public RewriteProperties(Boolean enabled, List<Rule> rules, Map<String, String> maps,
			List<SetEnvIf> setEnvIf, List<String> unsetEnv, List<String> passEnv, String documentRoot) {
		this.enabled = enabled;
		this.rules = (rules != null) ? List.copyOf(rules) : List.of();
		this.maps = (maps != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(maps)) : Map.of();
		this.setEnvIf = (setEnvIf != null) ? List.copyOf(setEnvIf) : List.of();
		this.unsetEnv = (unsetEnv != null) ? List.copyOf(unsetEnv) : List.of();
		this.passEnv = (passEnv != null) ? List.copyOf(passEnv) : List.of();
		this.documentRoot = documentRoot;
	}

	public Boolean getEnabled() {
		return this.enabled;
	}

	public List<Rule> getRules() {
		return this.rules;
	}

	public Map<String, String> getMaps() {
		return this.maps;
	}

	public List<SetEnvIf> getSetEnvIf() {
		return this.setEnvIf;
	}

	public List<String> getUnsetEnv() {
		return this.unsetEnv;
	}

	public List<String> getPassEnv() {
		return this.passEnv;
	}

	public String getDocumentRoot() {
		return this.documentRoot;
	}

	/**
	 * The rewrite configuration these properties describe.
	 * @throws WsgiConfigException naming the offending property
	 */
	RewriteConfig toConfig() {
		RewriteContextBuilder server = new RewriteContextBuilder(null, "wsgi.rewrite.rules");
		Map<Path, RewriteContextBuilder> directories = new LinkedHashMap<>();
		for (int i = 0; i < this.rules.size(); i++) {
			Rule rule = this.rules.get(i);
			String property = "wsgi.rewrite.rules[" + i + "]";
			RewriteContextBuilder context = server;
			if (rule.directory() != null) {
				Path directory = Path.of(rule.directory()).toAbsolutePath().normalize();
				context = directories.computeIfAbsent(directory,
						(path) -> new RewriteContextBuilder(path, property + ".directory"));
			}
			for (int c = 0; c < rule.conditions().size(); c++) {
				context.condition(RewriteDirectives.split(rule.conditions().get(c)),
						property + ".conditions[" + c + "]");
			}
			if (rule.pattern() == null || rule.substitution() == null) {
				throw new WsgiConfigException(property, "a rule needs a pattern and a substitution",
						"Set " + property + ".pattern and " + property + ".substitution ('-' for none).");
			}
			List<String> args = new ArrayList<>(List.of(rule.pattern(), rule.substitution()));
			if (rule.flags() != null && !rule.flags().isBlank()) {
				String flags = rule.flags().strip();
				args.add(flags.startsWith("[") ? flags : "[" + flags + "]");
			}
			context.rule(args, property);
		}
		String engine = Boolean.FALSE.equals(this.enabled) ? "off" : "on";
		server.engine(List.of(engine), "wsgi.rewrite.enabled");
		List<RewriteRuleSet> directorySets = new ArrayList<>();
		for (RewriteContextBuilder directory : directories.values()) {
			directory.engine(List.of(engine), "wsgi.rewrite.enabled");
			directorySets.add(directory.build());
		}
		Map<String, RewriteMap> rewriteMaps = new LinkedHashMap<>();
		this.maps.forEach((name, spec) -> rewriteMaps.put(name,
				RewriteDirectives.map(List.of(name, spec), null, "wsgi.rewrite.maps." + name)));
		List<SetEnvIfRule> setEnvIfRules = new ArrayList<>();
		for (int i = 0; i < this.setEnvIf.size(); i++) {
			setEnvIfRules.add(this.setEnvIf.get(i).toRule("wsgi.rewrite.set-env-if[" + i + "]"));
		}
		List<EnvDirective> env = new ArrayList<>();
		for (int i = 0; i < this.unsetEnv.size(); i++) {
			env.add(new EnvDirective(EnvDirective.Kind.UNSET, this.unsetEnv.get(i), null, EnvScope.SERVER,
					"wsgi.rewrite.unset-env[" + i + "]"));
		}
		for (int i = 0; i < this.passEnv.size(); i++) {
			env.add(new EnvDirective(EnvDirective.Kind.PASS, this.passEnv.get(i), null, EnvScope.SERVER,
					"wsgi.rewrite.pass-env[" + i + "]"));
		}
		RewriteRuleSet serverRules = this.rules.stream().anyMatch((rule) -> rule.directory() == null)
				? server.build() : null;
		return new RewriteConfig(serverRules, directorySets, rewriteMaps, setEnvIfRules, env,
				(this.documentRoot != null && !this.documentRoot.isBlank()) ? Path.of(this.documentRoot) : null);
	}

	/**
	 * One RewriteRule.
	 *
	 * @param pattern the regular expression searched in the URL path (below the
	 * directory for a per-directory rule); a leading ! negates it
	 * @param substitution the new URL ($N, %N, %{VAR}, ${map:key|default}), or -
	 * @param flags the flags, e.g. L,PT,QSA or [E=name:value]
	 * @param conditions RewriteCond lines: TestString CondPattern [flags]
	 * @param directory the directory whose per-directory rules this rule belongs
	 * to (Apache's Directory section); unset for the server's rules
	 */
	public record Rule(String pattern, String substitution, String flags, List<String> conditions,
			String directory) {

		public Rule {
			conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
		}

	}

	/**
	 * One SetEnvIf (or SetEnvIfNoCase) line.
	 *
	 * @param attribute Remote_Addr, Remote_Host, Request_Method, Request_Protocol,
	 * Request_URI, Server_Addr, or a header name
	 * @param pattern the regular expression
	 * @param variables var, var=value ($1..$9) or !var
	 * @param noCase SetEnvIfNoCase: match case-insensitively
	 * @param location apply only to requests at or below this URL path
	 * @param directory apply only to files in this directory
	 */
	public record SetEnvIf(String attribute, String pattern, List<String> variables, boolean noCase, String location,
			String directory) {

		SetEnvIfRule toRule(String property) {
			if (this.attribute == null || this.pattern == null || this.variables == null || this.variables.isEmpty()) {
				throw new WsgiConfigException(property, "SetEnvIf needs an attribute, a pattern and variables",
						"Set " + property + ".attribute, .pattern and .variables.");
			}
			EnvScope scope = (this.location != null) ? EnvScope.location(this.location)
					: (this.directory != null) ? EnvScope.directory(Path.of(this.directory), null) : EnvScope.SERVER;
			List<String> args = new ArrayList<>(List.of(this.attribute, this.pattern));
			args.addAll(this.variables);
			return RewriteDirectives.setEnvIf(args, this.noCase, scope, property);
		}

	}

}
