package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.ServletRequestPathUtils;

import dev.wsgiboot.core.config.DirectorySettings;
import dev.wsgiboot.core.config.RequestBodyLimits;
import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.config.WsgiConfigException;
import dev.wsgiboot.core.runtime.WsgiRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions, defaults and configuration errors of {@link WsgiAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WsgiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, WsgiAutoConfiguration.class));

	@Test
	void servletWebApplicationGetsTheRuntimeAndTheHandlerMapping() {
		this.contextRunner.withPropertyValues("wsgi.script-aliases[0].url=/app",
				"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.run((context) -> {
				assertThat(context).hasSingleBean(WsgiRuntime.class).hasSingleBean(WsgiHandlerMapping.class);
				assertThat(context.getBean(WsgiHandlerMapping.class).getOrder())
					.isEqualTo(WsgiProperties.DEFAULT_HANDLER_MAPPING_ORDER);
				WsgiConfig config = context.getBean(WsgiConfig.class);
				assertThat(config.applicationGroup()).isEqualTo("%{RESOURCE}");
				assertThat(config.callableObject()).isEqualTo("application");
				assertThat(config.scriptReloading()).isTrue();
				assertThat(config.passAuthorization()).isFalse();
				assertThat(config.embedded().processes()).isEqualTo(Runtime.getRuntime().availableProcessors());
				assertThat(config.embedded().threads()).isEqualTo(4);
				assertThat(config.scriptAliases()).singleElement()
					.satisfies((alias) -> assertThat(alias.origin()).isEqualTo("wsgi.script-aliases[0]"));
			});
	}

	@Test
	void directoriesAndApacheConfigurationCombine() {
		this.contextRunner
			.withPropertyValues("wsgi.directories[0].path=/srv/app", "wsgi.directories[0].application-group=shared",
					"wsgi.apache-config=classpath:apache/combined.conf", "wsgi.script-reloading=true")
			.run((context) -> {
				WsgiConfig config = context.getBean(WsgiConfig.class);
				assertThat(config.directories()).extracting(DirectorySettings::applicationGroup)
					.containsExactly("shared", "from-file");
				// set in the file, not as a property
				assertThat(config.serverName()).isEqualTo("file.example");
				assertThat(config.callableObject()).isEqualTo("app");
				// the property wins over the file's WSGIScriptReloading Off
				assertThat(config.scriptReloading()).isTrue();
				// ServerLimit 3 sizes the embedded group
				assertThat(config.embedded().processes()).isEqualTo(3);
				assertThat(config.scriptAliases()).singleElement()
					.satisfies((alias) -> assertThat(alias.origin()).endsWith("apache/combined.conf:5"));
			});
	}

	@Test
	void apacheConfigurationThatCannotBeReadFailsStartup() {
		this.contextRunner.withPropertyValues("wsgi.apache-config=file:/no/such/site.conf").run((context) -> {
			WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
			assertThat(failure.getOrigin()).isEqualTo("wsgi.apache-config[0]");
			assertThat(failure.getReason()).contains("/no/such/site.conf");
		});
	}

	@Test
	void unsupportedApacheDirectiveFailsStartupWithFileAndLine() {
		this.contextRunner.withPropertyValues("wsgi.apache-config=classpath:apache/unsupported.conf").run((context) -> {
			WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
			assertThat(failure.getOrigin()).endsWith("apache/unsupported.conf:2");
			FailureAnalysis analysis = new WsgiConfigFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("apache/unsupported.conf:2")
				.contains("AddHandler is not supported yet");
		});
	}

	@Test
	void requestBodyLimitsFromProperties() {
		this.contextRunner
			.withPropertyValues("wsgi.limit-request-body=10MB", "wsgi.locations[0].path=/up",
					"wsgi.locations[0].limit-request-body=0", "wsgi.locations[0].chunked-request=true")
			.run((context) -> {
				WsgiConfig config = context.getBean(WsgiConfig.class);
				assertThat(config.requestBody()).isEqualTo(new RequestBodyLimits(10L * 1024 * 1024, false));
				assertThat(config.locations().get(0).requestBody()).isEqualTo(new RequestBodyLimits(0L, true));
			});
		this.contextRunner.run((context) -> assertThat(context.getBean(WsgiConfig.class).requestBody())
			.isEqualTo(new RequestBodyLimits(1L << 30, false)));
		assertFailure("wsgi.limit-request-body=-1")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.limit-request-body"));
	}

	@Test
	void badAuthenticationPropertiesFailStartupNamingTheProperty() {
		assertFailure("wsgi.locations[0].path=/a", "wsgi.locations[0].auth.user-file=/etc/passwd")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.locations[0].auth.realm"));
		assertFailure("wsgi.locations[0].path=/a", "wsgi.locations[0].auth.realm=R",
				"wsgi.locations[0].auth.user-file=/no/such/htpasswd")
			.satisfies((failure) -> {
				assertThat(failure.getOrigin()).isEqualTo("wsgi.locations[0].auth.user-file");
				assertThat(failure.getReason()).contains("/no/such/htpasswd");
			});
		assertFailure("wsgi.directories[0].path=/srv", "wsgi.directories[0].auth.realm=R",
				"wsgi.directories[0].auth.user-file=/etc/passwd", "wsgi.directories[0].auth.require=group admins")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.directories[0].auth.require"));
		assertFailure("wsgi.locations[0].path=/a", "wsgi.locations[0].auth.type=digest")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.locations[0].auth.type"));
	}

	@Test
	void daemonOptionsNeedingAnOperatingSystemProcessFailStartupUnlessIgnored(@TempDir Path directory)
			throws IOException {
		Path conf = directory.resolve("site.conf");
		Files.writeString(conf, "ServerName site.test\nWSGIDaemonProcess site user=joe group=joe threads=2\n");
		this.contextRunner.withPropertyValues("wsgi.apache-config=file:" + conf).run((context) -> {
			WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
			assertThat(failure.getOrigin()).isEqualTo(conf + ":2");
			assertThat(failure.getReason()).contains("[user, group]").contains("separate operating-system process");
			assertThat(failure.getAction()).contains("wsgi.ignore-os-process-options=true");
		});
		this.contextRunner
			.withPropertyValues("wsgi.apache-config=file:" + conf, "wsgi.ignore-os-process-options=true")
			.run((context) -> assertThat(context.getBean(WsgiConfig.class).daemonProcesses().get("site"))
				.satisfies((site) -> {
					assertThat(site.osProcessOptions()).isEmpty();
					assertThat(site.threads()).isEqualTo(2);
				}));
	}

	@Test
	void virtualHostsFromProperties() {
		this.contextRunner
			.withPropertyValues("wsgi.virtual-hosts[0].server-name=one.test",
					"wsgi.virtual-hosts[0].server-aliases[0]=*.one.test",
					"wsgi.virtual-hosts[0].script-aliases[0].url=/one",
					"wsgi.virtual-hosts[0].script-aliases[0].path=classpath:wsgi/envprobe.wsgi",
					"wsgi.virtual-hosts[0].env[SITE]=one")
			.run((context) -> {
				WsgiConfig config = context.getBean(WsgiConfig.class);
				assertThat(config.virtualHosts()).hasSize(1);
				assertThat(config.virtualHosts().get(0).matches("www.one.test")).isTrue();
				assertThat(config.virtualHosts().get(0).config().scriptAliases()).extracting("url")
					.containsExactly("/one");
				assertThat(config.virtualHosts().get(0).config().env()).containsEntry("SITE", "one");
			});
		assertFailure("wsgi.virtual-hosts[0].server-aliases[0]=x.test")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.virtual-hosts[0].server-name"));
	}

	@Test
	void unreadableUserFileOfAnApacheConfigFailsStartupWithFileAndLine(@TempDir Path directory) throws IOException {
		Path conf = directory.resolve("site.conf");
		Files.writeString(conf, "<Location /secure>\nAuthType Basic\nAuthName R\nAuthUserFile " + directory
				+ "/missing\nRequire valid-user\n</Location>\n");
		this.contextRunner.withPropertyValues("wsgi.apache-config=file:" + conf).run((context) -> {
			WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
			assertThat(failure.getOrigin()).isEqualTo(conf + ":4");
			assertThat(failure.getReason()).contains("cannot read the user file");
		});
	}

	@Test
	void handlerMappingOrderIsConfigurable() {
		this.contextRunner.withPropertyValues("wsgi.handler-mapping-order=-5")
			.run((context) -> assertThat(context.getBean(WsgiHandlerMapping.class).getOrder()).isEqualTo(-5));
	}

	@Test
	void earlyMappingAnswersMountPathsThatNoJavaMappingClaims() {
		this.contextRunner.withUserConfiguration(OverlappingController.class)
			.withPropertyValues("wsgi.script-aliases[0].url=/app",
					"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.run((context) -> {
				WebApplicationContext web = (WebApplicationContext) context.getSourceApplicationContext();
				WsgiEarlyHandlerMapping early = context.getBean(WsgiEarlyHandlerMapping.class);
				assertThat(early.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
				assertThat(early.getHandler(dispatched(web, "GET", "/app/x"))).isNotNull();
				assertThat(early.getHandler(dispatched(web, "GET", "/app"))).isNotNull();
				// left to the Java mappings, then to the late WSGI mapping, as without the early one
				assertThat(early.getHandler(dispatched(web, "GET", "/app/java"))).isNull();
				assertThat(early.getHandler(dispatched(web, "POST", "/app/java"))).isNull();
				assertThat(early.getHandler(dispatched(web, "GET", "/app/items/7"))).isNull();
				assertThat(early.getHandler(dispatched(web, "GET", "/app/j%61va"))).isNull();
				assertThat(early.getHandler(dispatched(web, "GET", "/elsewhere"))).isNull();
				MockHttpServletRequest servletPath = dispatched(web, "GET", "/app/x");
				servletPath.setPathInfo("/x");
				assertThat(early.getHandler(servletPath)).isNull();
				assertThat(context.getBean(WsgiHandlerMapping.class).getHandler(servletPath)).isNotNull();
				// another context's DispatcherServlet (a management port's) gets nothing from it
				MockHttpServletRequest otherContext = new MockHttpServletRequest("GET", "/app/x");
				ServletRequestPathUtils.parseAndCache(otherContext);
				assertThat(early.getHandler(otherContext)).isNull();
				// nor does a forward, include or error dispatch
				MockHttpServletRequest include = dispatched(web, "GET", "/app/x");
				include.setDispatcherType(DispatcherType.INCLUDE);
				assertThat(early.getHandler(include)).isNull();
			});
	}

	@Test
	void routerFunctionsSendEveryRequestThroughTheJavaMappingsFirst(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(RouterFunctionConfiguration.class)
			.withPropertyValues("wsgi.script-aliases[0].url=/app",
					"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.run((context) -> {
				MockHttpServletRequest request = dispatched(
						(WebApplicationContext) context.getSourceApplicationContext(), "GET", "/app/x");
				assertThat(context.getBean(WsgiEarlyHandlerMapping.class).getHandler(request)).isNull();
				assertThat(context.getBean(WsgiHandlerMapping.class).getHandler(request)).isNotNull();
				assertThat(output).contains("WSGI requests go through Spring MVC's other handler mappings first")
					.contains("has router functions");
			});
	}

	@Test
	void antPathMatcherSendsEveryRequestThroughTheJavaMappingsFirst(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.mvc.pathmatch.matching-strategy=ant_path_matcher",
					"wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.run((context) -> {
				MockHttpServletRequest request = dispatched(
						(WebApplicationContext) context.getSourceApplicationContext(), "GET", "/app/x");
				assertThat(context.getBean(WsgiEarlyHandlerMapping.class).getHandler(request)).isNull();
				assertThat(output).contains("matches paths with a PathMatcher");
			});
	}

	@Test
	void earlyDispatchCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("wsgi.early-dispatch=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WsgiEarlyHandlerMapping.class)
				.hasSingleBean(WsgiHandlerMapping.class));
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withPropertyValues("wsgi.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WsgiRuntime.class)
				.doesNotHaveBean(WsgiHandlerMapping.class)
				.doesNotHaveBean(WsgiEarlyHandlerMapping.class));
	}

	@Test
	void notAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WsgiAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WsgiRuntime.class));
	}

	@Test
	void missingScriptFileFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("wsgi.script-aliases[0].url=/ok", "wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi",
					"wsgi.script-aliases[1].url=/app", "wsgi.script-aliases[1].path=/no/such/dir/app.wsgi")
			.run((context) -> {
				assertThat(context).hasFailed();
				WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
				assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[1]");
				assertThat(failure.getReason()).contains("/no/such/dir/app.wsgi").contains("does not exist");
				FailureAnalysis analysis = new WsgiConfigFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("wsgi.script-aliases[1]").contains("/no/such/dir/app.wsgi");
				assertThat(analysis.getAction()).isNotBlank();
			});
	}

	@Test
	void mountOutsideTheContextPathFailsStartupNamingTheProperty() {
		assertFailure("server.servlet.context-path=/shop", "wsgi.script-aliases[0].url=/shop/app",
				"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi", "wsgi.script-aliases[1].url=/app",
				"wsgi.script-aliases[1].path=classpath:wsgi/envprobe.wsgi")
			.satisfies((failure) -> {
				assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[1]");
				assertThat(failure.getReason()).contains("/app is outside /shop");
				assertThat(failure.getAction()).contains("/shop/app");
			});
		assertFailure("spring.mvc.servlet.path=/api", "wsgi.aliases[0].url=/media",
				"wsgi.aliases[0].path=/srv/media")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.aliases[0]"));
		this.contextRunner
			.withPropertyValues("server.servlet.context-path=/shop", "wsgi.script-aliases[0].url=/",
					"wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void missingClasspathScriptFailsStartup() {
		this.contextRunner
			.withPropertyValues("wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=classpath:wsgi/nope.wsgi")
			.run((context) -> {
				WsgiConfigException failure = findCause(context.getStartupFailure(), WsgiConfigException.class);
				assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[0]");
				assertThat(failure.getReason()).contains("classpath:wsgi/nope.wsgi");
			});
	}

	@Test
	void badMountsAndPoolSettingsFailStartupNamingTheProperty() {
		assertFailure("wsgi.script-aliases[0].url=app", "wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[0].url"));
		assertFailure("wsgi.script-aliases[0].url=/app")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[0].path"));
		assertFailure("wsgi.script-aliases[0].url=/app", "wsgi.script-aliases[0].path=classpath:wsgi/envprobe.wsgi",
				"wsgi.script-aliases[0].callable-object=not an identifier")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.script-aliases[0].callable-object"));
		assertFailure("wsgi.embedded.processes=0")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.embedded.processes"));
		assertFailure("wsgi.embedded.threads=0")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.embedded.threads"));
		assertFailure("wsgi.embedded.queue-timeout=0s")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.embedded.queue-timeout"));
	}

	@Test
	void badRewritePropertiesFailStartupNamingTheProperty() {
		assertFailure("wsgi.rewrite.rules[0].pattern=^(", "wsgi.rewrite.rules[0].substitution=/x")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.rewrite.rules[0]"))
			.satisfies((failure) -> assertThat(failure.getReason()).startsWith("bad regular expression '^('"));
		assertFailure("wsgi.rewrite.rules[0].pattern=^", "wsgi.rewrite.rules[0].substitution=/x",
				"wsgi.rewrite.rules[0].flags=L,BOGUS")
			.satisfies((failure) -> assertThat(failure.getReason()).isEqualTo("unknown flag 'BOGUS' of RewriteRule"));
		assertFailure("wsgi.rewrite.rules[0].pattern=^", "wsgi.rewrite.rules[0].substitution=-",
				"wsgi.rewrite.rules[0].conditions[0]=%{REMOTE_ADDR} [0-9")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.rewrite.rules[0].conditions[0]"));
		assertFailure("wsgi.rewrite.maps.users=txt:/no/such/users.txt")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.rewrite.maps.users"));
		assertFailure("wsgi.rewrite.maps.users=dbm:/etc/users.db")
			.satisfies((failure) -> assertThat(failure.getAction()).contains("txt:"));
		assertFailure("wsgi.rewrite.set-env-if[0].attribute=Remote_Addr", "wsgi.rewrite.set-env-if[0].pattern=(",
				"wsgi.rewrite.set-env-if[0].variables[0]=x")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.rewrite.set-env-if[0]"));
	}

	@Test
	void warmUpIsOffWithoutRequestsAndItsBadPropertiesFailStartup() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(WsgiWarmUp.class)
			.getBean(WsgiWarmUpProperties.class)
			.satisfies((properties) -> assertThat(properties.toRequests()).isEmpty()));
		assertFailure("wsgi.warm-up.requests[0].url=hello")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.warm-up.requests[0].url"));
		assertFailure("wsgi.warm-up.requests[0].url=/", "wsgi.warm-up.concurrency=0")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.warm-up.concurrency"));
		// the warm-up speaks plain HTTP only
		assertFailure("wsgi.warm-up.requests[0].url=/", "server.ssl.bundle=web")
			.satisfies((failure) -> assertThat(failure.getOrigin()).isEqualTo("wsgi.warm-up.requests"))
			.satisfies((failure) -> assertThat(failure.getReason()).contains("HTTPS"));
		this.contextRunner.withPropertyValues("wsgi.warm-up.requests[0].url=/", "server.ssl.bundle=web",
				"server.ssl.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private org.assertj.core.api.ObjectAssert<WsgiConfigException> assertFailure(String... properties) {
		WsgiConfigException[] failure = new WsgiConfigException[1];
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			failure[0] = findCause(context.getStartupFailure(), WsgiConfigException.class);
		});
		return org.assertj.core.api.Assertions.assertThatObject(failure[0]);
	}

	static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure, failure);
	}

	/** A request as the application context's DispatcherServlet hands it to its handler mappings. */
	private static MockHttpServletRequest dispatched(WebApplicationContext context, String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	@RestController
	static class OverlappingController {

		@GetMapping("/app/java")
		String java() {
			return "java";
		}

		@GetMapping("/app/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RouterFunctionConfiguration {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/app/routed", (request) -> ServerResponse.ok().body("routed")).build();
		}

	}

}
