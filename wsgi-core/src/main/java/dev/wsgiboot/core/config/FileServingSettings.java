package dev.wsgiboot.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Serving files and scripts found on the file system by handler
 * ({@code DocumentRoot}, CGI scripts).
 *
 * @param documentRoot {@code DocumentRoot}: the directory that URLs no mount
 * claims are looked up in, or {@code null} to leave those URLs to the rest of
 * the application
 * @param cgiTimeout how long a CGI script may be silent (Apache's
 * {@code Timeout}) before it is killed
 */
public record FileServingSettings(Path documentRoot, Duration cgiTimeout) {

	/** Apache's default {@code Timeout}. */
	public static final Duration DEFAULT_CGI_TIMEOUT = Duration.ofSeconds(60);

	public static final FileServingSettings DEFAULT = new FileServingSettings(null, DEFAULT_CGI_TIMEOUT);

	public FileServingSettings {
		documentRoot = (documentRoot != null) ? documentRoot.toAbsolutePath().normalize() : null;
		Objects.requireNonNull(cgiTimeout, "cgiTimeout");
	}

}
