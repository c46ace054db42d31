package dev.wsgiboot.autoconfigure;

import org.apache.catalina.startup.Tomcat;
import org.graalvm.polyglot.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.DispatcherServlet;

import dev.wsgiboot.core.config.WsgiConfig;
import dev.wsgiboot.core.runtime.PythonEngine;
import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Auto-configuration serving the Python WSGI applications declared under
 * {@code wsgi.*} from the application's embedded servlet container, in GraalPy.
 */
@AutoConfiguration(after = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Context.class, DispatcherServlet.class })
@ConditionalOnBooleanProperty(name = "wsgi.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ WsgiProperties.class, WsgiWarmUpProperties.class })
public final class WsgiAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(WsgiAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	WsgiConfig wsgiConfig(WsgiProperties properties, ResourceLoader resourceLoader, Environment environment) {
		WsgiConfig config = properties.toConfig(resourceLoader.getClassLoader(),
				ApacheConfigFiles.read(properties.getApacheConfig(), resourceLoader));
		ContextPathMounts.check(config, environment.getProperty("server.servlet.context-path"),
				environment.getProperty("spring.mvc.servlet.path"));
		return config;
	}

	@Bean
	@ConditionalOnMissingBean
	PythonEngine wsgiPythonEngine() {
		PythonEngine engine = PythonEngine.shared();
		if (engine.isJitEnabled()) {
			logger.info(engine.describe());
		}
		else {
			logger.warn(engine.describe());
		}
		return engine;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	WsgiRuntime wsgiRuntime(WsgiConfig config, PythonEngine engine, WsgiProperties properties) {
		return new WsgiRuntime(config, engine, properties.resolvePythonCachePrefix());
	}

	@Bean
	WsgiHandlerMapping wsgiHandlerMapping(WsgiRuntime runtime, WsgiProperties properties) {
		WsgiHandlerMapping mapping = new WsgiHandlerMapping(runtime);
		mapping.setOrder(properties.getHandlerMappingOrder());
		return mapping;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "wsgi.early-dispatch", matchIfMissing = true)
	WsgiEarlyHandlerMapping wsgiEarlyHandlerMapping(WsgiHandlerMapping wsgiHandlerMapping) {
		return new WsgiEarlyHandlerMapping(wsgiHandlerMapping);
	}

	@Bean
	WsgiPreloader wsgiPreloader(WsgiRuntime runtime) {
		return new WsgiPreloader(runtime);
	}

	@Bean
	@Conditional(OnTrainingRunCondition.class)
	WsgiTrainingRunPreloader wsgiTrainingRunPreloader(WsgiRuntime runtime, Environment environment) {
		return new WsgiTrainingRunPreloader(runtime, environment.getProperty("server.port", Integer.class, 8080));
	}

	@Bean
	WsgiWarmUp wsgiWarmUp(WsgiWarmUpProperties properties, ApplicationContext context) {
		return new WsgiWarmUp(properties, context);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> wsgiTomcatCustomizer() {
			return new WsgiTomcatCustomizer();
		}

	}

}
