package dev.wsgiboot.core.apache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.wsgiboot.core.config.AccessControl;
import dev.wsgiboot.core.config.Authentication;
import dev.wsgiboot.core.config.DaemonProcessGroup;
import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.ImportScript;
import dev.wsgiboot.core.config.InterpreterLifecycle;
import dev.wsgiboot.core.config.LocationSettings;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.ScriptAlias;
import dev.wsgiboot.core.config.StaticAlias;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.rewrite.EnvDirective;
import dev.wsgiboot.core.rewrite.EnvScope;
import dev.wsgiboot.core.rewrite.RewriteConfig;
import dev.wsgiboot.core.rewrite.RewriteRuleSet;
import dev.wsgiboot.core.rewrite.SetEnvIfRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@link ApacheConfigReader} makes of mod_wsgi directives: applied,
 * meaningless here, invalid, or not supported yet, always naming file:line.
 */
class ApacheConfigReaderTests {

	@TempDir
	Path dir;

	@Test
	void readsTheGuidelineDirectives() throws IOException {
		Path script = script("myapp.wsgi");
		ApacheConfig config = read("""
				ServerName https://www.example.com:8443
				WSGIScriptAlias /myapp %s application-group=%%{GLOBAL} callable-object=app
				WSGIApplicationGroup admin
				WSGICallableObject handler
				WSGIScriptReloading Off
				WSGIPassAuthorization On
				WSGIPythonPath /srv/lib:/usr/lib/python3/dist-packages
				ServerLimit 4
				<Directory %s>
				Order allow,deny
				Allow from all
				</Directory>
				""".formatted(script, this.dir));
		assertThat(config.serverName()).isEqualTo("www.example.com");
		assertThat(config.serverPort()).isEqualTo(8443);
		assertThat(config.useCanonicalName()).isNull();
		assertThat(config.applicationGroup()).isEqualTo("admin");
		assertThat(config.callableObject()).isEqualTo("handler");
		assertThat(config.scriptReloading()).isFalse();
		assertThat(config.passAuthorization()).isTrue();
		assertThat(config.pythonPath()).containsExactly("/srv/lib", "/usr/lib/python3/dist-packages");
		assertThat(config.serverLimit()).isEqualTo(4);
		ScriptAlias alias = config.scriptAliases().get(0);
		assertThat(alias.url()).isEqualTo("/myapp");
		assertThat(alias.script().name()).isEqualTo(script.toString());
		assertThat(alias.applicationGroup()).isEqualTo("%{GLOBAL}");
		assertThat(alias.callableObject()).isEqualTo("app");
		assertThat(alias.origin()).isEqualTo("test.conf:2");
	}

	@Test
	void directoryAndFilesSectionsSetApplicationGroups() {
		ApacheConfig config = read("""
				<Directory /srv/groups/shared>
				WSGIApplicationGroup admin-scripts
				</Directory>
				<Directory /srv/groups/special>
				<Files host.wsgi>
				WSGIApplicationGroup %{HOST}
				</Files>
				</Directory>
				""");
		assertThat(config.directories()).hasSize(2);
		assertThat(DirectorySettings.applicationGroupFor(config.directories(), Path.of("/srv/groups/shared/a.wsgi")))
			.isEqualTo("admin-scripts");
		assertThat(DirectorySettings.applicationGroupFor(config.directories(), Path.of("/srv/groups/special/host.wsgi")))
			.isEqualTo("%{HOST}");
		assertThat(config.directories().get(1).origin()).isEqualTo("test.conf:6");
	}

	@Test
	void filesSectionWithOtherDirectivesIsNotSupportedYet() {
		assertThat(failure("<Directory /srv>\n<Files a.wsgi>\nSetHandler wsgi-script\n</Files>\n</Directory>\n")
			.getReason()).isEqualTo("SetHandler inside <Files> is not supported yet");
	}

	@Test
	void readsScriptAliasMatchAndEncodedSlashes() {
		ApacheConfig config = read("WSGIScriptAliasMatch ^/wsgi/([^/]+) /srv/$1.wsgi application-group=g\n"
				+ "AllowEncodedSlashes NoDecode\n");
		ScriptAlias alias = config.scriptAliases().get(0);
		assertThat(alias.pattern().pattern()).isEqualTo("^/wsgi/([^/]+)");
		assertThat(alias.script().name()).isEqualTo("/srv/$1.wsgi");
		assertThat(alias.applicationGroup()).isEqualTo("g");
		assertThat(config.encodedSlashes()).isEqualTo(dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes.NO_DECODE);
		assertThat(failure("AllowEncodedSlashes Sometimes\n").getReason()).contains("On, Off or NoDecode");
	}

	@Test
	void useCanonicalName() {
		assertThat(read("ServerName canon.test:8443\nUseCanonicalName On\n").useCanonicalName()).isTrue();
		assertThat(failure("UseCanonicalName DNS\n").getReason()).contains("DNS is not supported yet");
	}

	@Test
	void aliasesAreRead() {
		ApacheConfig config = read("Alias /media/ /srv/media/\nAliasMatch /([^/]*\\.css) /srv/styles/$1\n");
		assertThat(config.staticAliases()).extracting(StaticAlias::url).containsExactly("/media/", "/([^/]*\\.css)");
		assertThat(config.staticAliases().get(1).pattern()).isNotNull();
		assertThat(failure("AliasMatch ([a-z /x\n").getReason()).startsWith("bad regular expression");
	}

	@Test
	void unsetDirectivesAreNull() {
		ApacheConfig config = read("ServerName oracle.test\n");
		assertThat(config.applicationGroup()).isNull();
		assertThat(config.scriptReloading()).isNull();
		assertThat(config.serverLimit()).isNull();
		assertThat(config.scriptAliases()).isEmpty();
	}

	@Test
	void meaninglessDirectivesAreAccepted() {
		ApacheConfig config = read("""
				LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so
				Listen 80
				User www-data
				ErrorLog /var/log/apache2/error.log
				WSGISocketPrefix /var/run/wsgi
				""");
		assertThat(config.scriptAliases()).isEmpty();
	}

	@Test
	void ifModuleOfModWsgiIsTrue() throws IOException {
		Path script = script("a.wsgi");
		ApacheConfig config = read("""
				<IfModule mod_wsgi.c>
				WSGIScriptAlias /a %s
				</IfModule>
				<IfModule !wsgi_module>
				WSGIScriptAlias /b %s
				</IfModule>
				""".formatted(script, script));
		assertThat(config.scriptAliases()).extracting(ScriptAlias::url).containsExactly("/a");
	}

	@Test
	void unsupportedDirectiveFailsWithFileAndLine() {
		WsgiConfigException failure = failure("ServerName x\nAddHandler cgi-script .cgi\n");
		assertThat(failure.getOrigin()).isEqualTo("test.conf:2");
		assertThat(failure.getReason()).isEqualTo("AddHandler is not supported yet");
		assertThat(failure.getAction()).isNotBlank();
	}

	@Test
	void everyUnsupportedDirectiveIsListed() {
		WsgiConfigException failure = failure("AddHandler cgi-script .cgi\nRewriteOptions Inherit\n<VirtualHost *:80>\n</VirtualHost>\n");
		assertThat(failure.getOrigin()).isEqualTo("test.conf:1");
		assertThat(failure.getSuppressed()).hasSize(2);
		assertThat(((WsgiConfigException) failure.getSuppressed()[1]).getReason())
			.isEqualTo("a <VirtualHost> without ServerName is not supported");
	}

	@Test
	void directoryAccessRulesAreRead() {
		ApacheConfig config = read("""
				<Directory /srv/denied>
				Order deny,allow
				Deny from all
				Allow from 10.1 192.168.0.0/16
				</Directory>
				<Directory /srv/required>
				Require ip 127.0.0.1
				</Directory>
				""");
		List<AccessControl> denied = DirectorySettings.accessFor(config.directories(), Path.of("/srv/denied/a.wsgi"));
		assertThat(AccessControl.allows(denied, "127.0.0.1")).isFalse();
		assertThat(AccessControl.allows(denied, "10.1.2.3")).isTrue();
		assertThat(AccessControl.allows(denied, "192.168.7.7")).isTrue();
		List<AccessControl> required = DirectorySettings.accessFor(config.directories(),
				Path.of("/srv/required/a.wsgi"));
		assertThat(AccessControl.allows(required, "127.0.0.1")).isTrue();
		assertThat(AccessControl.allows(required, "10.0.0.1")).isFalse();
	}

	@Test
	void unsupportedAndInvalidAccessRulesAreRefused() {
		assertThat(failure("<Directory /srv>\nRequire group admins\n</Directory>\n").getReason())
			.isEqualTo("Require group is not supported yet");
		assertThat(failure("<Directory /srv>\nRequire not user bob\n</Directory>\n").getReason())
			.startsWith("a negative Require line has no effect in <RequireAny>");
		assertThat(failure("<Directory /srv>\n<RequireAll>\nRequire not ip 10.0.0.1\n</RequireAll>\n</Directory>\n")
			.getReason()).contains("only negative Require lines");
		assertThat(failure("<Directory /srv>\n<RequireAny>\nAllow from all\n</RequireAny>\n</Directory>\n")
			.getReason()).isEqualTo("Allow is not allowed in <RequireAny>");
		assertThat(failure("<Directory /srv>\nAllow from bad_host!\n</Directory>\n").getReason())
			.isEqualTo("'bad_host!' is not a host or domain name");
		assertThat(failure("<Directory /srv>\nRequire env\n</Directory>\n").getReason())
			.isEqualTo("Require env needs at least one variable name");
		assertThat(failure("<Directory /srv>\nSatisfy Some\n</Directory>\n").getReason())
			.isEqualTo("Satisfy takes Any or All, got 'Some'");
		assertThat(failure("<Directory /srv>\nOrder sideways\n</Directory>\n").getReason())
			.contains("is not valid");
	}

	@Test
	void hostNamesEnvSatisfyAndRequireContainersAreRead() {
		ApacheConfig config = read("""
				<Directory /srv/app>
				Order deny,allow
				Deny from env=!trusted
				Allow from .example.org
				Satisfy Any
				<RequireAll>
				Require env trusted
				<RequireNone>
				Require ip 10.0.0.7
				</RequireNone>
				<RequireAny>
				Require host example.org
				Require ip 10.0.0.0/8
				</RequireAny>
				</RequireAll>
				</Directory>
				""");
		AccessControl access = config.directories().get(0).access();
		assertThat(access.satisfyAny()).isTrue();
		assertThat(access.deny()).hasToString("[env=!trusted]");
		assertThat(access.allow()).hasToString("[.example.org]");
		AccessControl.Require all = access.require().get(0);
		assertThat(all.container()).isEqualTo(AccessControl.Container.ALL);
		assertThat(all.lines()).extracting(AccessControl.Require::container)
			.containsExactly(null, AccessControl.Container.NONE, AccessControl.Container.ANY);
		Map<String, String> env = Map.of("trusted", "1");
		AccessControl.HostNames noDns = (address) -> null;
		assertThat(access.evaluate(new AccessControl.Client("10.0.0.1", env::get, noDns), null))
			.isEqualTo(AccessControl.Verdict.GRANTED);
		assertThat(access.evaluate(new AccessControl.Client("10.0.0.7", env::get, noDns), null))
			.isEqualTo(AccessControl.Verdict.DENIED);
		assertThat(access.evaluate(new AccessControl.Client("10.0.0.1", (name) -> null, noDns), null))
			.isEqualTo(AccessControl.Verdict.DENIED);
		assertThat(access.compatAllows(new AccessControl.Client("10.0.0.1", (name) -> null, noDns))).isFalse();
		assertThat(access.compatAllows(new AccessControl.Client("10.0.0.1", env::get, noDns))).isTrue();
	}

	@Test
	void requestBodyLimitsAreReadAtEveryLevel() {
		ApacheConfig config = read("""
				LimitRequestBody 0
				WSGIChunkedRequest On
				<Directory /srv/small>
				LimitRequestBody 1024
				</Directory>
				<Location /chunked>
				WSGIChunkedRequest Off
				LimitRequestBody 2048
				</Location>
				""");
		assertThat(config.requestBody()).isEqualTo(new RequestBodyLimits(0L, true));
		assertThat(config.directories().get(0).requestBody()).isEqualTo(new RequestBodyLimits(1024L, null));
		assertThat(config.locations().get(0).requestBody()).isEqualTo(new RequestBodyLimits(2048L, false));
		assertThat(read("ServerName x\n").requestBody()).isEqualTo(RequestBodyLimits.NONE);
		assertThat(failure("LimitRequestBody 1GB\n").getReason()).contains("must be a number of bytes");
		assertThat(failure("LimitRequestBody 2147483648\n").getReason()).contains("2147483647");
		assertThat(failure("<Location /x>\nWSGIChunkedRequest maybe\n</Location>\n").getReason())
			.contains("must be On or Off");
	}

	@Test
	void basicAuthenticationIsReadInDirectoryAndLocation() {
		ApacheConfig config = read("""
				<Directory /srv/private>
				AuthType basic
				AuthName "Private Area"
				AuthBasicProvider file
				AuthUserFile /etc/apache2/htpasswd
				Require user alice bob
				</Directory>
				<Location /secure>
				AuthType Basic
				AuthName Secure
				AuthUserFile /etc/apache2/other
				Require valid-user
				Require ip 10.0.0.0/8
				</Location>
				""");
		DirectorySettings directory = config.directories().get(0);
		assertThat(directory.authentication())
			.isEqualTo(new Authentication("Basic", "Private Area", Path.of("/etc/apache2/htpasswd"), "test.conf:5"));
		assertThat(directory.access().requireAllowsUser("bob")).isTrue();
		assertThat(directory.access().requireAllowsUser("carol")).isFalse();
		LocationSettings location = config.locations().get(0);
		assertThat(location.authentication().realm()).isEqualTo("Secure");
		assertThat(location.access().requiresUser()).isTrue();
		assertThat(location.access().requireAllows("10.1.1.1")).isTrue();
		assertThat(location.access().requireAllows("127.0.0.1")).isFalse();
		assertThat(location.access().requireAllowsUser("anyone")).isTrue();
	}

	@Test
	void authenticationThisServerCannotDoIsRefused() {
		assertThat(failure("<Location /x>\nAuthType Digest\n</Location>\n").getReason())
			.isEqualTo("AuthType Digest is not supported yet");
		assertThat(failure("<Location /x>\nAuthBasicProvider ldap\n</Location>\n").getReason())
			.isEqualTo("AuthBasicProvider ldap is not supported yet");
		WsgiConfigException relative = failure("<Directory /srv>\nAuthUserFile conf/htpasswd\n</Directory>\n");
		assertThat(relative.getOrigin()).isEqualTo("test.conf:2");
		assertThat(relative.getReason()).contains("relative to Apache's ServerRoot");
		assertThat(failure("<Location /x>\nAuthGroupFile /etc/groups\n</Location>\n").getReason())
			.isEqualTo("AuthGroupFile inside <Location> is not supported yet");
	}

	@Test
	void directoryGrantingEveryoneIsAccepted() {
		read("<Directory /srv>\nRequire all granted\nAllowOverride None\n</Directory>\n");
		read("<Directory /srv>\nOrder deny,allow\nAllow from all\n</Directory>\n");
	}

	@Test
	void invalidDirectivesAreReportedBeforeUnsupportedOnes() {
		WsgiConfigException failure = failure("""
				AddHandler cgi-script .cgi
				WSGIDaemonProcess site processes=2 bogus-option=1
				""");
		assertThat(failure.getOrigin()).isEqualTo("test.conf:2");
		assertThat(failure.getReason()).isEqualTo("unknown WSGIDaemonProcess option 'bogus-option'");
		assertThat(failure.getAction()).contains("maximum-requests");
	}

	@Test
	void duplicateDaemonProcessGroupIsInvalid() {
		WsgiConfigException failure = failure("WSGIDaemonProcess site\n<VirtualHost *:80>\nWSGIDaemonProcess site\n"
				+ "</VirtualHost>\n");
		assertThat(failure.getOrigin()).isEqualTo("test.conf:3");
		assertThat(failure.getReason()).contains("duplicate WSGIDaemonProcess 'site'").contains("test.conf:1");
	}

	@Test
	void daemonProcessNumbersAreChecked() {
		assertThat(failure("WSGIDaemonProcess site threads=many\n").getReason())
			.contains("threads must be a number");
	}

	@Test
	void daemonProcessGroupsAreRead() {
		ApacheConfig config = read("""
				WSGIDaemonProcess site processes=2 threads=5 maximum-requests=100 display-name=%{GROUP}
				WSGIDaemonProcess plain
				WSGIProcessGroup site
				<Location /plain>
				WSGIProcessGroup plain
				WSGIMapHEADToGet On
				</Location>
				""");
		DaemonProcessGroup site = config.daemonProcesses().get("site");
		assertThat(site.processes()).isEqualTo(2);
		assertThat(site.multiprocess()).isTrue();
		assertThat(site.threads()).isEqualTo(5);
		assertThat(site.maximumRequests()).isEqualTo(100);
		DaemonProcessGroup plain = config.daemonProcesses().get("plain");
		assertThat(plain.processes()).isEqualTo(1);
		assertThat(plain.multiprocess()).isFalse();
		assertThat(plain.threads()).isEqualTo(15);
		assertThat(config.processGroup()).isEqualTo("site");
		assertThat(config.locations().get(0).processGroup()).isEqualTo("plain");
		assertThat(config.locations().get(0).mapHeadToGet()).isTrue();
		ScriptAlias alias = read("WSGIScriptAlias /a " + this.dir + "/ process-group=site\n").scriptAliases().get(0);
		assertThat(alias.processGroup()).isEqualTo("site");
	}

	@Test
	void daemonOptionsNeedingAnOperatingSystemProcessAreKeptForTheServerToRefuse() {
		DaemonProcessGroup site = read("WSGIDaemonProcess site user=nobody home=/tmp threads=2\n").daemonProcesses()
			.get("site");
		assertThat(site.osProcessOptions()).containsEntry("user", "nobody").containsEntry("home", "/tmp");
		assertThat(site.threads()).isEqualTo(2);
		assertThat(site.withoutOsProcessOptions().osProcessOptions()).isEmpty();
	}

	@Test
	void daemonTimersAndPythonEnvironmentAreRead() {
		DaemonProcessGroup site = read("WSGIDaemonProcess site restart-interval=60 inactivity-timeout=0.5 "
				+ "request-timeout=30 graceful-timeout=2 shutdown-timeout=1 startup-timeout=20 queue-timeout=7 "
				+ "python-path=/a:/b lang=en_US.UTF-8 locale=C.UTF-8 socket-timeout=10 deadlock-timeout=60\n")
			.daemonProcesses()
			.get("site");
		assertThat(site.lifecycle()).isEqualTo(new InterpreterLifecycle(Duration.ofSeconds(60), Duration.ofMillis(500),
				Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(20)));
		assertThat(site.queueTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(site.environment().pythonPath()).containsExactly("/a", "/b");
		assertThat(site.environment().lang()).isEqualTo("en_US.UTF-8");
		assertThat(site.environment().locale()).isEqualTo("C.UTF-8");
		assertThat(site.osProcessOptions()).isEmpty();
		assertThat(read("WSGIDaemonProcess plain\n").daemonProcesses().get("plain").lifecycle())
			.isEqualTo(InterpreterLifecycle.DEFAULT);
	}

	@Test
	void importScriptNeedsBothGroups() {
		ImportScript imported = read("WSGIImportScript " + this.dir + "/a.wsgi process-group=%{GLOBAL} "
				+ "application-group=shared\n").importScripts().get(0);
		assertThat(imported.applicationGroup()).isEqualTo("shared");
		assertThat(imported.processGroup()).isEqualTo("%{GLOBAL}");
		assertThat(imported.origin()).isEqualTo("test.conf:1");
		assertThat(failure("WSGIImportScript /x.wsgi process-group=%{GLOBAL}\n").getReason())
			.contains("needs both process-group= and application-group=");
		assertThat(failure("WSGIImportScript /x.wsgi process-group=%{GLOBAL} application-group=%{RESOURCE}\n")
			.getReason()).contains("depends on the request");
	}

	@Test
	void badRegularExpressionIsInvalid() {
		WsgiConfigException failure = failure("WSGIScriptAliasMatch ^/wsgi/([^/]+ /srv/$1.wsgi\n");
		assertThat(failure.getReason()).startsWith("bad regular expression '^/wsgi/([^/]+'");
		assertThat(failure("RewriteEngine On\nRewriteRule ^(.*$ /x [L]\n").getOrigin()).isEqualTo("test.conf:2");
	}

	@Test
	void unknownRewriteFlagIsInvalid() {
		WsgiConfigException failure = failure("RewriteRule ^/a$ /b [L,XYZ]\n");
		assertThat(failure.getReason()).isEqualTo("unknown flag 'XYZ' of RewriteRule");
		assertThat(failure("RewriteCond %{REMOTE_ADDR} ^127 [NC,BOGUS]\n").getReason()).contains("BOGUS");
		read("ServerName x\n");
	}

	@Test
	void badDirectiveArgumentsAreInvalid() throws IOException {
		assertThat(failure("WSGIScriptReloading Maybe\n").getReason())
			.isEqualTo("WSGIScriptReloading must be On or Off, got 'Maybe'");
		assertThat(failure("WSGIScriptAlias /only-url\n").getReason()).contains("needs a URL path and a file path");
		assertThat(failure("WSGIScriptAlias /a " + script("x.wsgi") + " colour=blue\n").getReason())
			.isEqualTo("unknown WSGIScriptAlias option 'colour=blue'");
		assertThat(failure("WSGICallableObject not-an-identifier\n").getReason()).contains("not a Python identifier");
		assertThat(failure("ServerLimit 0\n").getReason()).contains("positive number");
		assertThat(failure("LimitRequestBody lots\n").getReason()).contains("number of bytes");
	}

	@Test
	void scriptAliasToDirectoryIsWalked() {
		ScriptAlias alias = read("WSGIScriptAlias /wsgi/ " + this.dir + "/\n").scriptAliases().get(0);
		assertThat(alias.walkTarget()).isEqualTo(this.dir + "/");
		ScriptAlias noSlash = read("WSGIScriptAlias /wsgi " + this.dir + "\n").scriptAliases().get(0);
		assertThat(noSlash.walkTarget()).isEqualTo(this.dir.toString());
	}

	@Test
	void syntaxErrorNamesFileAndLine() {
		WsgiConfigException failure = failure("<Directory /srv>\nRequire all granted\n");
		assertThat(failure.getOrigin()).isEqualTo("test.conf:1");
		assertThat(failure.getReason()).containsIgnoringCase("Directory");
	}

	@Test
	void readsAFileWithIncludes() throws IOException {
		Path script = script("inc.wsgi");
		Files.createDirectories(this.dir.resolve("conf.d"));
		Files.writeString(this.dir.resolve("conf.d/app.conf"), "WSGIScriptAlias /inc " + script + "\n");
		Path main = this.dir.resolve("main.conf");
		Files.writeString(main, "Define SITE oracle.test\nServerName ${SITE}\nInclude conf.d/*.conf\n");
		ApacheConfig config = ApacheConfigReader.read(main, getClass().getClassLoader());
		assertThat(config.serverName()).isEqualTo("oracle.test");
		assertThat(config.scriptAliases()).singleElement()
			.satisfies((alias) -> assertThat(alias.origin()).endsWith("conf.d/app.conf:1"));
	}

	@Test
	void unreadableFileIsReported() {
		WsgiConfigException failure = catchThrowableOfType(WsgiConfigException.class,
				() -> ApacheConfigReader.read(this.dir.resolve("missing.conf"), getClass().getClassLoader()));
		assertThat(failure.getOrigin()).contains("missing.conf");
	}

	@Test
	void rewriteRulesAreReadPerContext() throws IOException {
		Files.writeString(this.dir.resolve("users.txt"), "alice /u/alice\n");
		ApacheConfig config = read("""
				RewriteEngine On
				RewriteMap users txt:DIR/users.txt
				RewriteCond %{REQUEST_URI} ^/~([^/]+)
				RewriteRule . - [E=APPLICATION_GROUP:~%1]
				<Directory /srv/site>
				Options ExecCGI FollowSymLinks
				RewriteEngine On
				RewriteBase /site/
				RewriteRule ^(.*)$ site.wsgi/$1 [QSA,PT,L]
				WSGIProcessGroup %{ENV:PROCESS_GROUP}
				</Directory>
				<Directory /srv/plain>
				Options ExecCGI
				RewriteEngine On
				RewriteRule ^ - [F]
				</Directory>
				""".replace("DIR", this.dir.toString()));
		RewriteConfig rewrite = config.rewrite();
		assertThat(rewrite.hasServerRules()).isTrue();
		assertThat(rewrite.server().rules()).hasSize(1);
		assertThat(rewrite.server().rules().get(0).conditions()).hasSize(1);
		assertThat(rewrite.server().rules().get(0).origin()).isEqualTo("test.conf:4");
		assertThat(rewrite.maps().get("users").lookup("alice")).isEqualTo("/u/alice");
		assertThat(rewrite.directories()).hasSize(2);
		RewriteRuleSet site = rewrite.directories().get(0);
		assertThat(site.directory()).isEqualTo(Path.of("/srv/site"));
		assertThat(site.base()).isEqualTo("/site/");
		assertThat(site.symlinksAllowed()).isTrue();
		assertThat(rewrite.directories().get(1).symlinksAllowed()).isFalse();
		assertThat(rewrite.documentRoot()).isNull();
		assertThat(DirectorySettings.processGroupFor(config.directories(), Path.of("/srv/site/site.wsgi")))
			.isEqualTo("%{ENV:PROCESS_GROUP}");
	}

	@Test
	void environmentDirectivesAreReadWithTheirScope() {
		ApacheConfig config = read("""
				SetEnvIf Remote_Addr ^127\\. local=1
				SetEnvIfNoCase User-Agent bot robot
				UnsetEnv A B
				PassEnv HOME
				<Location /app>
				SetEnvIf Request_URI ^/app/x x=1
				UnsetEnv C
				</Location>
				<Directory /srv/scripts>
				SetEnv D 1
				<Files a.wsgi>
				SetEnv E 2
				</Files>
				</Directory>
				""");
		RewriteConfig rewrite = config.rewrite();
		assertThat(rewrite.setEnvIf()).extracting(SetEnvIfRule::attribute)
			.containsExactly("Remote_Addr", "User-Agent", "Request_URI");
		assertThat(rewrite.setEnvIf().get(2).scope()).isEqualTo(EnvScope.location("/app"));
		assertThat(rewrite.envDirectives()).extracting(EnvDirective::name).containsExactly("A", "B", "HOME", "C", "D", "E");
		assertThat(rewrite.envDirectives().get(5).scope()).isEqualTo(EnvScope.directory(Path.of("/srv/scripts"), "a.wsgi"));
	}

	@Test
	void rewriteMistakesAndUnsupportedFeaturesAreRefused() {
		assertThat(failure("RewriteBase /x\n").getReason()).contains("only allowed in <Directory>");
		assertThat(failure("<Directory /srv>\nRewriteMap m int:tolower\n</Directory>\n").getOrigin())
			.isEqualTo("test.conf:2");
		assertThat(failure("RewriteMap m txt:missing.txt\n").getReason()).startsWith("cannot read RewriteMap file");
		assertThat(failure("RewriteMap m dbm:users.db\n").getAction()).contains("txt:");
		assertThat(failure("RewriteEngine On\nRewriteRule ^ /x [P]\n").getReason())
			.isEqualTo("RewriteRule flag P is not supported yet");
		assertThat(failure("RewriteCond %{REMOTE_ADDR} ^127\n").getReason())
			.isEqualTo("RewriteCond without a RewriteRule after it");
		assertThat(failure("<Directory /srv>\nOptions Includes\nRewriteEngine On\n</Directory>\n").getOrigin())
			.isEqualTo("test.conf:2");
		assertThat(failure("SetEnvIf Remote_Addr\n").getReason()).contains("takes an attribute");
	}

	private Path script(String name) throws IOException {
		Path script = this.dir.resolve(name);
		Files.writeString(script, "def application(e, s):\n    return []\n");
		return script;
	}

	private ApacheConfig read(String text) {
		return ApacheConfigReader.read(text, "test.conf", this.dir, getClass().getClassLoader());
	}

	private WsgiConfigException failure(String text) {
		return catchThrowableOfType(WsgiConfigException.class, () -> read(text));
	}

}
