package dev.wsgiboot.autoconfigure;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot app for the tests: auto-configuration plus one Java controller. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WsgiTestApplication.JavaController.class)
public class WsgiTestApplication {

	@RestController
	static class JavaController {

		/** Inside the URL space of the /py mount: the Java controller must win. */
		@GetMapping("/py/java")
		String java() {
			return "answered by Java";
		}

	}

}
