package dev.wsgiboot.sample;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Java controllers and Python WSGI applications served side by side by one
 * embedded Tomcat.
 */
@SpringBootApplication
public class SampleApplication {

	/** Active instead of the default profile when an Apache configuration is given. */
	static final String APACHE_CONFIG_PROFILE = "apache-config";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		if (Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--wsgi.apache-config"))) {
			// the sample's own mounts (application-default.yml) give way to the configuration file
			application.setAdditionalProfiles(APACHE_CONFIG_PROFILE);
		}
		application.run(args);
	}

}
