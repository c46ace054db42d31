package dev.wsgiboot.core.routing;

import java.nio.file.Path;
import java.util.Set;

import dev.wsgiboot.core.config.HandlerSettings;
import dev.wsgiboot.core.config.HandlerSettings.OverrideClass;

/**
 * Per-directory configuration files ({@code .htaccess}), read while a request
 * is mapped.
 */
@FunctionalInterface
public interface OverrideFiles {

	/** No per-directory files are ever read. */
	OverrideFiles NONE = (directory, allowed) -> null;

	/**
	 * The settings of {@code directory}'s file, or {@code null} when it has none.
	 * @param allowed the directive classes {@code AllowOverride} permits there
	 * @throws InvalidOverrideException when the file cannot be applied (a
	 * directive not allowed or unknown): Apache then answers 500 for every request
	 * below the directory
	 */
	HandlerSettings read(Path directory, Set<OverrideClass> allowed) throws InvalidOverrideException;

	/** A per-directory file that cannot be applied, with Apache's reason. */
	final class InvalidOverrideException extends Exception {

		public InvalidOverrideException(String message) {
			super(message, null, false, false);
		}

	}

}
