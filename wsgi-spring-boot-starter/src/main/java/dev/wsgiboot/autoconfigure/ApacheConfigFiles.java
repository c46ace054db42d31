package dev.wsgiboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.wsgiboot.core.apache.ApacheConfig;
import dev.wsgiboot.core.apache.ApacheConfigReader;
import dev.wsgiboot.core.config.WsgiConfigException;

/**
 * Reads the Apache configuration files named by {@code wsgi.apache-config}.
 */
final class ApacheConfigFiles {

	private ApacheConfigFiles() {
	}

	static List<ApacheConfig> read(List<String> locations, ResourceLoader resourceLoader) {
		List<ApacheConfig> configs = new ArrayList<>();
		ClassLoader classLoader = resourceLoader.getClassLoader();
		for (int i = 0; i < locations.size(); i++) {
			String property = "wsgi.apache-config[" + i + "]";
			String location = locations.get(i);
			Resource resource = resourceLoader.getResource(location);
			if (!resource.exists()) {
				throw new WsgiConfigException(property, "Apache configuration '" + location + "' does not exist",
						"Name a readable file (file:/etc/apache2/sites-enabled/app.conf) or class path resource.");
			}
			try {
				if (resource.isFile()) {
					configs.add(ApacheConfigReader.read(resource.getFile().toPath(), classLoader));
				}
				else {
					try (InputStream in = resource.getInputStream()) {
						String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
						configs.add(ApacheConfigReader.read(text, location, null, classLoader));
					}
				}
			}
			catch (IOException ex) {
				throw new WsgiConfigException(property, "cannot read Apache configuration '" + location + "': " + ex,
						"Check that the file exists and is readable.", ex);
			}
		}
		return configs;
	}

}
