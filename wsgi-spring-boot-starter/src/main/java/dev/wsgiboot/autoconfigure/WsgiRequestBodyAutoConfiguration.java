package dev.wsgiboot.autoconfigure;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import org.apache.catalina.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.servlet.filter.OrderedHiddenHttpMethodFilter;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.filter.HiddenHttpMethodFilter;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Leaves a WSGI request's body to its WSGI application. Two of Spring Boot's
 * defaults read request bodies before any handler runs: the form-content filter
 * (forms sent with PUT, PATCH or DELETE) and the multipart resolver (every
 * {@code multipart/form-data} request, e.g. a file upload); so does the
 * hidden-method filter when it is switched on (POST forms). mod_wsgi hands an
 * application the body as the client sent it, so these stand in for Boot's
 * beans (which then back off), behave as Boot's do for every other request, and
 * do not read the bodies of requests that a WSGI mount answers. Ordered before
 * Boot's configurations for that reason; an application's own bean of one of
 * these types replaces ours as it would replace Boot's.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Context.class, DispatcherServlet.class })
@ConditionalOnBooleanProperty(name = "wsgi.enabled", matchIfMissing = true)
public final class WsgiRequestBodyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FormContentFilter.class)
	@ConditionalOnBooleanProperty(name = "spring.mvc.formcontent.filter.enabled", matchIfMissing = true)
	OrderedFormContentFilter formContentFilter(ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping) {
		return new WsgiFormContentFilter(wsgiEarlyHandlerMapping);
	}

	@Bean
	@ConditionalOnMissingBean(HiddenHttpMethodFilter.class)
	@ConditionalOnBooleanProperty("spring.mvc.hiddenmethod.filter.enabled")
	OrderedHiddenHttpMethodFilter hiddenHttpMethodFilter(
			ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping) {
		return new WsgiHiddenHttpMethodFilter(wsgiEarlyHandlerMapping);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Servlet.class, StandardServletMultipartResolver.class, MultipartConfigElement.class })
	@ConditionalOnBooleanProperty(name = "spring.servlet.multipart.enabled", matchIfMissing = true)
	@EnableConfigurationProperties(MultipartProperties.class)
	static class MultipartConfiguration {

		@Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
		@ConditionalOnMissingBean(MultipartResolver.class)
		StandardServletMultipartResolver multipartResolver(MultipartProperties properties,
				ObjectProvider<WsgiHandlerMapping> wsgiHandlerMapping) {
			WsgiMultipartResolver resolver = new WsgiMultipartResolver(wsgiHandlerMapping);
			resolver.setResolveLazily(properties.isResolveLazily());
			resolver.setStrictServletCompliance(properties.isStrictServletCompliance());
			return resolver;
		}

	}

}
