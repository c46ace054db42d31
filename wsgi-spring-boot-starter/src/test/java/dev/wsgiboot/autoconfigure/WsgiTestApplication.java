package dev.wsgiboot.autoconfigure;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A Spring Boot app for the tests: auto-configuration plus one Java controller.
 * Spring Security is on the test class path for {@code WsgiSpringSecurityTests}
 * only: its auto-configuration (which would protect every URL) is left out here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { WsgiTestApplication.SECURITY, WsgiTestApplication.SECURITY_USERS,
		WsgiTestApplication.SECURITY_WEB, WsgiTestApplication.SECURITY_FILTER })
@Import(WsgiTestApplication.JavaController.class)
public class WsgiTestApplication {

	static final String SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration";

	static final String SECURITY_USERS = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration";

	static final String SECURITY_WEB = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	static final String SECURITY_FILTER = "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

	@RestController
	static class JavaController {

		/** Inside the URL space of the /py mount: the Java controller must win. */
		@GetMapping("/py/java")
		String java() {
			return "answered by Java";
		}

		/** A file upload to a Java controller inside the /py mount: its parts are parsed when it asks. */
		@PostMapping("/py/java/upload")
		String upload(@RequestParam("note") String note, @RequestParam("file") MultipartFile file)
				throws java.io.IOException {
			return note + ": " + file.getOriginalFilename() + " "
					+ new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}

		/** A form sent with PUT to a Java controller inside the /py mount: the form-content filter reads it. */
		@PutMapping("/py/java/form")
		String form(@RequestParam("name") String name) {
			return "form name " + name;
		}

	}

}
