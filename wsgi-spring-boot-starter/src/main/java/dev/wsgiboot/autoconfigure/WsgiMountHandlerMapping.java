package dev.wsgiboot.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * What the two handler mappings of WSGI mounts have in common: a CORS preflight
 * request ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) goes to the WSGI application, as
 * Apache passes it to mod_wsgi, instead of being answered by Spring MVC's
 * preflight handler. Spring MVC's CORS configuration ({@code addCorsMappings},
 * {@code @CrossOrigin}) applies to Java handlers only; it is never set on these
 * mappings, so a Python application does its own CORS, as under mod_wsgi.
 */
abstract class WsgiMountHandlerMapping extends AbstractHandlerMapping {

	@Override
	protected HandlerExecutionChain getCorsHandlerExecutionChain(HttpServletRequest request,
			HandlerExecutionChain chain, CorsConfiguration config) {
		return (config != null) ? super.getCorsHandlerExecutionChain(request, chain, config) : chain;
	}

}
