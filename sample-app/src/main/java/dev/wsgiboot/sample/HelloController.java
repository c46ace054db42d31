package dev.wsgiboot.sample;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	/**
	 * The request body as the response: the Java counterpart of the benchmark's
	 * WSGI echo ({@code bench/apps/echo.wsgi}).
	 */
	@PostMapping(path = "/java/echo", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	byte[] echo(@RequestBody(required = false) byte[] body) {
		return (body != null) ? body : new byte[0];
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
