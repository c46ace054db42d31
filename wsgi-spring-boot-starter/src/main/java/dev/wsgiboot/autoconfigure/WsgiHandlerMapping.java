package dev.wsgiboot.autoconfigure;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestHandler;

import dev.wsgiboot.core.routing.RouteMatch;
import dev.wsgiboot.core.runtime.WsgiRuntime;

/**
 * Hands requests that match a WSGI mount to the {@link WsgiRuntime}. Ordered
 * after the Java controllers' mappings, so a {@code @RestController} answering
 * the same URL wins. Rewrite rules therefore see only URLs no controller
 * claimed; a request they rewrote, redirected or refused is handled here even
 * when no mount maps it. {@link WsgiEarlyHandlerMapping} answers the requests
 * whose path no Java mapping can claim before those mappings are asked; this
 * mapping answers the others.
 */
public final class WsgiHandlerMapping extends WsgiMountHandlerMapping {

	private static final String MATCH_ATTRIBUTE = WsgiHandlerMapping.class.getName() + ".match";

	private static final String NO_MATCH_ATTRIBUTE = WsgiHandlerMapping.class.getName() + ".noMatch";

	private final WsgiRuntime runtime;

	private final HttpRequestHandler handler;

	public WsgiHandlerMapping(WsgiRuntime runtime) {
		this.runtime = runtime;
		this.handler = this::handle;
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		Object routed = request.getAttribute(NO_MATCH_ATTRIBUTE);
		if (routed != null && routed.equals(NoMatch.of(request))) {
			// the early mapping routed this very dispatch already (rewrite rules included)
			return null;
		}
		return route(request, false);
	}

	/**
	 * The handler for a request matching a mount, or {@code null}. With
	 * {@code remember}, a request matching none is marked so that the later
	 * call for the same dispatch does not route it again.
	 */
	Object route(HttpServletRequest request, boolean remember) {
		RouteMatch match = this.runtime.route(request);
		if (match == null) {
			if (remember) {
				request.setAttribute(NO_MATCH_ATTRIBUTE, NoMatch.of(request));
			}
			return null;
		}
		request.setAttribute(MATCH_ATTRIBUTE, match);
		return this.handler;
	}

	/**
	 * Whether the request's URL is one of a mount's (after the rewrite rules),
	 * whichever handler ends up answering it; for the multipart resolver, which
	 * runs before the handler is known ({@link WsgiMultipartResolver}).
	 */
	boolean isForMount(HttpServletRequest request) {
		return this.runtime.route(request) != null;
	}

	private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		RouteMatch match = (RouteMatch) request.getAttribute(MATCH_ATTRIBUTE);
		this.runtime.service(request, response, match);
		if (HttpMethod.OPTIONS.matches(request.getMethod()) && !response.isCommitted()) {
			// the response is the application's as it stands: without this, the DispatcherServlet
			// adds an Allow header of its own to an OPTIONS response that has none and no body yet
			response.flushBuffer();
		}
	}

	/** A dispatch that matched no mount. */
	private record NoMatch(String uri, DispatcherType type) {

		static NoMatch of(HttpServletRequest request) {
			return new NoMatch(request.getRequestURI(), request.getDispatcherType());
		}

	}

}
