package dev.wsgiboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.wsgiboot.core.runtime.ScriptLoadException;

/**
 * Explains a preloaded WSGI script that failed to load, with its Python
 * traceback (file and line).
 */
final class WsgiScriptLoadFailureAnalyzer extends AbstractFailureAnalyzer<ScriptLoadException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ScriptLoadException cause) {
		return new FailureAnalysis(
				"The WSGI script " + cause.getScriptName() + " failed to load:\n\n" + cause.getDetail().stripTrailing(),
				"Fix the script (the traceback above names the file and line), or remove preload from its mount "
						+ "to load it on its first request instead.",
				cause);
	}

}
