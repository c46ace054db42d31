package dev.wsgiboot.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.wsgiboot.core.runtime.PythonEngine;

/**
 * The Java side of the sample: plain Spring MVC endpoints next to the Python
 * mounts.
 */
@RestController
class HelloController {

	private final PythonEngine engine;

	HelloController(PythonEngine engine) {
		this.engine = engine;
	}

	@GetMapping("/java/hello")
	String hello() {
		return "Hello, World";
	}

	@GetMapping("/java/runtime")
	Map<String, Object> runtime() {
		return Map.of("java", Runtime.version().toString(), "graalpy", this.engine.graalPyVersion(), "python",
				this.engine.pythonVersion(), "jit", this.engine.isJitEnabled());
	}

	/** Overlaps the Python mount at /wiki: Java controllers win. */
	@GetMapping("/wiki/java")
	String wikiFromJava() {
		return "This /wiki URL is answered by a Java controller";
	}

}
