package dev.wsgiboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers a request for a WSGI mount first, before Spring MVC asks its other
 * handler mappings, when none of the mappings ordered before the
 * {@link WsgiHandlerMapping} can claim its path: the result is the one the
 * {@code WsgiHandlerMapping} would give after all of them declined, without
 * the cost of asking them (about a tenth of a hello request's CPU time, most of
 * it {@code RequestMappingHandlerMapping} trying every pattern). Which paths
 * they can claim is computed from their URL patterns when the application
 * context is refreshed ({@link JavaHandlerPaths}); until then, and for every
 * claimed path, this mapping declines and the {@code WsgiHandlerMapping}
 * decides in its place, as before. Mappings registered at runtime
 * ({@code registerMapping}) are not seen: switch this off with
 * {@code wsgi.early-dispatch=false} in an application that does so.
 */
public final class WsgiEarlyHandlerMapping extends WsgiMountHandlerMapping
		implements ApplicationListener<ContextRefreshedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(WsgiEarlyHandlerMapping.class);

	private final WsgiHandlerMapping late;

	private volatile JavaHandlerPaths javaPaths = JavaHandlerPaths.ALL;

	public WsgiEarlyHandlerMapping(WsgiHandlerMapping late) {
		this.late = late;
		setOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		if (request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE) != getApplicationContext()) {
			// another context's DispatcherServlet (a management port's child context sees this
			// context's mappings too): its own mappings are not in javaPaths
			return null;
		}
		if (!mayAnswer(request)) {
			return null;
		}
		return this.late.route(request, true);
	}

	/**
	 * Whether this mapping will answer the request with a WSGI mount, for the
	 * servlet filters that run before the DispatcherServlet and would otherwise
	 * read the request's body ({@link WsgiFormContentFilter}, {@link WsgiHiddenHttpMethodFilter}).
	 */
	boolean answersFirst(HttpServletRequest request) {
		return mayAnswer(request) && this.late.isForMount(request);
	}

	/** Whether no Java handler mapping asked before the late WSGI mapping can claim the request. */
	private boolean mayAnswer(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			// a forward, include or error dispatch: Spring's lookup path is then not the request URI
			// (an error page included into a committed response keeps the URI of the request that failed)
			return false;
		}
		if (request.getPathInfo() != null) {
			// the DispatcherServlet is not mapped to "/": Spring's lookup path is not the URI's
			return false;
		}
		return !this.javaPaths.mayClaim(request.getRequestURI(), request.getContextPath().length());
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (event.getApplicationContext() != getApplicationContext()) {
			return;
		}
		this.javaPaths = javaPaths(event.getApplicationContext());
		if (this.javaPaths.claimsAll()) {
			logger.info("WSGI requests go through Spring MVC's other handler mappings first: {}",
					this.javaPaths.why());
		}
		else {
			logger.debug("WSGI requests are answered first unless one of these may claim them: {}", this.javaPaths);
		}
	}

	/** What the handler mappings that the DispatcherServlet asks before the late WSGI mapping may claim. */
	private JavaHandlerPaths javaPaths(ApplicationContext context) {
		List<HandlerMapping> mappings = new ArrayList<>(
				BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false).values());
		AnnotationAwareOrderComparator.sort(mappings);
		JavaHandlerPaths.Builder builder = new JavaHandlerPaths.Builder();
		for (HandlerMapping mapping : mappings) {
			if (mapping == this.late) {
				return builder.build();
			}
			if (mapping != this) {
				addPaths(mapping, builder);
			}
		}
		return builder.all("the WSGI handler mapping is not among the DispatcherServlet's").build();
	}

	private static void addPaths(HandlerMapping mapping, JavaHandlerPaths.Builder builder) {
		String name = mapping.getClass().getName();
		if (!(mapping instanceof AbstractHandlerMapping handlerMapping)) {
			builder.all(name + " is not an AbstractHandlerMapping, whose paths cannot be known");
			return;
		}
		PathPatternParser parser = handlerMapping.getPatternParser();
		if (parser == null) {
			builder.all(name + " matches paths with a PathMatcher (such as spring.mvc.pathmatch.matching-strategy="
					+ "ant_path_matcher), not with PathPatterns");
			return;
		}
		if (!parser.isCaseSensitive()) {
			builder.all(name + " matches paths ignoring case");
			return;
		}
		if (handlerMapping.getDefaultHandler() != null) {
			builder.all(name + " has a default handler");
			return;
		}
		if (mapping instanceof RequestMappingInfoHandlerMapping infoMapping) {
			for (RequestMappingInfo info : infoMapping.getHandlerMethods().keySet()) {
				info.getPatternValues().forEach(builder::pattern);
			}
		}
		else if (mapping instanceof AbstractUrlHandlerMapping urlMapping) {
			if (urlMapping.getRootHandler() != null) {
				builder.root();
			}
			urlMapping.getHandlerMap().keySet().forEach(builder::pattern);
		}
		else if (mapping instanceof RouterFunctionMapping routerMapping) {
			if (routerMapping.getRouterFunction() != null) {
				builder.all(name + " has router functions, whose paths cannot be known");
			}
		}
		else {
			builder.all(name + " is a handler mapping whose paths cannot be known");
		}
	}

}
