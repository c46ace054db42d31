package dev.wsgiboot.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.filter.OrderedHiddenHttpMethodFilter;

/**
 * Spring Boot's hidden-method filter ({@code spring.mvc.hiddenmethod.filter.enabled}:
 * a POST form's {@code _method} field becomes the request's method), except for
 * the requests that a WSGI mount answers: it asks every POST for its
 * parameters, which makes the servlet container read a form's body, and a WSGI
 * application reads the body (and sees the method) as the client sent them.
 * Which requests those are is the {@link WsgiEarlyHandlerMapping}'s decision,
 * as for {@link WsgiFormContentFilter}.
 */
final class WsgiHiddenHttpMethodFilter extends OrderedHiddenHttpMethodFilter {

	private final ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping;

	WsgiHiddenHttpMethodFilter(ObjectProvider<WsgiEarlyHandlerMapping> wsgiEarlyHandlerMapping) {
		this.wsgiEarlyHandlerMapping = wsgiEarlyHandlerMapping;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the cheap test first: this runs for every request, and the filter only looks at POSTs
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		WsgiEarlyHandlerMapping mapping = this.wsgiEarlyHandlerMapping.getIfAvailable();
		return mapping != null && mapping.answersFirst(request);
	}

}
