package dev.wsgiboot.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wsgiboot.core.apache.ApacheConfig;
import dev.wsgiboot.core.apache.ApacheConfigReader;
import dev.wsgiboot.core.routing.DecodedPath.EncodedSlashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Virtual hosts: name matching as Apache does it, and what a host read from an
 * Apache file inherits from the main server.
 */
class VirtualHostConfigTests {

	@Test
	void serverNameAndAliasesMatchCaseInsensitivelyWithWildcards() {
		ApacheConfig file = ApacheConfigReader.read("""
				ServerName main.test
				WSGIScriptAlias /main /srv/main.wsgi
				WSGIDaemonProcess shared threads=2
				<VirtualHost *:80>
				ServerName Site.Test
				ServerAlias www.site.test *.cdn.test app?.test
				WSGIDaemonProcess own threads=3
				WSGIScriptAlias /app /srv/site.wsgi
				</VirtualHost>
				""", "test.conf", null, getClass().getClassLoader());
		assertThat(file.virtualHosts()).hasSize(1);
		ApacheConfig.VirtualHost host = file.virtualHosts().get(0);
		assertThat(host.origin()).isEqualTo("test.conf:4");
		WsgiConfig main = new WsgiConfig(file.scriptAliases(), "main.test", WsgiConfig.DEFAULT_APPLICATION_GROUP,
				WsgiConfig.DEFAULT_CALLABLE_OBJECT, true, false, List.of(),
				new InterpreterPoolSettings(1, 1, Duration.ofSeconds(1)), List.of(),
				EncodedSlashes.OFF, Map.of(), List.of(), false, null,
				file.daemonProcesses(), WsgiConfig.GLOBAL, List.of());
		VirtualHostConfig resolved = host.resolve(main, (daemon) -> daemon);
		assertThat(resolved.matches("site.test")).isTrue();
		assertThat(resolved.matches("WWW.SITE.TEST")).isTrue();
		assertThat(resolved.matches("img.cdn.test")).isTrue();
		assertThat(resolved.matches("app1.test")).isTrue();
		assertThat(resolved.matches("app12.test")).isFalse();
		assertThat(resolved.matches("main.test")).isFalse();
		// its mounts first, then the main server's; its own daemon group and the main one's
		assertThat(resolved.config().scriptAliases()).extracting(ScriptAlias::url).containsExactly("/app", "/main");
		assertThat(resolved.config().serverName()).isEqualTo("Site.Test");
		assertThat(resolved.config().daemonProcesses()).containsKeys("own", "shared");
		assertThat(resolved.ownDaemonProcesses()).containsExactly("own");
	}

	@Test
	void aVirtualHostWithoutServerNameOrNestedIsRefused() {
		WsgiConfigException failure = catchThrowableOfType(WsgiConfigException.class,
				() -> ApacheConfigReader.read("<VirtualHost *:80>\nWSGIScriptAlias / /srv/a.wsgi\n</VirtualHost>\n",
						"test.conf", null, getClass().getClassLoader()));
		assertThat(failure.getOrigin()).isEqualTo("test.conf:1");
		assertThat(failure.getReason()).contains("without ServerName");
		failure = catchThrowableOfType(WsgiConfigException.class,
				() -> ApacheConfigReader.read("ServerAlias x.test\n", "test.conf", null, getClass().getClassLoader()));
		assertThat(failure.getReason()).contains("only meaningful inside <VirtualHost>");
	}

}
