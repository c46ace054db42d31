package dev.wsgiboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Explains a WSGI configuration that cannot be served: which property or
 * {@code file:line}, what is wrong, what to do.
 */
final class WsgiConfigFailureAnalyzer extends AbstractFailureAnalyzer<WsgiConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WsgiConfigException cause) {
		StringBuilder description = new StringBuilder("Invalid WSGI configuration:\n\n    ").append(cause.getOrigin())
			.append(": ")
			.append(cause.getReason());
		for (Throwable other : cause.getSuppressed()) {
			if (other instanceof WsgiConfigException more) {
				description.append("\n    ").append(more.getOrigin()).append(": ").append(more.getReason());
			}
		}
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

}
